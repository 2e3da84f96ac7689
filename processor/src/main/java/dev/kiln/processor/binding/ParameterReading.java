package dev.kiln.processor.binding;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.ValueType;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/** One handler parameter as a {@link BindingKind} reads it: its type, annotations and route. */
public interface ParameterReading {
  String javaName();

  /** The declared type. */
  TypeMirror type();

  /** The kind's annotation on the parameter, which {@link BindingKinds} found; {@code null} for none. */
  String annotation();

  /** The annotation's explicit wire name ({@code @Query("q")}); empty when it names none. */
  String explicitName();

  /** The wire name: the explicit one, else the parameter's own. */
  default String wireName() {
    return explicitName().isEmpty() ? javaName() : explicitName();
  }

  /** Whether {@code type} is the class or interface {@code qualifiedName}, ignoring type arguments. */
  boolean is(TypeMirror type, String qualifiedName);

  /** The single type argument of a declared type, or {@code null}. */
  TypeMirror typeArgument(TypeMirror type);

  /** The declared type's shape: {@code Optional<T>}, {@code List<T>} or the value itself. */
  default Shape shape() {
    return is(type(), "java.util.Optional") ? Shape.OPTIONAL : is(type(), "java.util.List") ? Shape.LIST : Shape.SINGLE;
  }

  /** The value inside an {@code Optional} or {@code List}, else the type; {@code null} for a raw one. */
  default TypeMirror valueType() {
    return shape() == Shape.SINGLE ? type() : typeArgument(type());
  }

  /** The scalar {@code type} converts to, or {@code null}. */
  ValueType scalar(TypeMirror type);

  /** The constants of an enum type, in declaration order; empty for any other type. */
  List<String> enumConstants(TypeMirror type);

  /** The boxed type name. */
  TypeName boxed(TypeMirror type);

  boolean isRecord(TypeMirror type);

  /** Whether the type mentions a type variable, so no reader or writer exists at compile time. */
  boolean hasTypeVariable(TypeMirror type);

  /** How messages show a type: simple names. */
  String display(TypeMirror type);

  /** The parameter's constraints; {@code null} after reporting a misplaced one. */
  List<Constraint> constraints();

  /** The type tree of a body; {@code null} after reporting what Jackson could not read. */
  DataType data(TypeMirror type);

  /** The variable's index in the route's template, or -1. */
  int pathIndex(String name);

  /** Reports an error on the parameter. */
  void error(DiagnosticCode code, String message);
}
