package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to one field of an urlencoded or multipart form, with the same
 * conversions as {@link Query}: a plain type is required, {@code Optional<T>} optional,
 * {@code List<T>} takes every value. An {@link Upload} (or {@code Optional<Upload>},
 * {@code List<Upload>}) parameter takes the file parts of that name.
 *
 * <pre>{@code
 * @Form("title") String title, @Form("attachment") List<Upload> attachments
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Form {
  /** The field's name; defaults to the Java parameter's name. */
  String value() default "";
}
