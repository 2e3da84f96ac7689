package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataShapes;
import dev.kiln.processor.model.DataType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the validation code of one endpoints class: constraint checks as plain {@code if}s that
 * add to a {@code Violations}, one {@code validate} method per record type that has constraints
 * (itself or in the records inside it), and the regex constants of {@code @Pattern}s.
 */
final class ValidationCode {
  private final NameAllocator fieldNames;
  private final Map<String, FieldSpec> patterns = new LinkedHashMap<>();
  private final Map<TypeName, MethodSpec> validators = new LinkedHashMap<>();
  private final Set<TypeName> writing = new HashSet<>();

  ValidationCode(NameAllocator fieldNames) {
    this.fieldNames = fieldNames;
  }

  List<FieldSpec> fields() {
    return List.copyOf(patterns.values());
  }

  List<MethodSpec> methods() {
    return List.copyOf(validators.values());
  }

  /** Checks a parameter's value against its constraints; the violation's path is the parameter's name. */
  CodeBlock checkParameter(String in, String name, String value, TypeName type, List<Constraint> constraints,
      String violations) {
    return checks(value, type, constraints,
        c -> CodeBlock.of("$N.add($S, $S, $S, $S)", violations, in, name, c.name(), c.message()));
  }

  /**
   * Checks the body (a local, {@code Optional} already unwrapped to its value or null) against the
   * parameter's constraints, then validates through it; paths are JSONPaths from {@code $}.
   */
  CodeBlock checkBody(String value, TypeName type, List<Constraint> constraints, DataType data, String violations,
      NameAllocator names) {
    CodeBlock.Builder code = CodeBlock.builder().add(here(value, type, constraints, violations));
    if (DataShapes.needsValidation(data)) {
      code.add(through(value, data, violations, names));
    }
    return code.build();
  }

