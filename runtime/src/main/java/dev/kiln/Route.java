package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps HTTP requests to a handler method.
 *
 * <p>The path is a template of {@code /}-separated segments. A segment is either literal text or one
 * parameter: {@code {name}} matches any non-empty segment, {@code {name:regex}} only segments the
 * regular expression matches as a whole, and a regex that can match {@code /} in the last segment
 * ({@code {path:.*}}) takes the rest of the path. Parameters bind by name to the method's parameters;
 * a numeric, UUID, boolean or enum parameter type also narrows what the segment matches.
 *
 * <p>Routes are matched by specificity, never by declaration order: a literal segment beats a
 * constrained parameter, which beats a plain parameter, which beats a tail wildcard. Two routes that
 * can match the same request with equal specificity are a compile error.
 *
 * <p>Conditions narrow a route further ({@link RouteConditions}): a {@link #host}, {@link #headers}
 * with given values, the body types it {@link #consumes} and the types it {@link #produces}. Routes
 * of one method and path may differ only in their conditions when no request can meet both
 * (different hosts, header values, consumed or produced types), or when one's conditions include
 * the other's, which is then tried second. A request whose path and method match but no route's
 * conditions gets 415 for an unmet {@code consumes}, 406 for an unmet {@code produces}, and 404 for an
 * unmet host or header.
 *
 * <pre>{@code
 * @Route(method = HttpMethod.POST, path = "/projects", consumes = Route.JSON)          // the API
 * public Project create(@Body NewProject project) { ... }
 *
 * @Route(method = HttpMethod.POST, path = "/projects", consumes = Route.FORM)          // the HTML form
 * public Response createFromForm(@Body NewProject project) { ... }
 * }</pre>
 *
 * <pre>{@code
 * @Route(method = HttpMethod.GET, path = "/projects/{projectId:\\d+}", name = "project")
 * public Project project(long projectId, @Query("expand") Optional<String> expand) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Route {
  /** {@code application/json}. */
  String JSON = "application/json";
  /** {@code application/x-www-form-urlencoded}: what an HTML form sends. */
  String FORM = "application/x-www-form-urlencoded";
  /** {@code multipart/form-data}: what an HTML form with files sends. */
  String MULTIPART = "multipart/form-data";
  /** {@code text/html}. */
  String HTML = "text/html";
  /** {@code text/plain}. */
  String TEXT = "text/plain";

  /** The HTTP method; a {@code GET} route also answers {@code HEAD} unless a {@code HEAD} route exists. */
  HttpMethod method() default HttpMethod.GET;

  /** The path template, starting with {@code /} (or empty to mean the group's prefix itself). */
  String path();

  /** The route name for URL building, unique in the application; empty for an unnamed route. */
  String name() default "";

  /** The largest request body this route accepts, in bytes; -1 for the server's limit (1 MiB by default). */
  long maxBodySize() default -1;

  /** How long this route's handler may take, in milliseconds; -1 for the server's request timeout. */
  long timeoutMillis() default -1;

  /**
   * The {@code Host} names the route serves ({@code "api.example.com"}, or with a port,
   * {@code "localhost:8080"}), any of them; a name without a port matches on any port. Empty for the
   * class's ({@link Routes#host}), which is empty for any host.
   */
  String[] host() default {};

  /**
   * Headers the request must carry: {@code "X-Api-Version=2"} for a value (compared exactly),
   * {@code "X-Requested-With"} for presence only. Empty for the class's.
   */
  String[] headers() default {};

  /**
   * The body media types the route reads ({@code Route.JSON}, {@code Route.FORM}, {@code "text/*"}).
   * A request whose {@code Content-Type} is none of them is not for this route. Empty for the class's;
   * a {@link Body @Body} record then reads JSON only: list {@link #FORM} or {@link #MULTIPART} to read
   * it from forms too, which any site can make a browser send.
   */
  String[] consumes() default {};

  /**
   * The media types the route answers with ({@code Route.JSON}, {@code Route.HTML}), negotiated
   * against {@code Accept}: of the routes that could answer, the one producing what the client prefers
   * takes the request. Empty for the class's, which is empty for anything.
   */
  String[] produces() default {};
}
