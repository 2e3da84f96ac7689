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
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.model.HandlerParam;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.ParamSource;
import dev.kiln.processor.model.ReturnKind;
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
  private final FormBinding forms = new FormBinding(this::enumConstants);

  public static JavaFile write(HandlerClass handler) {
    return new EndpointsWriter().file(handler);
  }

  private JavaFile file(HandlerClass handler) {
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
    for (HandlerParam param : route.params()) {
      if (param.source() != ParamSource.REQUEST) {
        names.newName(param.javaName(), param);
      }
    }
    String request = names.newName("request");
    String handler = names.newName("handler");
    String result = names.newName("result");

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
    for (HandlerParam param : route.params()) {
      if (param.source() == ParamSource.REQUEST) {
        arguments.add(CodeBlock.of("$N", request));
      } else {
        String local = names.get(param);
        method.addCode(bind(param, local, request, names));
        arguments.add(CodeBlock.of("$N", local));
      }
    }
    method.addCode(validate(route, names));
    CodeBlock call = CodeBlock.of("$L.$L($L)",
        route.isStatic() ? CodeBlock.of("$T", handlerType) : CodeBlock.of("$N", handler),
        route.handlerMethod(), CodeBlock.join(arguments, ", "));
    method.addCode(result(route, call, result));
    return method.build();
  }

  /**
   * Checks every parameter's constraints and validates the body, then answers 422 listing every
   * violation, before the handler runs.
   */
  private CodeBlock validate(HandlerRoute route, NameAllocator names) {
    List<HandlerParam> checked = route.params().stream()
        .filter(p -> !p.constraints().isEmpty() || p.data() != null && ValidationCode.needsValidation(p.data()))
        .toList();
    if (checked.isEmpty()) {
      return CodeBlock.of("");
    }
    String violations = names.newName("violations");
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T $N = new $T()", KilnNames.VIOLATIONS, violations, KilnNames.VIOLATIONS);
    for (HandlerParam param : checked) {
      String local = names.get(param);
      TypeName type = param.type();
      if (param.shape() == HandlerParam.Shape.OPTIONAL) {
        String value = names.newName(local + "Value");
        type = param.valueClass();
        code.addStatement("$T $N = $N.orElse(null)", type, value, local);
        local = value;
      }
      code.add(param.source() == ParamSource.BODY
          ? validation.checkBody(local, type, param.constraints(), param.data(), violations, names)
          : validation.checkParameter(param.source().in(), param.wireName(), local, type, param.constraints(),
              violations));
    }
    return code.addStatement("$N.throwIfAny()", violations).build();
  }

  /** Declares {@code local} from the request, converted to the parameter's type. */
  private CodeBlock bind(HandlerParam param, String local, String request, NameAllocator names) {
    String what = param.source().describe(param.wireName());
    if (param.source() == ParamSource.BODY) {
      return body(param, local, request);
    }
    if (param.source() == ParamSource.FILE) {
      return switch (param.shape()) {
        case SINGLE -> CodeBlock.of("$T $N = $T.requiredFile($N, $S);\n", param.type(), local, KilnNames.BODIES,
            request, param.wireName());
        case OPTIONAL -> CodeBlock.of("$T $N = $T.ofNullable($T.file($N, $S));\n", param.type(), local,
            Optional.class, KilnNames.BODIES, request, param.wireName());
        case LIST -> CodeBlock.of("$T $N = $T.files($N, $S);\n", param.type(), local, KilnNames.BODIES, request,
            param.wireName());
      };
    }
    if (param.source() == ParamSource.PATH) {
      CodeBlock raw = CodeBlock.of("$N.pathParam($L)", request, param.pathIndex());
      return CodeBlock.of("$T $N = $L;\n", param.type(), local, convert(param, raw, what));
    }
    switch (param.shape()) {
      case SINGLE: {
        CodeBlock raw = CodeBlock.of("$T.required($L, $S)", KilnNames.CONVERTERS, single(param, request), what);
        return CodeBlock.of("$T $N = $L;\n", param.type(), local, convert(param, raw, what));
      }
      case OPTIONAL: {
        if (param.valueType() == ValueType.STRING) {
          return CodeBlock.of("$T $N = $T.ofNullable($L);\n", param.type(), local, Optional.class, single(param, request));
        }
        String text = names.newName(local + "Text");
        return CodeBlock.builder()
            .addStatement("$T $N = $L", String.class, text, single(param, request))
            .addStatement("$T $N = $N == null ? $T.empty() : $T.of($L)", param.type(), local, text, Optional.class,
                Optional.class, convert(param, CodeBlock.of("$N", text), what))
            .build();
      }
      case LIST: {
        CodeBlock all = switch (param.source()) {
          case QUERY -> CodeBlock.of("$N.queryParams($S)", request, param.wireName());
          case FORM -> CodeBlock.of("$N.form().all($S)", request, param.wireName());
          default -> CodeBlock.of("$N.headers($S)", request, param.wireName());
        };
        if (param.valueType() == ValueType.STRING) {
          return CodeBlock.of("$T $N = $L;\n", param.type(), local, all);
        }
        String text = names.newName("text");
        return CodeBlock.builder()
            .addStatement("$T $N = new $T<>()", param.type(), local, ArrayList.class)
            .beginControlFlow("for ($T $N : $L)", String.class, text, all)
            .addStatement("$N.add($L)", local, convert(param, CodeBlock.of("$N", text), what))
            .endControlFlow()
            .build();
      }
      default:
        throw new AssertionError(param.shape());
    }
  }

  private static CodeBlock single(HandlerParam param, String request) {
    if (param.source() == ParamSource.FORM) {
      return CodeBlock.of("$N.form().first($S)", request, param.wireName());
    }
    String accessor = switch (param.source()) {
      case QUERY -> "queryParam";
      case HEADER -> "header";
      case COOKIE -> "cookie";
      default -> throw new IllegalArgumentException(param.source().name());
    };
    return CodeBlock.of("$N.$L($S)", request, accessor, param.wireName());
  }

  /**
   * Reads the body by its {@code Content-Type}: JSON with a reader resolved once, a form through a
   * generated binder when the type is a record of form fields; anything else is a 415.
   */
  private CodeBlock body(HandlerParam param, String local, String request) {
    DataType data = param.data();
    TypeName bodyType = param.valueClass();
    boolean optional = param.shape() == HandlerParam.Shape.OPTIONAL;
    boolean json = !FormBinding.hasFiles(data);
    boolean form = FormBinding.isFormBindable(data);
    List<String> accepted = new ArrayList<>();
    CodeBlock.Builder cases = CodeBlock.builder();
    if (json) {
      accepted.add("application/json");
      CodeBlock read = CodeBlock.of("$T.json($N, $L.$N)", KilnNames.BODIES, request, TYPES, jsonType(bodyType));
      cases.addStatement("case JSON -> $L", optional ? CodeBlock.of("$T.of($L)", Optional.class, read) : read);
    }
    if (form) {
      accepted.add("application/x-www-form-urlencoded");
      accepted.add("multipart/form-data");
      CodeBlock read = CodeBlock.of("$N($N)", forms.binder((DataType.Record) data), request);
      cases.addStatement("case URLENCODED, MULTIPART -> $L",
          optional ? CodeBlock.of("$T.of($L)", Optional.class, read) : read);
    }
    cases.addStatement(optional ? "case NONE -> $T.empty()" : "case NONE -> throw $T.missing()",
        optional ? Optional.class : KilnNames.BODIES);
    String acceptedText = accepted.size() == 1 ? accepted.get(0)
        : String.join(", ", accepted.subList(0, accepted.size() - 1)) + " or " + accepted.get(accepted.size() - 1);
    cases.addStatement("default -> throw $T.unsupported($N, $S)", KilnNames.BODIES, request, acceptedText);
    return CodeBlock.builder()
        .add("$T $N = switch ($T.kind($N)) {\n$>", param.type(), local, KilnNames.BODIES, request)
        .add(cases.build())
        .add("$<};\n")
        .build();
  }

  private CodeBlock convert(HandlerParam param, CodeBlock text, String what) {
    switch (param.valueType()) {
      case STRING:
        return text;
      case ENUM:
        return CodeBlock.of("$T.toEnum($N, $L, $S)", KilnNames.CONVERTERS, enumConstants(param.valueClass()), text, what);
      default:
        return CodeBlock.of("$T.$L($L, $S)", KilnNames.CONVERTERS, param.valueType().converter(), text, what);
    }
  }

  private CodeBlock result(HandlerRoute route, CodeBlock call, String result) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (route.async()) {
      switch (route.returnKind()) {
        case RESPONSE: return code.addStatement("return $L", call).build();
        case TEXT: return code.addStatement("return $L.thenApply($T::text)", call, KilnNames.RESPONSE).build();
        case BYTES: return code.addStatement("return $L.thenApply($T::bytes)", call, KilnNames.RESPONSE).build();
        case NO_CONTENT:
          return code.addStatement("return $L.thenApply($N -> $T.noContent())", call, result, KilnNames.RESPONSE)
              .build();
        case JSON:
          return code.addStatement("return $L.thenApply($N -> $T.json($L.$N, $N))", call, result, KilnNames.RESPONSE,
              TYPES, jsonType(route.resultType()), result).build();
        default: throw new AssertionError(route.returnKind());
      }
    }
    CodeBlock response;
    if (route.returnKind() == ReturnKind.NO_CONTENT) {
      code.addStatement("$L", call);
      response = CodeBlock.of("$T.noContent()", KilnNames.RESPONSE);
    } else {
      response = switch (route.returnKind()) {
        case RESPONSE -> call;
        case TEXT -> CodeBlock.of("$T.text($L)", KilnNames.RESPONSE, call);
        case BYTES -> CodeBlock.of("$T.bytes($L)", KilnNames.RESPONSE, call);
        case JSON -> CodeBlock.of("$T.json($L.$N, $L)", KilnNames.RESPONSE, TYPES, jsonType(route.resultType()), call);
        default -> throw new AssertionError(route.returnKind());
      };
    }
    return route.blocking()
        ? code.addStatement("return $L", response).build()
        : code.addStatement("return $T.completedFuture($L)", CompletableFuture.class, response).build();
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
