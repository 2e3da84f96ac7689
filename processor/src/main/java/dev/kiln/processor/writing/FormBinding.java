package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.DataShapes;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes, per record a {@code @Body} reads from forms, a method that builds it from the form's
 * fields: every component by its name ({@code address.street} inside a nested record), converted
 * as query parameters are. An empty field counts as absent for non-text values, as browsers send
 * empty inputs; an absent number or boolean is 0 or false, as in JSON.
 */
final class FormBinding {
  private final Map<TypeName, MethodSpec> binders = new LinkedHashMap<>();
  private final Function<TypeName, FieldSpec> enumConstants;
  /** The endpoint class's method names: a form reader must not take a binder's (a handler named {@code noteFromForm}). */
  private final NameAllocator methodNames;

  FormBinding(Function<TypeName, FieldSpec> enumConstants, NameAllocator methodNames) {
    this.enumConstants = enumConstants;
    this.methodNames = methodNames;
  }

  List<MethodSpec> methods() {
    return List.copyOf(binders.values());
  }

  /** The method reading {@code record} from a request's form. */
  MethodSpec binder(DataType.Record record) {
    MethodSpec existing = binders.get(record.type());
    if (existing != null) {
      return existing;
    }
    NameAllocator names = new NameAllocator();
    String request = names.newName("request");
    String form = names.newName("form");
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T $N = $N.form()", KilnNames.FORM_DATA, form, request);
    CodeBlock construction = construct(record, "", request, form, names, body);
    MethodSpec method = MethodSpec.methodBuilder(
            methodNames.newName(GeneratedCode.lowerCamel(record.name().simpleName()) + "FromForm"))
        .addJavadoc("Reads {@link $T} from the request's form fields.\n", record.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.type())
        .addParameter(KilnNames.REQUEST, request)
        .addCode(body.build())
        .addStatement("return $L", construction)
        .build();
    binders.put(record.type(), method);
    return method;
  }

  /** Declares a local per component into {@code body}; returns the constructor call. */
  private CodeBlock construct(DataType.Record record, String prefix, String request, String form,
      NameAllocator names, CodeBlock.Builder body) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (DataType.Component component : record.components()) {
      String field = prefix + component.name();
      String local = names.newName(GeneratedCode.lowerCamel(field.replace('.', '_')));
      DataType type = component.type();
      if (type instanceof DataType.Record nested) {
        CodeBlock nestedConstruction = construct(nested, field + ".", request, form, names, body);
        body.addStatement("$T $N = $L", nested.type(), local, nestedConstruction);
      } else {
        body.add(component(type, field, local, request, form, names));
      }
      arguments.add(CodeBlock.of("$N", local));
    }
    return CodeBlock.of("new $T($L)", record.type(), CodeBlock.join(arguments, ", "));
  }

  private CodeBlock component(DataType type, String field, String local, String request, String form,
      NameAllocator names) {
    String what = "form field '" + field + "'";
    CodeBlock.Builder code = CodeBlock.builder();
    if (type instanceof DataType.File) {
      return code.addStatement("$T $N = $T.file($N, $S)", type.type(), local, KilnNames.BODIES, request, field).build();
    }
    if (type instanceof DataType.Many many) {
      if (many.element() instanceof DataType.File) {
        return code.addStatement("$T $N = $T.files($N, $S)", type.type(), local, KilnNames.BODIES, request, field)
            .build();
      }
      DataType.Scalar element = (DataType.Scalar) many.element();
      if (element.valueType() == ValueType.STRING) {
        return code.addStatement("$T $N = $N.all($S)", type.type(), local, form, field).build();
      }
      String text = names.newName("text");
      return code.addStatement("$T $N = new $T<>()", type.type(), local, ArrayList.class)
          .beginControlFlow("for ($T $N : $N.all($S))", String.class, text, form, field)
          .beginControlFlow("if (!$N.isEmpty())", text)
          .addStatement("$N.add($L)", local, convert(element, CodeBlock.of("$N", text), what))
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    if (type instanceof DataType.Maybe maybe) {
      if (maybe.value() instanceof DataType.File) {
        return code.addStatement("$T $N = $T.ofNullable($T.file($N, $S))", type.type(), local, Optional.class,
            KilnNames.BODIES, request, field).build();
      }
      DataType.Scalar value = (DataType.Scalar) maybe.value();
      if (value.valueType() == ValueType.STRING) {
        return code.addStatement("$T $N = $T.ofNullable($N.first($S))", type.type(), local, Optional.class, form, field)
            .build();
      }
      String text = names.newName(local + "Text");
      return code.addStatement("$T $N = $T.nonEmpty($N, $S)", String.class, text, KilnNames.BODIES, form, field)
          .addStatement("$T $N = $N == null ? $T.empty() : $T.of($L)", type.type(), local, text, Optional.class,
              Optional.class, convert(value, CodeBlock.of("$N", text), what))
          .build();
    }
    DataType.Scalar scalar = (DataType.Scalar) type;
    if (scalar.valueType() == ValueType.STRING) {
      return code.addStatement("$T $N = $N.first($S)", type.type(), local, form, field).build();
    }
    String text = names.newName(local + "Text");
    return code.addStatement("$T $N = $T.nonEmpty($N, $S)", String.class, text, KilnNames.BODIES, form, field)
        .addStatement("$T $N = $N == null ? $L : $L", type.type(), local, text, absent(scalar),
            convert(scalar, CodeBlock.of("$N", text), what))
        .build();
  }

  /** What an absent field reads as: JSON's defaults. */
  private static String absent(DataType.Scalar scalar) {
    if (!scalar.primitive()) {
      return "null";
    }
    return scalar.type().equals(TypeName.BOOLEAN) ? "false" : scalar.type().equals(TypeName.DOUBLE) ? "0.0" : "0";
  }

  private CodeBlock convert(DataType.Scalar scalar, CodeBlock text, String what) {
    if (scalar.valueType() == ValueType.ENUM) {
      FieldSpec constants = enumConstants.apply(scalar.type());
      return CodeBlock.of("$T.toEnum($N, $L, $S)", KilnNames.CONVERTERS, constants, text, what);
    }
    return CodeBlock.of("$T.$L($L, $S)", KilnNames.CONVERTERS, scalar.valueType().converter(), text, what);
  }
}
