package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A {@code @Row} record as its generated mapper sees it: the record, the mapper's name, and one
 * column per component, in component order.
 */
public record RowModel(ClassName record, ClassName mapper, List<Column> columns) {
  public RowModel {
    columns = List.copyOf(columns);
  }

  /** How a column's value is read from a {@code ResultSet}. */
  public enum Reader {
    /** A primitive getter ({@code getLong}), for a primitive or its box. */
    PRIMITIVE,
    /** A getter that gives {@code null} for {@code NULL}: {@code getString}, {@code getBigDecimal}, {@code getBytes}. */
    GETTER,
    /** {@code getObject(i, Type.class)}: UUID and the java.time types the driver reads itself. */
    OBJECT,
    /** {@code getObject(i, OffsetDateTime.class)}, then its instant. */
    INSTANT,
    /** {@code getString}, then the enum constant of that name. */
    ENUM
  }

  /**
   * One component and its column.
   *
   * @param component the record component's name
   * @param column the column it reads
   * @param type the component's declared type
   * @param value what the column holds: {@code type}, or the {@code Optional}'s argument
   * @param reader how the value is read
   * @param getter the {@code ResultSet} getter ({@code getLong}, {@code getString}), for {@code PRIMITIVE} and {@code GETTER}
   * @param optional whether the component is an {@code Optional}
   * @param nullable whether the component may hold {@code null} ({@code @Nullable} on a reference type)
   */
  public record Column(String component, String column, TypeName type, TypeName value, Reader reader, String getter,
      boolean optional, boolean nullable) {
    public boolean primitive() {
      return type.isPrimitive();
    }
  }
}
