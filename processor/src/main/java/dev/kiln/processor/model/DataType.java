package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * What the processor knows of a body type, for binding, validation and JSON Schema: a tree of
 * scalars, containers and records. Records may refer to themselves, so their components are filled
 * in after the record's shape exists.
 */
public sealed interface DataType {
  /** The Java type. */
  TypeName type();

  /** A single value: a {@link ValueType} that forms can convert to, or another JSON scalar. */
  record Scalar(TypeName type, JsonKind json, ValueType valueType, List<String> enumConstants) implements DataType {
    public Scalar {
      enumConstants = List.copyOf(enumConstants);
    }

    /** Whether a Java primitive, which is never null. */
    public boolean primitive() {
      return type.isPrimitive();
    }
  }

  /** A {@code List}, {@code Set}, other collection or array; element constraints from type-use annotations. */
  record Many(TypeName type, DataType element, List<Constraint> elementConstraints, boolean array) implements DataType {
    public Many {
      elementConstraints = List.copyOf(elementConstraints);
    }
  }

  /** {@code Optional<T>}: constraints apply to the value when present. */
  record Maybe(TypeName type, DataType value) implements DataType {}

  /** A {@code Map} with string keys: a JSON object with any field names. */
  record Dictionary(TypeName type, DataType value) implements DataType {}

  /** A file of a multipart form: {@code dev.kiln.Upload}. */
  record File(TypeName type) implements DataType {}

  /** Any other type: written and read by Jackson, opaque to validation and to forms. */
  record Opaque(TypeName type) implements DataType {}

  /** A record: its components in order. */
  final class Record implements DataType {
    private final ClassName name;
    private final String documentation;
    private final List<Component> components = new ArrayList<>();

    public Record(ClassName name, String documentation) {
      this.name = name;
      this.documentation = documentation;
    }

    @Override
    public TypeName type() {
      return name;
    }

    public ClassName name() {
      return name;
    }

    /** The record's Javadoc, or empty. */
    public String documentation() {
      return documentation;
    }

    public List<Component> components() {
      return components;
    }
  }

  /**
   * A record component.
   *
   * @param name the component's (and JSON field's) name
   * @param type its type
   * @param constraints its constraints, in source order
   */
  record Component(String name, DataType type, List<Constraint> constraints) {
    public Component {
      constraints = List.copyOf(constraints);
    }
  }

  /** The JSON Schema type of a scalar, with its format. */
  enum JsonKind {
    STRING("string", null),
    INT32("integer", "int32"),
    INT64("integer", "int64"),
    INTEGER("integer", null),
    FLOAT("number", "float"),
    DOUBLE("number", "double"),
    DECIMAL("number", null),
    BOOLEAN("boolean", null),
    UUID("string", "uuid"),
    DATE("string", "date"),
    DATE_TIME("string", "date-time"),
    TIME("string", "time"),
    DURATION("string", "duration"),
    URI("string", "uri");

    private final String type;
    private final String format;

    JsonKind(String type, String format) {
      this.type = type;
      this.format = format;
    }

    public String type() {
      return type;
    }

    /** The {@code format} keyword, or {@code null}. */
    public String format() {
      return format;
    }
  }
}
