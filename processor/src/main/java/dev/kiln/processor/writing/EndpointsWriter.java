package dev.kiln.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.binding.BinderCode;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.HandlerResult;
import dev.kiln.processor.binding.ResponseResult;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Handler>_Endpoints}: per route, one static method that binds the request to the
 * handler's parameters with generated conversions, calls the handler and turns its result into a
 * {@code Response}. JSON types and enum constants are made once, in static fields.
 */
public final class EndpointsWriter {
  /** The nested holder of the JSON types bodies are read as and results written as. */
  private static final String TYPES = "JsonTypes";

  private final Map<TypeName, FieldSpec> jsonTypes = new LinkedHashMap<>();
  private final Map<TypeName, FieldSpec> enumConstants = new LinkedHashMap<>();
  private final NameAllocator fieldNames = new NameAllocator();
  private final ValidationCode validation = new ValidationCode(fieldNames);
  private final NameAllocator methodNames = new NameAllocator();
  private final FormBinding forms = new FormBinding(this::enumConstants, methodNames);

  public static JavaFile write(HandlerClass handler) {
    return new EndpointsWriter().file(handler);
  }

  private JavaFile file(HandlerClass handler) {
    handler.routes().forEach(route -> methodNames.newName(route.binder()));
    List<MethodSpec> binders = new ArrayList<>();
    for (HandlerRoute route : handler.routes()) {
      binders.add(binder(handler.handler(), route));
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(handler.endpoints())
        .addJavadoc("Binding code for the routes of {@link $T}: converts request values to the handler's\n"
            + "parameters and its result to a {@link $T}. Called from the application's generated table.\n",
            handler.handler(), KilnNames.RESPONSE)
        .addAnnotation(GeneratedCode.generated(handler.handler().canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addFields(enumConstants.values())
        .addFields(validation.fields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(binders)
        .addMethods(forms.methods())
        .addMethods(validation.methods());
    if (!jsonTypes.isEmpty()) {
      type.addType(TypeSpec.classBuilder(TYPES)
          .addJavadoc("JSON types of bodies and results, made on first use: an application that serves no JSON\n"
              + "yet does not start Jackson (a few hundred milliseconds) before its first response. The app's\n"
              + "codec resolves one reader or writer per type.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addFields(jsonTypes.values())
          .build());
    }
    return JavaFile.builder(handler.endpoints().packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private MethodSpec binder(ClassName handlerType, HandlerRoute route) {
    NameAllocator names = new NameAllocator();
    for (Binding param : route.params()) {
      if (param.needsLocal()) {
        names.newName(param.javaName(), param);
      }
    }
    String request = names.newName("request");
    String handler = names.newName("handler");
    String result = names.newName("result");
    Code code = new Code(request, names);

    MethodSpec.Builder method = MethodSpec.methodBuilder(route.binder())
        .addJavadoc("Binds {@code $L $L} to $L.\n", route.method(), GeneratedCode.javadocText(route.template().text()),
            GeneratedCode.handlerLink(handlerType, route.handlerMethod(), route.parameterTypes()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(route.blocking()
            ? KilnNames.RESPONSE
            : ParameterizedTypeName.get(ClassName.get(CompletionStage.class), KilnNames.RESPONSE));
    if (!route.isStatic()) {
      method.addParameter(handlerType, handler);
    }
    method.addParameter(KilnNames.REQUEST, request);
    if (route.blocking() || !route.async()) {
      method.addException(Exception.class);
    }

    List<CodeBlock> arguments = new ArrayList<>();
    for (Binding param : route.params()) {
      String local = param.needsLocal() ? names.get(param) : null;
      method.addCode(param.declare(code, local));
      arguments.add(param.argument(code, local));
    }
    method.addCode(validate(route, code, names));
    CodeBlock call = CodeBlock.of("$L.$L($L)",
        route.isStatic() ? CodeBlock.of("$T", handlerType) : CodeBlock.of("$N", handler),
        route.handlerMethod(), CodeBlock.join(arguments, ", "));
    method.addCode(result(route, code, call, result));
    return method.build();
  }

  /**
   * Checks every parameter's constraints and validates the body, then answers 422 listing every
   * violation, before the handler runs.
   */
  private CodeBlock validate(HandlerRoute route, Code code, NameAllocator names) {
    List<Binding> checked = route.params().stream().filter(Binding::isValidated).toList();
    if (checked.isEmpty()) {
      return CodeBlock.of("");
    }
    String violations = names.newName("violations");
    CodeBlock.Builder block = CodeBlock.builder()
        .addStatement("$T $N = new $T()", KilnNames.VIOLATIONS, violations, KilnNames.VIOLATIONS);
    for (Binding param : checked) {
      String local = names.get(param);
      TypeName type = param.type();
      if (type instanceof ParameterizedTypeName optional
          && optional.rawType().equals(ClassName.get(Optional.class))) {
        String value = names.newName(local + "Value");
        type = optional.typeArguments().get(0);
        block.addStatement("$T $N = $N.orElse(null)", type, value, local);
        local = value;
      }
      block.add(param.validate(code, local, type, violations));
    }
    return block.addStatement("$N.throwIfAny()", violations).build();
  }

  private CodeBlock result(HandlerRoute route, Code code, CodeBlock call, String result) {
    HandlerResult kind = route.result();
    if (route.async()) {
      if (kind instanceof ResponseResult) {
        return CodeBlock.builder().addStatement("return $L", call).build();
      }
      return CodeBlock.builder().addStatement("return $L.thenApply($N -> $L)", call, result,
          kind.response(code, CodeBlock.of("$N", result))).build();
    }
    CodeBlock.Builder block = CodeBlock.builder();
    CodeBlock response;
    if (kind.hasValue()) {
      response = kind.response(code, call);
    } else {
      block.addStatement("$L", call);
      response = kind.response(code, null);
    }
    return route.blocking()
        ? block.addStatement("return $L", response).build()
        : block.addStatement("return $T.completedFuture($L)", CompletableFuture.class, response).build();
  }

  /** What bindings and results use inside one binder: its request, its names and the class's constants. */
  private final class Code implements BinderCode {
    private final String request;
    private final NameAllocator names;

    Code(String request, NameAllocator names) {
      this.request = request;
      this.names = names;
    }

    @Override
    public String request() {
      return request;
    }

    @Override
    public String newName(String suggestion) {
      return names.newName(suggestion);
    }

    @Override
    public CodeBlock convert(ValueType valueType, TypeName valueClass, CodeBlock text, String what) {
      return switch (valueType) {
        case STRING -> text;
        case ENUM -> CodeBlock.of("$T.toEnum($N, $L, $S)", KilnNames.CONVERTERS, enumConstants(valueClass), text,
            what);
        default -> CodeBlock.of("$T.$L($L, $S)", KilnNames.CONVERTERS, valueType.converter(), text, what);
      };
    }

    @Override
    public CodeBlock jsonType(TypeName type) {
      return CodeBlock.of("$L.$N", TYPES, EndpointsWriter.this.jsonType(type));
    }

    @Override
    public CodeBlock formBinder(DataType.Record record) {
      return CodeBlock.of("$N($N)", forms.binder(record), request);
    }

    @Override
    public CodeBlock checkParameter(String in, String name, String value, TypeName type,
        List<Constraint> constraints, String violations) {
      return validation.checkParameter(in, name, value, type, constraints, violations);
    }

    @Override
    public CodeBlock checkBody(String value, TypeName type, List<Constraint> constraints, DataType data,
        String violations) {
      return validation.checkBody(value, type, constraints, data, violations, names);
    }
  }

  private FieldSpec jsonType(TypeName type) {
    return jsonTypes.computeIfAbsent(type, t -> FieldSpec.builder(KilnNames.JAVA_TYPE,
            fieldNames.newName(GeneratedCode.constantName(t) + "_JSON"), Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", GeneratedCode.javaType(t))
        .build());
  }

  private FieldSpec enumConstants(TypeName enumType) {
    return enumConstants.computeIfAbsent(enumType, t -> FieldSpec.builder(ArrayTypeName.of(t),
            fieldNames.newName(GeneratedCode.constantName(t) + "_CONSTANTS"), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.values()", t)
        .build());
  }
}
