package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.RowModel;
import dev.kiln.processor.model.RowModel.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads a {@code @Row} record into a {@link RowModel}: each component's column (its name in
 * snake_case, or {@code @Column}'s), how its type is read, and whether it may be {@code NULL};
 * reports a type no column can give, on the component.
 */
public final class RowReader {
  /** Types read by a getter that gives {@code null} for {@code NULL}, with that getter. */
  private static final Map<String, String> GETTERS = Map.of(
      "java.lang.String", "getString",
      "java.math.BigDecimal", "getBigDecimal");
  /** Types the driver reads with {@code getObject(i, Type.class)}. */
  private static final List<String> OBJECTS = List.of("java.util.UUID", "java.time.LocalDate", "java.time.LocalTime",
      "java.time.LocalDateTime", "java.time.OffsetDateTime");
  private static final String SUPPORTED = "a primitive or its box, String, BigDecimal, byte[], UUID, LocalDate, "
      + "LocalTime, LocalDateTime, OffsetDateTime, Instant, an enum, or an Optional of one of those but a primitive";

  private final Diagnostics diagnostics;

  public RowReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The model of {@code type}, or {@code null} after reporting why it cannot be a row. */
  public RowModel read(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD) {
      diagnostics.error(DiagnosticCode.INVALID_ROW, "@Row goes on a record, whose components are the columns it "
          + "maps: make " + type.getSimpleName() + " a record", type);
      return null;
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.INVALID_ROW, "a @Row record cannot be generic: give " + type.getSimpleName()
          + " concrete component types", type);
      return null;
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(DiagnosticCode.INVALID_ROW, "the generated " + type.getSimpleName() + "Row cannot see "
            + e.getSimpleName() + ": make it package-private or public", type);
        return null;
      }
    }
    ClassName record = ClassName.get(type);
    ClassName mapper = ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Row");
    List<RowModel.Column> columns = new ArrayList<>();
    Map<String, String> componentByColumn = new HashMap<>();
    boolean valid = true;
    for (RecordComponentElement component : type.getRecordComponents()) {
      RowModel.Column column = column(type, component);
      if (column == null) {
        valid = false;
        continue;
      }
      String earlier = componentByColumn.putIfAbsent(column.column(), column.component());
      if (earlier != null) {
        diagnostics.error(DiagnosticCode.INVALID_ROW, type.getSimpleName() + "." + column.component() + " and "
            + earlier + " both read column " + column.column() + ": name one's column with @Column",
            site(type, component));
        valid = false;
      }
      columns.add(column);
    }
    return valid ? new RowModel(record, mapper, columns) : null;
  }

  private RowModel.Column column(TypeElement record, RecordComponentElement component) {
    String name = component.getSimpleName().toString();
    String column = columnName(component);
    TypeMirror type = component.asType();
    boolean nullable = isNullable(component);
    TypeMirror value = type;
    boolean optional = false;
    if (type.getKind() == TypeKind.DECLARED && isOptional((DeclaredType) type)) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() != 1) {
        return unsupported(record, component, type);
      }
      value = arguments.get(0);
      optional = true;
    }
    Reader reader;
    String getter = null;
    if (value.getKind() == TypeKind.CHAR) {
      return unsupported(record, component, type);
    }
    if (value.getKind().isPrimitive()) {
      if (nullable) {
        diagnostics.error(DiagnosticCode.INVALID_ROW, record.getSimpleName() + "." + name + " is a primitive, "
            + "which cannot hold NULL: make it " + boxName(value.getKind()) + " to keep @Nullable",
            site(record, component));
        return null;
      }
      reader = Reader.PRIMITIVE;
      getter = primitiveGetter(value.getKind());
    } else if (value.getKind() == TypeKind.ARRAY
        && ((ArrayType) value).getComponentType().getKind() == TypeKind.BYTE) {
      reader = Reader.GETTER;
      getter = "getBytes";
    } else if (value.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) value).asElement();
      String qualified = element.getQualifiedName().toString();
      TypeKind unboxed = unboxedKind(qualified);
      if (unboxed != null) {
        reader = Reader.PRIMITIVE;
        getter = primitiveGetter(unboxed);
      } else if (GETTERS.containsKey(qualified)) {
        reader = Reader.GETTER;
        getter = GETTERS.get(qualified);
      } else if (OBJECTS.contains(qualified)) {
        reader = Reader.OBJECT;
      } else if (qualified.equals("java.time.Instant")) {
        reader = Reader.INSTANT;
      } else if (element.getKind() == ElementKind.ENUM) {
        reader = Reader.ENUM;
      } else {
        return unsupported(record, component, type);
      }
    } else {
      return unsupported(record, component, type);
    }
    TypeName declared = TypeName.get(type);
    return new RowModel.Column(name, column, declared, TypeName.get(value), reader, getter, optional,
        nullable && !optional);
  }

  private RowModel.Column unsupported(TypeElement record, RecordComponentElement component, TypeMirror type) {
    diagnostics.error(DiagnosticCode.INVALID_ROW, record.getSimpleName() + "." + component.getSimpleName()
        + ": a row cannot read " + type + " from a column; use " + SUPPORTED + ", or map this row by hand with a "
        + "RowMapper", site(record, component));
    return null;
  }

  /** Where an error on {@code component} is reported: its field, which javac places on the component's line. */
  private static Element site(TypeElement record, RecordComponentElement component) {
    return ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(component.getSimpleName()))
        .<Element>map(field -> field)
        .findFirst()
        .orElse(component);
  }

  /** {@code @Column("...")} on the component, else its name in snake_case. */
  private static String columnName(RecordComponentElement component) {
    for (Element annotated : List.of(component, component.getAccessor())) {
      if (annotated == null) {
        continue;
      }
      for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
        if (mirror.getAnnotationType().toString().equals(KilnNames.COLUMN)) {
          for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
              : mirror.getElementValues().entrySet()) {
            return entry.getValue().getValue().toString();
          }
        }
      }
    }
    return snakeCase(component.getSimpleName().toString());
  }

  /**
   * {@code displayName} as {@code display_name}; a run of capitals is one word
   * ({@code httpURLCount} is {@code http_url_count}).
   */
  static String snakeCase(String name) {
    StringBuilder snake = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
        boolean endsRun = i > 0 && Character.isUpperCase(name.charAt(i - 1)) && i + 1 < name.length()
            && Character.isLowerCase(name.charAt(i + 1));
        if (afterLower || endsRun) {
          snake.append('_');
        }
        snake.append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }

  /** Any annotation named {@code Nullable}, on the component or its type: JSpecify's, Jakarta's, JetBrains'... */
  private static boolean isNullable(RecordComponentElement component) {
    List<AnnotationMirror> mirrors = new ArrayList<>(component.getAnnotationMirrors());
    mirrors.addAll(component.asType().getAnnotationMirrors());
    if (component.getAccessor() != null) {
      mirrors.addAll(component.getAccessor().getAnnotationMirrors());
    }
    return mirrors.stream().anyMatch(m -> m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }

  private static boolean isOptional(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().contentEquals("java.util.Optional");
  }

  private static String primitiveGetter(TypeKind kind) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static TypeKind unboxedKind(String qualified) {
    return switch (qualified) {
      case "java.lang.Boolean" -> TypeKind.BOOLEAN;
      case "java.lang.Byte" -> TypeKind.BYTE;
      case "java.lang.Short" -> TypeKind.SHORT;
      case "java.lang.Integer" -> TypeKind.INT;
      case "java.lang.Long" -> TypeKind.LONG;
      case "java.lang.Float" -> TypeKind.FLOAT;
      case "java.lang.Double" -> TypeKind.DOUBLE;
      default -> null;
    };
  }

  private static String boxName(TypeKind kind) {
    return switch (kind) {
      case INT -> "Integer";
      case CHAR -> "Character";
      default -> {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        yield Character.toUpperCase(name.charAt(0)) + name.substring(1);
      }
    };
  }
}
