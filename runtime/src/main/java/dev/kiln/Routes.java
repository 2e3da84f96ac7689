package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route group on a handler class: a URL prefix for every {@link Route} in the class and a name
 * prefix for every named one, joined with a dot (aiohttp's {@code add_route_context}).
 *
 * <pre>{@code
 * @Routes(prefix = "/api", name = "api")
 * public final class ProjectViews {
 *   @Route(path = "/projects/{projectId:\\d+}", name = "project")   // GET /api/projects/42, "api.project"
 *   public Project project(long projectId) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Routes {
  /** URL prefix, starting with {@code /}, without a trailing slash; empty for none. */
  String prefix() default "";

  /** Route-name prefix; empty for none. Route names become {@code name + "." + route name}. */
  String name() default "";

  /** {@link Route#host} for every route of the class that sets none. */
  String[] host() default {};

  /** {@link Route#headers} for every route of the class that sets none. */
  String[] headers() default {};

  /** {@link Route#consumes} for every route of the class that sets none. */
  String[] consumes() default {};

  /** {@link Route#produces} for every route of the class that sets none. */
  String[] produces() default {};
}
