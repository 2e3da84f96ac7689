package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a cookie.
 *
 * <p>A plain type makes the value required (missing: 400); {@code Optional<T>} makes it optional. A
 * value that does not convert to the parameter's type is answered with 400 naming the parameter.
 *
 * <pre>{@code
 * @Cookie("session") Optional<String> session
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Cookie {
  /** The name on the wire; defaults to the Java parameter's name. */
  String value() default "";
}
