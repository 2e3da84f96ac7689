package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.Optional;

/** The binding code shared by named values: one, an optional one, or all of a name's values. */
final class ValueCode {
  private ValueCode() {}

  /**
   * Declares {@code local} from {@code first} (the name's first value, or null) or {@code all} (every
   * value), converting each.
   */
  static CodeBlock declare(ValueBinding binding, BinderCode code, String local, CodeBlock first, CodeBlock all) {
    String what = binding.describe();
    switch (binding.shape()) {
      case SINGLE: {
        CodeBlock raw = CodeBlock.of("$T.required($L, $S)", KilnNames.CONVERTERS, first, what);
        return CodeBlock.of("$T $N = $L;\n", binding.type(), local, convert(binding, code, raw));
      }
      case OPTIONAL: {
        if (binding.valueType() == ValueType.STRING) {
          return CodeBlock.of("$T $N = $T.ofNullable($L);\n", binding.type(), local, Optional.class, first);
        }
        String text = code.newName(local + "Text");
        return CodeBlock.builder()
            .addStatement("$T $N = $L", String.class, text, first)
            .addStatement("$T $N = $N == null ? $T.empty() : $T.of($L)", binding.type(), local, text, Optional.class,
                Optional.class, convert(binding, code, CodeBlock.of("$N", text)))
            .build();
      }
      case LIST: {
        if (binding.valueType() == ValueType.STRING) {
          return CodeBlock.of("$T $N = $L;\n", binding.type(), local, all);
        }
        String text = code.newName("text");
        return CodeBlock.builder()
            .addStatement("$T $N = new $T<>()", binding.type(), local, ArrayList.class)
            .beginControlFlow("for ($T $N : $L)", String.class, text, all)
            .addStatement("$N.add($L)", local, convert(binding, code, CodeBlock.of("$N", text)))
            .endControlFlow()
            .build();
      }
      default:
        throw new AssertionError(binding.shape());
    }
  }

  static CodeBlock convert(ValueBinding binding, BinderCode code, CodeBlock text) {
    return code.convert(binding.valueType(), binding.valueClass(), text, binding.describe());
  }
}
