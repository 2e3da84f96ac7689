package dev.kiln.internal.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the processor writes into {@value #PACKAGE} for every {@code @Middleware} and
 * {@code @Interceptor} class, so the application's table knows it even when only a handler is
 * recompiled. Not for hand-written code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AggregatedMiddleware {
  /** The package every middleware marker is written to. */
  String PACKAGE = "dev.kiln.aggregated.middlewares";

  /** Canonical name of the middleware class. */
  String type();

  /** Whether it is an interceptor rather than a middleware. */
  boolean interceptor() default false;

  int order();

  String[] paths();

  String[] groups();

  boolean optIn();
}