  /** One {@code if} per constraint, reporting with {@code report}. */
  private CodeBlock checks(String value, TypeName type, List<Constraint> constraints,
      Function<Constraint, CodeBlock> report) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Constraint constraint : constraints) {
      code.beginControlFlow("if ($L)", violated(condition(constraint, value, type)))
          .addStatement("$L", report.apply(constraint))
          .endControlFlow();
    }
    return code.build();
  }

  /** Constraints on the value at the body position {@code Violations} is at. */
  private CodeBlock here(String value, TypeName type, List<Constraint> constraints, String violations) {
    return checks(value, type, constraints,
        c -> CodeBlock.of("$N.addHere($S, $S)", violations, c.name(), c.message()));
  }

  /**
   * Validation of what is inside a value: a record's components, a collection's elements. The path
   * is kept by {@code Violations} ({@code enter}/{@code exit}) and made text only for a violation,
   * so a valid body costs no string building.
   */
  private CodeBlock through(String value, DataType data, String violations, NameAllocator names) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (data instanceof DataType.Record record) {
      MethodSpec validator = validator(record);
      code.beginControlFlow("if ($N != null)", value)
          .addStatement("$N($N, $N)", validator, value, violations)
          .endControlFlow();
    } else if (data instanceof DataType.Maybe maybe) {
      String present = names.newName(value + "Value");
      code.addStatement("$T $N = $N == null ? null : $N.orElse(null)", maybe.value().type().box(), present, value,
          value);
      code.add(through(present, maybe.value(), violations, names));
    } else if (data instanceof DataType.Many many) {
      String index = names.newName("i");
      String element = names.newName(value + "Element");
      TypeName elementType = many.element().type();
      code.beginControlFlow("if ($N != null)", value)
          .addStatement("int $N = 0", index)
          .beginControlFlow("for ($T $N : $N)", elementType, element, value)
          .addStatement("$N.enter($N++)", violations, index)
          .add(here(element, elementType, many.elementConstraints(), violations));
      if (DataShapes.needsValidation(many.element())) {
        code.add(through(element, many.element(), violations, names));
      }
      code.addStatement("$N.exit()", violations)
          .endControlFlow()
          .endControlFlow();
    } else if (data instanceof DataType.Dictionary dictionary) {
      String entry = names.newName(value + "Entry");
      String entryValue = names.newName(value + "Value");
      TypeName valueType = dictionary.value().type().box();
      code.beginControlFlow("if ($N != null)", value)
          .beginControlFlow("for ($T<$T, $T> $N : $N.entrySet())", Map.Entry.class, String.class, valueType, entry,
              value)
          .addStatement("$T $N = $N.getValue()", valueType, entryValue, entry)
          .addStatement("$N.enter($N.getKey())", violations, entry)
          .add(through(entryValue, dictionary.value(), violations, names))
          .addStatement("$N.exit()", violations)
          .endControlFlow()
          .endControlFlow();
    }
    return code.build();
  }

  /** The {@code validate} method of a record type, written once per endpoints class. */
  private MethodSpec validator(DataType.Record record) {
    MethodSpec existing = validators.get(record.type());
    if (existing != null || !writing.add(record.type())) {
      return existing != null ? existing : MethodSpec.methodBuilder("validate").build(); // recursion: same name
    }
    NameAllocator names = new NameAllocator();
    String value = names.newName("value");
    String violations = names.newName("violations");
    for (DataType.Component component : record.components()) {
      names.newName(component.name(), component);
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("validate")
        .addJavadoc("Checks the constraints of {@link $T} and of the records in it.\n", record.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(record.type(), value)
        .addParameter(KilnNames.VIOLATIONS, violations);
    for (DataType.Component component : record.components()) {
      if (component.constraints().isEmpty() && !DataShapes.needsValidation(component.type())) {
        continue;
      }
      String local = names.get(component);
      DataType data = component.type();
      TypeName type = data.type();
      CodeBlock read = CodeBlock.of("$N.$N()", value, component.name());
      if (data instanceof DataType.Maybe maybe) {
        // Constraints on an Optional apply to its value; a missing one counts as null.
        String optional = names.newName(component.name() + "Optional");
        method.addStatement("$T $N = $L", type, optional, read);
        type = maybe.value().type().box();
        read = CodeBlock.of("$N == null ? null : $N.orElse(null)", optional, optional);
        data = maybe.value();
      }
      method.addStatement("$T $N = $L", type, local, read);
      method.addCode(checks(local, type, component.constraints(), c -> CodeBlock.of("$N.addField($S, $S, $S)",
          violations, component.name(), c.name(), c.message())));
      if (DataShapes.needsValidation(data)) {
        method.addStatement("$N.enter($S)", violations, component.name())
            .addCode(through(local, data, violations, names))
            .addStatement("$N.exit()", violations);
      }
    }
    MethodSpec built = method.build();
    validators.put(record.type(), built);
    return built;
  }

  /** {@code !condition}, parenthesised only when the condition is an expression with operators. */
  private static CodeBlock violated(CodeBlock condition) {
    String text = condition.toString();
    boolean compound = text.contains("||") || text.contains("&&") || text.contains("==") || text.contains("!=")
        || text.startsWith("!");
    return compound ? CodeBlock.of("!($L)", condition) : CodeBlock.of("!$L", condition);
  }

  private CodeBlock condition(Constraint constraint, String value, TypeName type) {
    ClassName c = KilnNames.CONSTRAINTS;
    boolean primitive = type.isPrimitive();
    return switch (constraint.name()) {
      case "NotNull" -> CodeBlock.of("$N != null", value);
      case "Null" -> CodeBlock.of("$N == null", value);
      case "NotBlank" -> CodeBlock.of("$T.notBlank($N)", c, value);
      case "NotEmpty" -> CodeBlock.of("$T.notEmpty($N)", c, value);
      case "Size" -> CodeBlock.of("$T.size($N, $L, $L)", c, value, constraint.argument(0), constraint.argument(1));
      case "Min" -> CodeBlock.of("$T.atLeast($N, $LL)", c, value, constraint.argument(0));
      case "Max" -> CodeBlock.of("$T.atMost($N, $LL)", c, value, constraint.argument(0));
      case "Positive" -> CodeBlock.of("$T.above($N, 0)", c, value);
      case "PositiveOrZero" -> CodeBlock.of("$T.atLeast($N, 0)", c, value);
      case "Negative" -> CodeBlock.of("$T.below($N, 0)", c, value);
      case "NegativeOrZero" -> CodeBlock.of("$T.atMost($N, 0)", c, value);
      case "DecimalMin" -> CodeBlock.of("$T.decimalMin($N, $S, $L)", c, value, constraint.argument(0),
          constraint.argument(1));
      case "DecimalMax" -> CodeBlock.of("$T.decimalMax($N, $S, $L)", c, value, constraint.argument(0),
          constraint.argument(1));
      case "Digits" -> CodeBlock.of("$T.digits($N, $L, $L)", c, value, constraint.argument(0), constraint.argument(1));
      case "Pattern" -> CodeBlock.of("$N == null || $N.matcher($N).matches()", value,
          pattern(value, (String) constraint.argument(0), (Integer) constraint.argument(1)), value);
      case "Email" -> ((String) constraint.argument(0)).isEmpty()
          ? CodeBlock.of("$T.email($N)", c, value)
          : CodeBlock.of("$T.email($N) && ($N == null || $N.matcher($N).matches())", c, value, value,
              pattern(value, (String) constraint.argument(0), (Integer) constraint.argument(1)), value);
      case "AssertTrue" -> primitive ? CodeBlock.of("$N", value) : CodeBlock.of("$N == null || $N", value, value);
      case "AssertFalse" -> primitive ? CodeBlock.of("!$N", value) : CodeBlock.of("$N == null || !$N", value, value);
      case "Past" -> CodeBlock.of("$T.past($N, false)", c, value);
      case "PastOrPresent" -> CodeBlock.of("$T.past($N, true)", c, value);
      case "Future" -> CodeBlock.of("$T.future($N, false)", c, value);
      case "FutureOrPresent" -> CodeBlock.of("$T.future($N, true)", c, value);
      default -> throw new AssertionError(constraint.name());
    };
  }

  /** A compiled-once {@code Pattern} constant for {@code regexp}, named after the first value it checks. */
  private FieldSpec pattern(String value, String regexp, int flags) {
    return patterns.computeIfAbsent(flags + "/" + regexp, key -> FieldSpec.builder(Pattern.class,
            fieldNames.newName(GeneratedCode.upperSnake(value) + "_PATTERN"), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer(flags == 0 ? CodeBlock.of("$T.compile($S)", Pattern.class, regexp)
            : CodeBlock.of("$T.compile($S, $L)", Pattern.class, regexp, flags))
        .build());
  }
}
