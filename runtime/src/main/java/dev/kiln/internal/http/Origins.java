package dev.kiln.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Comparing a request's {@code Origin} with the host it was sent to, for CSRF and WebSocket handshakes. */
public final class Origins {
  private Origins() {}

  /**
   * Whether {@code origin} ({@code scheme://host[:port]}) names the host the request was sent to,
   * its {@code Host} header, default ports aside. {@code null} and opaque origins ({@code null}) never do.
   */
  public static boolean sameOrigin(String origin, String host) {
    if (origin == null || host == null || origin.equals("null")) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort = scheme.equals("https") || scheme.equals("wss") ? 443
        : scheme.equals("http") || scheme.equals("ws") ? 80 : -1;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    String authority = uri.getHost().toLowerCase(Locale.ROOT) + (port == defaultPort ? "" : ":" + port);
    String requested = host.toLowerCase(Locale.ROOT);
    if (defaultPort != -1 && requested.endsWith(":" + defaultPort)) {
      requested = requested.substring(0, requested.length() - String.valueOf(defaultPort).length() - 1);
    }
    return authority.equals(requested);
  }
}
