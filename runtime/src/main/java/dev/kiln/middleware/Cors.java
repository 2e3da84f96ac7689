package dev.kiln.middleware;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Cross-origin resource sharing: answers preflight requests itself and adds the CORS headers to the
 * responses of allowed origins. Install it globally or on the API's path so that preflights for
 * paths without an {@code OPTIONS} route reach it too.
 *
 * <pre>{@code
 * Cors.allowing("https://app.example.com").methods(GET, POST).headers("Authorization", "Content-Type")
 *     .credentials(true).maxAge(Duration.ofHours(1))
 * }</pre>
 */
public final class Cors implements Middleware.Handler {
  private final Set<String> origins;
  private final Set<HttpMethod> methods;
  private final Set<String> headers;
  private final List<String> exposed;
  private final boolean credentials;
  private final Duration maxAge;

  private Cors(Set<String> origins, Set<HttpMethod> methods, Set<String> headers, List<String> exposed,
      boolean credentials, Duration maxAge) {
    this.origins = Set.copyOf(origins);
    this.methods = Set.copyOf(methods);
    this.headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.exposed = List.copyOf(exposed);
    this.credentials = credentials;
    this.maxAge = maxAge;
  }

  /** Allows these origins ({@code "*"} for any), for GET, HEAD and POST with no extra headers. */
  public static Cors allowing(String... origins) {
    return new Cors(Set.of(origins), Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST), Set.of(), List.of(),
        false, Duration.ofMinutes(10));
  }

  public Cors methods(HttpMethod... methods) {
    return new Cors(origins, Set.of(methods), headers, exposed, credentials, maxAge);
  }

  /** Request headers a cross-origin request may send; {@code "*"} for any. */
  public Cors headers(String... headers) {
    return new Cors(origins, methods, Set.of(headers), exposed, credentials, maxAge);
  }

  /** Response headers scripts may read. */
  public Cors exposedHeaders(String... headers) {
    return new Cors(origins, methods, this.headers, List.of(headers), credentials, maxAge);
  }

  /** Whether requests may carry cookies; the origin is then echoed, never {@code *}. */
  public Cors credentials(boolean credentials) {
    return new Cors(origins, methods, headers, exposed, credentials, maxAge);
  }

  /** How long browsers may cache a preflight's answer. */
  public Cors maxAge(Duration maxAge) {
    return new Cors(origins, methods, headers, exposed, credentials, maxAge);
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String origin = request.header("Origin");
    if (origin == null) {
      return next.handle(request);
    }
    boolean allowed = origins.contains("*") || origins.contains(origin);
    String requestedMethod = request.header("Access-Control-Request-Method");
    if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
      return CompletableFuture.completedFuture(preflight(request, origin, allowed, requestedMethod));
    }
    return next.handle(request).thenApply(response -> allowed ? withOrigin(response, origin) : response);
  }

  private Response preflight(Request request, String origin, boolean allowed, String requestedMethod) {
    HttpMethod method = HttpMethod.of(requestedMethod.strip());
    if (!allowed) {
      return HttpError.forbidden("CORS: origin " + origin + " is not allowed").withHeader("Vary", "Origin").toResponse();
    }
    if (method == null || !methods.contains(method)) {
      return HttpError.forbidden("CORS: method " + requestedMethod + " is not allowed").withHeader("Vary", "Origin").toResponse();
    }
    String requestedHeaders = request.header("Access-Control-Request-Headers");
    Set<String> asked = new LinkedHashSet<>();
    if (requestedHeaders != null) {
      Arrays.stream(requestedHeaders.split(",")).map(String::strip).filter(h -> !h.isEmpty())
          .map(h -> h.toLowerCase(Locale.ROOT)).forEach(asked::add);
    }
    if (!headers.contains("*") && !headers.containsAll(asked)) {
      return HttpError.forbidden("CORS: headers " + requestedHeaders + " are not allowed").withHeader("Vary", "Origin").toResponse();
    }
    Response response = withOrigin(Response.noContent(), origin)
        .withHeader("Access-Control-Allow-Methods", methods.stream().sorted().map(Enum::name)
            .collect(Collectors.joining(", ")))
        .withHeader("Access-Control-Max-Age", String.valueOf(maxAge.toSeconds()))
        .withHeader("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
    return asked.isEmpty() ? response : response.withHeader("Access-Control-Allow-Headers", String.join(", ", asked));
  }

  private Response withOrigin(Response response, String origin) {
    boolean wildcard = origins.contains("*") && !credentials;
    Response cors = response.replaceHeader("Access-Control-Allow-Origin", wildcard ? "*" : origin);
    if (!wildcard) {
      cors = cors.withHeader("Vary", "Origin");
    }
    if (credentials) {
      cors = cors.replaceHeader("Access-Control-Allow-Credentials", "true");
    }
    if (!exposed.isEmpty()) {
      cors = cors.replaceHeader("Access-Control-Expose-Headers", String.join(", ", exposed));
    }
    return cors;
  }
}
