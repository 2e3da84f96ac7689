package dev.kiln.processor.binding;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/** The reading rule of a named value marked by an annotation: a scalar in one of the shapes it allows. */
final class ValueKind implements BindingKind {
  static final String SUPPORTED_VALUES = "String, int, long, double, boolean, their boxed types, UUID or an enum";

  /** Makes the binding once the value's type and shape are known to be supported. */
  interface Factory {
    ValueBinding make(String javaName, String wireName, TypeName type, ValueType valueType, TypeName valueClass,
        Shape shape, List<Constraint> constraints);
  }

  private final String annotation;
  private final String description;
  private final Set<Shape> shapes;
  private final String supported;
  private final Factory factory;

  ValueKind(String annotation, String description, Set<Shape> shapes, String supported, Factory factory) {
    this.annotation = annotation;
    this.description = description;
    this.shapes = shapes;
    this.supported = supported;
    this.factory = factory;
  }

  @Override
  public String annotation() {
    return annotation;
  }

  @Override
  public boolean claims(ParameterReading parameter) {
    return annotation.equals(parameter.annotation());
  }

  @Override
  public Binding read(ParameterReading parameter) {
    List<Constraint> constraints = parameter.constraints();
    Value value = constraints == null ? null : Value.read(parameter, description, shapes, supported);
    return value == null ? null : factory.make(parameter.javaName(), parameter.wireName(),
        TypeName.get(parameter.type()), value.type(), value.boxed(), value.shape(), constraints);
  }

  /** A named value's scalar type, boxed type and shape. */
  record Value(ValueType type, TypeName boxed, Shape shape) {
    /** Checks the scalar and its shape; {@code null} after reporting what is supported. */
    static Value read(ParameterReading parameter, String description, Set<Shape> shapes, String supported) {
      Shape shape = parameter.shape();
      TypeMirror value = parameter.valueType();
      ValueType valueType = value == null ? null : parameter.scalar(value);
      if (valueType != null && shapes.contains(shape)) {
        return new Value(valueType, parameter.boxed(value), shape);
      }
      String hint = description.equals("path parameter") ? ""
          : valueType == null && description.equals("query parameter") && parameter.isRecord(value)
              ? "; to read the request body into " + parameter.display(value) + ", annotate the parameter with @Body"
              : "; to use the whole request, take a Request parameter";
      parameter.error(DiagnosticCode.UNSUPPORTED_PARAMETER_TYPE, "cannot bind " + description + " '"
          + parameter.wireName() + "' to " + parameter.display(parameter.type()) + ": supported types are "
          + supported + hint);
      return null;
    }
  }
}
