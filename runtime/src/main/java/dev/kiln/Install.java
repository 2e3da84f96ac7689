package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a middleware or interceptor class compiled elsewhere (Kiln's built-ins, a library's)
 * for this application, with the attributes {@link Middleware} or {@link Interceptor} would give
 * it; which one it is follows from the interface it implements. On the {@link Application} class:
 *
 * <pre>{@code
 * @Application
 * @Install(value = RequestId.class, order = 10)
 * @Install(value = Cors.class, order = 20, paths = "/api")
 * public final class SampleApp { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Install.List.class)
public @interface Install {
  /** A {@link Middleware.Handler} or an {@link Interceptor.Handler} class. */
  Class<?> value();

  int order();

  String[] paths() default {};

  String[] groups() default {};

  boolean optIn() default false;

  /** Holds repeated {@link Install}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Install[] value();
  }
}
