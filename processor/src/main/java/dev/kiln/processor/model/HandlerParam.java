package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One handler parameter and how to bind it.
 *
 * @param javaName the parameter's name in the source
 * @param wireName the name on the wire (header, query key, cookie, template parameter)
 * @param type the declared type
 * @param valueType the scalar type converted to ({@code null} for {@link ParamSource#REQUEST})
 * @param valueClass the scalar's own type (boxed, or the enum), for conversions and lists
 * @param shape whether the declared type is the scalar, an {@code Optional} or a {@code List} of it
 * @param pathIndex for a path parameter, its index in the template; -1 otherwise
 * @param data for a {@link ParamSource#BODY}, the body's type tree; {@code null} otherwise
 * @param constraints the parameter's own constraints (on the value inside an {@code Optional})
 */
public record HandlerParam(
    ParamSource source,
    String javaName,
    String wireName,
    TypeName type,
    ValueType valueType,
    TypeName valueClass,
    Shape shape,
    int pathIndex,
    DataType data,
    List<Constraint> constraints) {

  public HandlerParam {
    constraints = List.copyOf(constraints);
  }

  /** How a value is wrapped in the declared type. */
  public enum Shape {
    /** The value itself; required. */
    SINGLE,
    /** {@code Optional<T>}; empty when absent. */
    OPTIONAL,
    /** {@code List<T>}; every value, empty when absent. */
    LIST
  }
}
