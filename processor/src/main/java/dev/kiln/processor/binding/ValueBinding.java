package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.ValueType;

/**
 * A binding of one named request value (path, query, header, cookie, form field or file): a scalar
 * converted with generated code, or an upload, in one of three {@link Shape}s.
 */
public sealed interface ValueBinding extends Binding
    permits PathParameter, QueryParameter, HeaderValue, CookieValue, FormField, FileField {

  /** The name on the wire: header, query key, cookie, form field or path variable. */
  String wireName();

  /** The scalar converted to; {@code null} for a file. */
  ValueType valueType();

  /** The scalar's own type (boxed, or the enum), for conversions and lists. */
  TypeName valueClass();

  Shape shape();

  /** Where a violation is, in a 422's list: {@code query}, {@code form}… */
  String in();

  /** How error messages name it: {@code query parameter 'page'}. */
  String describe();

  @Override
  default CodeBlock validate(BinderCode code, String value, TypeName valueType, String violations) {
    return constraints().isEmpty()
        ? CodeBlock.of("")
        : code.checkParameter(in(), wireName(), value, valueType, constraints(), violations);
  }

  @Override
  default boolean isValidated() {
    return !constraints().isEmpty();
  }
}
