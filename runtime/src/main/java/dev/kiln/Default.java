package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting's default, written as it would be set ({@code "30s"}, {@code "8000"}, {@code "a,b"}).
 * Checked at compile time: a default that does not convert to the setting's type is an error. A
 * setting without a default (and not {@code Optional}) must be set.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Default {
  String value();
}
