package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting's description for {@code --help}, where Javadoc cannot be read: the processor sees the
 * Javadoc of settings compiled with it, but not of those inherited from a jar.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Doc {
  String value();
}
