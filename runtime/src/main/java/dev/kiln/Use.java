package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds middlewares or interceptors to a handler class's routes or one route's chain, whatever their
 * scope; the way to apply an {@link Middleware#optIn()} one. Each still takes its place by its order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Use {
  Class<?>[] value();
}
