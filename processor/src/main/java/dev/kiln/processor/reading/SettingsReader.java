package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.grammar.Durations;
import dev.kiln.grammar.Values;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.SettingsModel;
import dev.kiln.processor.model.SettingsModel.Kind;
import dev.kiln.processor.writing.GeneratedCode;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Settings} interface: every abstract accessor, its own and inherited, with its type,
 * default, secrecy and description; reports an unsupported type, a default that does not convert,
 * an accessor with parameters, and a non-interface.
 */
public final class SettingsReader {
  private static final String SUPPORTED = "String, int, long, double, boolean, their boxes, Duration, URI, Path, "
      + "an enum, List<String>, or Optional of one of them (not of List)";

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final Annotations annotations;

  public SettingsReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.annotations = new Annotations(elements);
  }

  /** The model, or {@code null} after reporting why there is none. */
  public SettingsModel read(TypeElement type) {
    AnnotationMirror settings = Annotations.find(type, KilnNames.SETTINGS);
    if (type.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(DiagnosticCode.INVALID_SETTING, "@Settings goes on an interface of accessors "
          + "(String host(); int port();), and " + type.getSimpleName() + " is a " + type.getKind().name()
          .toLowerCase(Locale.ROOT) + "; the processor writes the implementation", type);
      return null;
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.INVALID_SETTING, "a @Settings interface cannot be generic", type);
      return null;
    }
    String prefix = annotations.string(settings, "prefix");
    if (!prefix.isEmpty() && !prefix.matches("[A-Za-z][A-Za-z0-9]*")) {
      diagnostics.error(DiagnosticCode.INVALID_SETTING, "a settings prefix is letters and digits, starting with a "
          + "letter (\"sample\" gives SAMPLE_PORT and sample.port); got \"" + prefix + "\"",
          new Location(type, settings, Annotations.explicit(settings, "prefix")));
      return null;
    }
    Map<String, ExecutableElement> accessors = new LinkedHashMap<>();
    collect((DeclaredType) type.asType(), accessors);
    List<SettingsModel.Entry> entries = new ArrayList<>();
    boolean ok = true;
    for (ExecutableElement accessor : accessors.values()) {
      SettingsModel.Entry entry = entry(type, accessor, prefix);
      if (entry == null) {
        ok = false;
      } else {
        entries.add(entry);
      }
    }
    if (!ok) {
      return null;
    }
    ClassName name = ClassName.get(type);
    return new SettingsModel(name, ClassName.get(name.packageName(), String.join("", name.simpleNames()) + "Values"),
        entries);
  }

  /** Abstract methods of the interface and the interfaces it extends, inherited ones first. */
  private void collect(DeclaredType type, Map<String, ExecutableElement> accessors) {
    TypeElement element = (TypeElement) type.asElement();
    for (TypeMirror parent : element.getInterfaces()) {
      collect((DeclaredType) parent, accessors);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        accessors.put(method.getSimpleName().toString(), method);
      }
    }
  }

  private SettingsModel.Entry entry(TypeElement settings, ExecutableElement accessor, String prefix) {
    String name = accessor.getSimpleName().toString();
    Element where = accessor.getEnclosingElement().equals(settings) ? accessor : settings;
    if (!accessor.getParameters().isEmpty() || !accessor.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.INVALID_SETTING, "setting " + name + "() takes no parameters: a settings "
          + "interface is accessors only; make other methods default or static", where);
      return null;
    }
    TypeMirror type = types.asMemberOf((DeclaredType) settings.asType(), accessor) instanceof
        javax.lang.model.type.ExecutableType executable ? executable.getReturnType() : accessor.getReturnType();
    boolean optional = TypeSupport.is(type, "java.util.Optional");
    TypeMirror valueType = optional ? TypeSupport.typeArgument(type) : type;
    Kind kind = valueType == null ? null : kind(valueType);
    if (kind == null || optional && kind == Kind.LIST) {
      diagnostics.error(DiagnosticCode.INVALID_SETTING, "setting " + name + "() has type " + TypeSupport.display(type)
          + ", which settings cannot hold; supported: " + SUPPORTED, where);
      return null;
    }
    AnnotationMirror defaultMirror = Annotations.find(accessor, KilnNames.DEFAULT);
    String defaultValue = defaultMirror == null ? null : annotations.string(defaultMirror, "value");
    String typeLabel = kind == Kind.ENUM ? ((TypeElement) types.asElement(valueType)).getSimpleName().toString()
        : valueType.getKind().isPrimitive() ? kind.label() : optional || !type.getKind().isPrimitive()
            ? (kind == Kind.INT ? "Integer" : kind == Kind.LONG ? "Long" : kind == Kind.DOUBLE ? "Double"
                : kind == Kind.BOOLEAN ? "Boolean" : kind.label()) : kind.label();
    if (defaultValue != null) {
      String problem = defaultProblem(kind, valueType, defaultValue);
      if (problem != null) {
        diagnostics.error(DiagnosticCode.INVALID_SETTING, "@Default(\"" + defaultValue + "\") of " + name + "() is not "
            + problem, new Location(where, where == accessor ? defaultMirror : null,
                where == accessor ? Annotations.explicit(defaultMirror, "value") : null));
        return null;
      }
    }
    Long[] bounds = bounds(accessor, where, kind);
    if (bounds == null) {
      return null;
    }
    if (defaultValue != null && (kind == Kind.INT || kind == Kind.LONG)) {
      long value = Long.parseLong(defaultValue.strip());
      if ((bounds[0] != null && value < bounds[0]) || (bounds[1] != null && value > bounds[1])) {
        diagnostics.error(DiagnosticCode.INVALID_SETTING, "@Default(\"" + defaultValue + "\") of " + name + "() is "
            + "outside its own bounds" + (bounds[0] == null ? "" : ", at least " + bounds[0])
            + (bounds[1] == null ? "" : ", at most " + bounds[1]) + "; change the default or the bounds",
            new Location(where, where == accessor ? defaultMirror : null, null));
        return null;
      }
    }
    AnnotationMirror docMirror = Annotations.find(accessor, KilnNames.DOC);
    String doc = docMirror != null ? annotations.string(docMirror, "value")
        : Javadoc.summary(Javadoc.description(elements.getDocComment(accessor)));
    String snake = GeneratedCode.upperSnake(name);
    return new SettingsModel.Entry(name, TypeName.get(type), kind, TypeName.get(valueType), optional, typeLabel,
        defaultValue, Annotations.find(accessor, KilnNames.SECRET) != null, doc,
        snake.toLowerCase(Locale.ROOT).replace('_', '-'),
        prefix.isEmpty() ? name : prefix.toLowerCase(Locale.ROOT) + "." + name,
        (prefix.isEmpty() ? "" : prefix.toUpperCase(Locale.ROOT) + "_") + snake, bounds[0], bounds[1]);
  }

  private static final String CONSTRAINTS = "jakarta.validation.constraints.";

  /**
   * The least and greatest value the accessor's {@code @Min}, {@code @Max}, {@code @Positive} and
   * {@code @PositiveOrZero} allow, either {@code null} when unbounded; {@code null} after reporting
   * one on a setting it cannot apply to. A {@code Duration}'s bound is in nanoseconds.
   */
  private Long[] bounds(ExecutableElement accessor, Element where, Kind kind) {
    Long min = null;
    Long max = null;
    for (AnnotationMirror mirror : accessor.getAnnotationMirrors()) {
      String annotation = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (!annotation.startsWith(CONSTRAINTS)) {
        continue;
      }
      String simple = annotation.substring(CONSTRAINTS.length());
      boolean numeric = kind == Kind.INT || kind == Kind.LONG;
      boolean applies = switch (simple) {
        case "Min", "Max" -> numeric;
        case "Positive", "PositiveOrZero" -> numeric || kind == Kind.DURATION;
        default -> false;
      };
      if (!applies) {
        diagnostics.error(DiagnosticCode.INVALID_SETTING, "@" + simple + " cannot bound setting "
            + accessor.getSimpleName() + "(): settings take @Min and @Max on int and long, and @Positive and "
            + "@PositiveOrZero on int, long and Duration", new Location(where, where == accessor ? mirror : null, null));
        return null;
      }
      switch (simple) {
        case "Min" -> min = max(min, annotations.longValue(mirror, "value"));
        case "Max" -> max = max == null ? annotations.longValue(mirror, "value")
            : Math.min(max, annotations.longValue(mirror, "value"));
        case "Positive" -> min = max(min, 1L);
        default -> min = max(min, 0L);
      }
    }
    return new Long[] {min, max};
  }

  private static Long max(Long current, long bound) {
    return current == null ? bound : Math.max(current, bound);
  }

  private Kind kind(TypeMirror type) {
    switch (type.getKind()) {
      case INT: return Kind.INT;
      case LONG: return Kind.LONG;
      case DOUBLE: return Kind.DOUBLE;
      case BOOLEAN: return Kind.BOOLEAN;
      case DECLARED: break;
      default: return null;
    }
    TypeElement element = (TypeElement) types.asElement(type);
    if (element.getKind() == ElementKind.ENUM) {
      return Kind.ENUM;
    }
    return switch (element.getQualifiedName().toString()) {
      case "java.lang.String" -> Kind.STRING;
      case "java.lang.Integer" -> Kind.INT;
      case "java.lang.Long" -> Kind.LONG;
      case "java.lang.Double" -> Kind.DOUBLE;
      case "java.lang.Boolean" -> Kind.BOOLEAN;
      case "java.time.Duration" -> Kind.DURATION;
      case "java.net.URI" -> Kind.URI;
      case "java.nio.file.Path" -> Kind.PATH;
      case "java.util.List" -> {
        TypeMirror argument = TypeSupport.typeArgument(type);
        yield argument != null && TypeSupport.is(argument, "java.lang.String") ? Kind.LIST : null;
      }
      default -> null;
    };
  }

  /** Why a default does not convert, as the loader would see it at startup; {@code null} when it does. */
  private String defaultProblem(Kind kind, TypeMirror valueType, String text) {
    String value = text.strip();
    switch (kind) {
      case INT:
        return Values.isInt(value) ? null : "an integer in int's range";
      case LONG:
        return Values.isLong(value) ? null : "an integer in long's range";
      case DOUBLE:
        return Values.isDecimal(value) ? null : "a decimal number";
      case BOOLEAN:
        return Values.parseBoolean(value) != null ? null : Values.BOOLEAN_FORMS;
      case DURATION:
        return Durations.parse(value) != null ? null : Durations.FORMS;
      case URI:
        try {
          new java.net.URI(value);
          return null;
        } catch (URISyntaxException e) {
          return "a URI: " + e.getReason();
        }
      case ENUM: {
        List<String> constants = ((TypeElement) types.asElement(valueType)).getEnclosedElements().stream()
            .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
            .map(e -> e.getSimpleName().toString())
            .toList();
        return constants.stream().anyMatch(c -> c.equalsIgnoreCase(value)) ? null : "one of " + constants;
      }
      default:
        return null;
    }
  }
}
