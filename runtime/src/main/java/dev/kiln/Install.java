package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a middleware class compiled elsewhere (Kiln's built-ins, a library's) for this
 * application, with the attributes {@link Middleware} would give it. On the {@link Application}
 * class:
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
  Class<? extends Middleware.Handler> value();

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
