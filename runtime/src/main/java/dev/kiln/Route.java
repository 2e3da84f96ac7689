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
 * <pre>{@code
 * @Route(method = HttpMethod.GET, path = "/projects/{projectId:\\d+}", name = "project")
 * public Project project(long projectId, @Query("expand") Optional<String> expand) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Route {
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
}
