package dev.kiln.middleware;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Adds security headers to every response that does not set them itself. The defaults suit an
 * application serving its own pages and API; {@link #with}, {@link #without} and {@link #hsts}
 * return adjusted copies.
 *
 * <pre>{@code
 * new SecurityHeaders().hsts(Duration.ofDays(365)).without("Content-Security-Policy")
 * }</pre>
 */
public final class SecurityHeaders implements Middleware.Handler {
  private final Map<String, String> headers;

  /** nosniff, no framing, a strict referrer policy, same-origin opener, and a same-origin CSP. */
  public SecurityHeaders() {
    this(defaults());
  }

  private SecurityHeaders(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("X-Content-Type-Options", "nosniff");
    defaults.put("X-Frame-Options", "DENY");
    defaults.put("Referrer-Policy", "strict-origin-when-cross-origin");
    defaults.put("Cross-Origin-Opener-Policy", "same-origin");
    defaults.put("Content-Security-Policy",
        "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    return defaults;
  }

  public SecurityHeaders with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SecurityHeaders(copy);
  }

  public SecurityHeaders without(String name) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    return new SecurityHeaders(copy);
  }

  /** Strict-Transport-Security: only for applications served over HTTPS, which is why it is off by default. */
  public SecurityHeaders hsts(Duration maxAge) {
    return with("Strict-Transport-Security", "max-age=" + maxAge.toSeconds() + "; includeSubDomains");
  }

  /** The headers it adds. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    return next.handle(request).thenApply(response -> {
      Response secured = response;
      for (Map.Entry<String, String> header : headers.entrySet()) {
        if (secured.header(header.getKey()) == null) {
          secured = secured.withHeader(header.getKey(), header.getValue());
        }
      }
      return secured;
    });
  }
}
