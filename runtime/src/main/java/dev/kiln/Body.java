package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to the request body, chosen by the request's {@code Content-Type}:
 * JSON ({@code application/json} or any {@code +json} type) read by Jackson with a reader resolved
 * once, or, for a record whose components are all form values, an urlencoded or multipart form
 * with the same field names ({@code address.street} for a nested record's component).
 *
 * <pre>{@code
 * @Route(method = POST, path = "/projects")
 * public Response add(@Body @Valid NewProject project) { … }
 * }</pre>
 *
 * <p>A missing body is a 400, an unsupported {@code Content-Type} a 415, malformed JSON or form data
 * a 400 saying where; {@code Optional<T>} makes the body optional. Constraint annotations
 * ({@code jakarta.validation.constraints}) on the record's components are checked by generated code:
 * violations are a 422 listing each of them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}
