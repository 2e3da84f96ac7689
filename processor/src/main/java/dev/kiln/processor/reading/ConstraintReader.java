package dev.kiln.processor.reading;

import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.model.Constraint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code jakarta.validation.constraints} annotations of a parameter, record component or
 * type argument into {@link Constraint}s, reporting a constraint on a type it cannot apply to, an
 * attribute that makes no sense, and constraints Kiln does not generate code for.
 */
public final class ConstraintReader {
  static final String PACKAGE = "jakarta.validation.constraints";
  private static final String CONSTRAINT_META = "jakarta.validation.Constraint";
  private static final String VALID = "jakarta.validation.Valid";

  /** What a constraint can apply to. */
  private enum Applies { ANY_REFERENCE, CHARS, SIZED, NUMBER, BOOLEAN, TEMPORAL }

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final Annotations annotations;

  public ConstraintReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.annotations = new Annotations(elements);
  }

  /**
   * The constraints among {@code mirrors}, which annotate {@code element} (or a type argument in its
   * type) whose value has type {@code type}; {@code null} after reporting a mistake.
   *
   * @param type the constrained value's type, {@code Optional} already unwrapped
   * @param optional whether the value is an {@code Optional}'s: {@code @NotNull} then means present
   */
  public List<Constraint> read(Element element, List<? extends AnnotationMirror> mirrors, TypeMirror type,
      boolean optional) {
    List<Constraint> constraints = new ArrayList<>();
    boolean ok = true;
    for (AnnotationMirror mirror : mirrors) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      String qualified = annotation.getQualifiedName().toString();
      if (qualified.equals(VALID)) {
        continue; // records are always validated through
      }
      boolean standard = qualified.startsWith(PACKAGE + ".") && annotation.getEnclosingElement() instanceof
          javax.lang.model.element.PackageElement;
      if (!standard) {
        if (Annotations.find(annotation, CONSTRAINT_META) != null) {
          diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + annotation.getSimpleName() + " is a custom "
              + "constraint; Kiln generates validation for the jakarta.validation.constraints annotations only: "
              + "check it in the handler and throw Problem.of(422)...toError()", new Location(element, mirror, null));
          ok = false;
        }
        continue;
      }
      Constraint constraint = constraint(element, mirror, annotation.getSimpleName().toString(), type, optional);
      if (constraint == null) {
        ok = false;
      } else {
        constraints.add(constraint);
      }
    }
    return ok ? constraints : null;
  }

  private Constraint constraint(Element element, AnnotationMirror mirror, String name, TypeMirror type,
      boolean optional) {
    Location at = new Location(element, mirror, null);
    if (!annotations.values(mirror, "groups").isEmpty()) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + name + "(groups = ...): Kiln validates every "
          + "constraint on every request and has no validation groups; remove groups", at);
      return null;
    }
    Applies applies = switch (name) {
      case "NotNull", "Null" -> Applies.ANY_REFERENCE;
      case "NotBlank", "Pattern", "Email" -> Applies.CHARS;
      case "NotEmpty", "Size" -> Applies.SIZED;
      case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
          "Digits" -> Applies.NUMBER;
      case "AssertTrue", "AssertFalse" -> Applies.BOOLEAN;
      case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> Applies.TEMPORAL;
      default -> null;
    };
    if (applies == null) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + name + " is not supported by Kiln's generated "
          + "validation; supported: @NotNull @Null @NotBlank @NotEmpty @Size @Min @Max @DecimalMin @DecimalMax "
          + "@Positive @PositiveOrZero @Negative @NegativeOrZero @Digits @Pattern @Email @AssertTrue @AssertFalse "
          + "@Past @PastOrPresent @Future @FutureOrPresent", at);
      return null;
    }
    String problem = applicability(applies, type, optional);
    if (problem != null) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + name + " cannot apply to "
          + TypeSupport.display(type) + ": "
          + problem, at);
      return null;
    }
    List<Object> arguments = new ArrayList<>();
    String defaultMessage;
    switch (name) {
      case "NotNull" -> defaultMessage = "must not be null";
      case "Null" -> defaultMessage = "must be null";
      case "NotBlank" -> defaultMessage = "must not be blank";
      case "NotEmpty" -> defaultMessage = "must not be empty";
      case "Size" -> {
        int min = annotations.integer(mirror, "min");
        int max = annotations.integer(mirror, "max");
        if (min < 0 || max < min) {
          diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@Size(min = " + min + ", max = " + max
              + ") can never hold: min must be 0 or more and max at least min", at);
          return null;
        }
        arguments.add(min);
        arguments.add(max);
        defaultMessage = max == Integer.MAX_VALUE ? "size must be at least " + min
            : min == 0 ? "size must be at most " + max : "size must be between " + min + " and " + max;
      }
      case "Min", "Max" -> {
        long value = ((Number) annotations.value(mirror, "value").getValue()).longValue();
        arguments.add(value);
        defaultMessage = "must be " + (name.equals("Min") ? "greater" : "less") + " than or equal to " + value;
      }
      case "DecimalMin", "DecimalMax" -> {
        String value = annotations.string(mirror, "value");
        try {
          new BigDecimal(value);
        } catch (NumberFormatException e) {
          diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + name + "(\"" + value + "\"): not a decimal "
              + "number; write it like \"0.5\" or \"-10\"", new Location(element, mirror, Annotations.explicit(mirror, "value")));
          return null;
        }
        boolean inclusive = annotations.bool(mirror, "inclusive");
        arguments.add(value);
        arguments.add(inclusive);
        defaultMessage = "must be " + (name.equals("DecimalMin") ? "greater" : "less") + " than "
            + (inclusive ? "or equal to " : "") + value;
      }
      case "Positive" -> defaultMessage = "must be greater than 0";
      case "PositiveOrZero" -> defaultMessage = "must be greater than or equal to 0";
      case "Negative" -> defaultMessage = "must be less than 0";
      case "NegativeOrZero" -> defaultMessage = "must be less than or equal to 0";
      case "Digits" -> {
        int integer = annotations.integer(mirror, "integer");
        int fraction = annotations.integer(mirror, "fraction");
        if (integer < 0 || fraction < 0) {
          diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@Digits(integer = " + integer + ", fraction = "
              + fraction + "): digit counts cannot be negative", at);
          return null;
        }
        arguments.add(integer);
        arguments.add(fraction);
        defaultMessage = "numeric value out of bounds (<" + integer + " digits>.<" + fraction + " digits> expected)";
      }
      case "Pattern", "Email" -> {
        String regexp = annotations.string(mirror, "regexp");
        int flags = flags(mirror);
        if (name.equals("Email") && regexp.equals(".*")) {
          regexp = "";
        }
        if (!regexp.isEmpty()) {
          try {
            java.util.regex.Pattern.compile(regexp, flags);
          } catch (PatternSyntaxException e) {
            diagnostics.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "@" + name + " regexp does not compile: "
                + e.getDescription() + " near index " + e.getIndex(),
                new Location(element, mirror, Annotations.explicit(mirror, "regexp")));
            return null;
          }
        }
        arguments.add(regexp);
        arguments.add(flags);
        defaultMessage = name.equals("Email") ? "must be a well-formed email address" : "must match \"" + regexp + "\"";
      }
      case "AssertTrue" -> defaultMessage = "must be true";
      case "AssertFalse" -> defaultMessage = "must be false";
      case "Past" -> defaultMessage = "must be a past date";
      case "PastOrPresent" -> defaultMessage = "must be a date in the past or in the present";
      case "Future" -> defaultMessage = "must be a future date";
      case "FutureOrPresent" -> defaultMessage = "must be a date in the present or in the future";
      default -> throw new AssertionError(name);
    }
    return new Constraint(name, message(mirror, defaultMessage), arguments);
  }

  /** Why a constraint of this kind cannot apply to {@code type}, or {@code null} when it can. */
  private String applicability(Applies applies, TypeMirror type, boolean optional) {
    boolean primitive = type.getKind().isPrimitive();
    switch (applies) {
      case ANY_REFERENCE:
        return primitive && !optional ? "a primitive is never null (a missing JSON field reads as 0 or false); "
            + "declare the boxed type to require the value" : null;
      case CHARS:
        return TypeSupport.isSubtype(elements, types, type, "java.lang.CharSequence") ? null : "it applies to strings (CharSequence)";
      case SIZED:
        return TypeSupport.isSubtype(elements, types, type, "java.lang.CharSequence") || TypeSupport.isSubtype(elements, types, type, "java.util.Collection") || TypeSupport.isSubtype(elements, types, type, "java.util.Map")
            || type.getKind() == TypeKind.ARRAY && !((javax.lang.model.type.ArrayType) type).getComponentType()
                .getKind().isPrimitive()
            ? null : "it applies to strings, collections, maps and arrays of objects";
      case NUMBER:
        return switch (type.getKind()) {
          case INT, LONG, SHORT, BYTE, DOUBLE, FLOAT -> null;
          default -> TypeSupport.isSubtype(elements, types, type, "java.lang.Number") ? null : "it applies to numbers (primitives, their boxes, "
              + "BigInteger and BigDecimal)";
        };
      case BOOLEAN:
        return type.getKind() == TypeKind.BOOLEAN || TypeSupport.isSubtype(elements, types, type, "java.lang.Boolean") ? null : "it applies to booleans";
      case TEMPORAL:
        for (String temporal : new String[] {"java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.ZonedDateTime"}) {
          if (TypeSupport.is(type, temporal)) {
            return null;
          }
        }
        return "it applies to Instant, LocalDate, LocalDateTime, OffsetDateTime and ZonedDateTime";
      default:
        throw new AssertionError(applies);
    }
  }


  /** {@code Pattern.Flag} names as {@code java.util.regex.Pattern} flag bits. */
  private int flags(AnnotationMirror mirror) {
    int flags = 0;
    for (AnnotationValue value : annotations.values(mirror, "flags")) {
      flags |= switch (value.getValue().toString()) {
        case "UNIX_LINES" -> java.util.regex.Pattern.UNIX_LINES;
        case "CASE_INSENSITIVE" -> java.util.regex.Pattern.CASE_INSENSITIVE;
        case "COMMENTS" -> java.util.regex.Pattern.COMMENTS;
        case "MULTILINE" -> java.util.regex.Pattern.MULTILINE;
        case "DOTALL" -> java.util.regex.Pattern.DOTALL;
        case "UNICODE_CASE" -> java.util.regex.Pattern.UNICODE_CASE;
        case "CANON_EQ" -> java.util.regex.Pattern.CANON_EQ;
        default -> 0;
      };
    }
    return flags;
  }

  /**
   * The annotation's own message when it has one (its {@code {attribute}} placeholders filled in at
   * compile time), else the default.
   */
  private String message(AnnotationMirror mirror, String defaultMessage) {
    String message = annotations.string(mirror, "message");
    if (message.startsWith("{" + PACKAGE + ".")) {
      return defaultMessage;
    }
    Map<? extends javax.lang.model.element.ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    StringBuilder filled = new StringBuilder();
    Matcher placeholder = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(message);
    while (placeholder.find()) {
      String replacement = placeholder.group();
      for (var entry : values.entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals(placeholder.group(1))) {
          replacement = String.valueOf(entry.getValue().getValue());
        }
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }
}
