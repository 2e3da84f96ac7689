package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.DataType.JsonKind;
import dev.kiln.processor.model.ValueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a body type into a {@link DataType} tree, with the constraints of every record component and
 * collection element. Each record is read once per compilation, so a mistake in a record that many
 * routes use is reported once.
 */
public final class DataTypeReader {
  private static final String UPLOAD = "dev.kiln.Upload";

  private final Elements elements;
  private final Types types;
  private final TypeSupport typeSupport;
  private final ConstraintReader constraints;
  /** Records read so far, by their full type; {@code null} for one whose constraints had a mistake. */
  private final Map<String, DataType.Record> records = new HashMap<>();

  public DataTypeReader(Elements elements, Types types, ConstraintReader constraints) {
    this.elements = elements;
    this.types = types;
    this.typeSupport = new TypeSupport(types);
    this.constraints = constraints;
  }

  /**
   * The type's tree; {@code null} when a record in it has a constraint mistake (reported).
   *
   * @param owner the parameter or record component of this type: where a mistake in its type
   *     arguments' constraints is reported
   */
  public DataType read(TypeMirror type, Element owner) {
    switch (type.getKind()) {
      case BOOLEAN: return scalar(type, JsonKind.BOOLEAN);
      case INT: case SHORT: case BYTE: return scalar(type, JsonKind.INT32);
      case LONG: return scalar(type, JsonKind.INT64);
      case FLOAT: return scalar(type, JsonKind.FLOAT);
      case DOUBLE: return scalar(type, JsonKind.DOUBLE);
      case CHAR: return scalar(type, JsonKind.STRING);
      case ARRAY: {
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          return new DataType.Opaque(TypeName.get(type));
        }
        DataType element = read(component, owner);
        return element == null ? null : new DataType.Many(TypeName.get(type), element, List.of(), true);
      }
      case WILDCARD: {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null ? new DataType.Opaque(ClassName.OBJECT) : read(bound, owner);
      }
      case DECLARED:
        return declared((DeclaredType) type, owner);
      default:
        return new DataType.Opaque(ClassName.OBJECT);
    }
  }

  private DataType declared(DeclaredType type, Element owner) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new DataType.Scalar(TypeName.get(type), JsonKind.STRING, ValueType.ENUM, constants);
    }
    JsonKind kind = switch (name) {
      case "java.lang.String", "java.lang.Character" -> JsonKind.STRING;
      case "java.lang.Boolean" -> JsonKind.BOOLEAN;
      case "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> JsonKind.INT32;
      case "java.lang.Long" -> JsonKind.INT64;
      case "java.math.BigInteger" -> JsonKind.INTEGER;
      case "java.lang.Float" -> JsonKind.FLOAT;
      case "java.lang.Double" -> JsonKind.DOUBLE;
      case "java.math.BigDecimal" -> JsonKind.DECIMAL;
      case "java.util.UUID" -> JsonKind.UUID;
      case "java.time.LocalDate" -> JsonKind.DATE;
      case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.LocalDateTime" ->
          JsonKind.DATE_TIME;
      case "java.time.LocalTime", "java.time.OffsetTime" -> JsonKind.TIME;
      case "java.time.Duration" -> JsonKind.DURATION;
      case "java.net.URI", "java.net.URL" -> JsonKind.URI;
      default -> null;
    };
    if (kind != null) {
      return scalar(type, kind);
    }
    if (name.equals(UPLOAD)) {
      return new DataType.File(TypeName.get(type));
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (name.equals("java.util.Optional")) {
      DataType value = arguments.isEmpty() ? new DataType.Opaque(ClassName.OBJECT) : read(arguments.get(0), owner);
      return value == null ? null : new DataType.Maybe(TypeName.get(type), value);
    }
    if (TypeSupport.isSubtype(elements, types, type, "java.util.Collection") && arguments.size() == 1) {
      TypeMirror argument = arguments.get(0);
      DataType elementData = read(argument, owner);
      TypeMirror elementType = argument.getKind() == TypeKind.WILDCARD && ((WildcardType) argument).getExtendsBound()
          != null ? ((WildcardType) argument).getExtendsBound() : argument;
      List<Constraint> elementConstraints =
          constraints.read(owner, argument.getAnnotationMirrors(), elementType, false);
      if (elementData == null || elementConstraints == null) {
        return null;
      }
      return new DataType.Many(TypeName.get(type), elementData, elementConstraints, false);
    }
    if (TypeSupport.isSubtype(elements, types, type, "java.util.Map") && arguments.size() == 2 && TypeSupport.is(arguments.get(0), "java.lang.String")) {
      DataType value = read(arguments.get(1), owner);
      return value == null ? null : new DataType.Dictionary(TypeName.get(type), value);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(type, element);
    }
    return new DataType.Opaque(TypeName.get(type));
  }

  private DataType record(DeclaredType type, TypeElement element) {
    String key = type.toString();
    if (records.containsKey(key)) {
      return records.get(key);
    }
    String doc = elements.getDocComment(element);
    DataType.Record record = new DataType.Record(ClassName.get(element), doc == null ? "" : doc.strip());
    records.put(key, record); // before the components: a record may contain itself
    boolean ok = true;
    for (RecordComponentElement component : element.getRecordComponents()) {
      TypeMirror componentType = types.asMemberOf(type, component.getAccessor()) instanceof
          javax.lang.model.type.ExecutableType accessor ? accessor.getReturnType() : component.asType();
      // Constraints propagate from a component to its field whatever its accessor is declared like.
      VariableElement field = ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
          .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
          .findFirst().orElse(null);
      DataType data = read(componentType, field != null ? field : component);
      boolean optional = TypeSupport.is(componentType, "java.util.Optional");
      TypeMirror constrained = optional && TypeSupport.typeArgument(componentType) != null
          ? TypeSupport.typeArgument(componentType) : componentType;
      // Reported on the field: the annotations are its, and javac places it on the component's line.
      Element annotated = field != null ? field : component;
      List<Constraint> found = constraints.read(annotated, annotated.getAnnotationMirrors(), constrained, optional);
      if (data == null || found == null) {
        ok = false;
        continue;
      }
      record.components().add(new DataType.Component(component.getSimpleName().toString(), data, found));
    }
    if (!ok) {
      records.put(key, null);
      return null;
    }
    return record;
  }

  private DataType.Scalar scalar(TypeMirror type, JsonKind kind) {
    ValueType valueType = typeSupport.scalar(type);
    return new DataType.Scalar(TypeName.get(type), kind, valueType, List.of());
  }

}
