package dev.kiln.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.PathParameter;
import dev.kiln.processor.binding.ProvidedValue;
import dev.kiln.processor.binding.QueryParameter;
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.model.ClientCall;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.TypeNotation;
import javax.lang.model.element.Modifier;

/**
 * Writes the small marker classes the application root aggregates: one per handler class (its
 * routes, as annotation values) and one for the application, in the packages under {@code dev.kiln.aggregated}.
 */
public final class MarkerWriter {
  /** Chars per string constant of a marker: at most three bytes each, well under a constant's 65535. */
  static final int MAX_PIECE = 16_000;

  private MarkerWriter() {}

  /** A marker class in {@code markerPackage} named after {@code origin}'s qualified name, flattened. */
  public static ClassName markerName(String markerPackage, ClassName origin) {
    String flat = (origin.packageName() + "." + String.join(".", origin.simpleNames()))
        .replace("_", "__")
        .replace('.', '_');
    return ClassName.get(markerPackage, flat);
  }

  public static JavaFile handlerMarker(HandlerClass handler) {
    AnnotationSpec.Builder aggregated = AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS)
        .addMember("format", "$L", KilnNames.MARKER_FORMAT)
        .addMember("handler", "$S", handler.handler().canonicalName())
        .addMember("endpoints", "$S", handler.endpoints().canonicalName())
        .addMember("needsInstance", "$L", handler.needsInstance());
    if (handler.routes().isEmpty()) {
      aggregated.addMember("routes", "{}");
    }
    for (HandlerRoute route : handler.routes()) {
      aggregated.addMember("routes", "$L", entry(route));
    }
    return marker(markerName(KilnNames.AGGREGATED_ROUTES_PACKAGE, handler.handler()), handler.handler().canonicalName(), aggregated.build());
  }

  public static JavaFile applicationMarker(ClassName application) {
    AnnotationSpec aggregated = AnnotationSpec.builder(KilnNames.AGGREGATED_APPLICATION_CLASS)
        .addMember("value", "$S", application.canonicalName())
        .build();
    return marker(markerName(KilnNames.AGGREGATED_APPLICATIONS_PACKAGE, application), application.canonicalName(), aggregated);
  }

  private static JavaFile marker(ClassName name, String origin, AnnotationSpec aggregated) {
    TypeSpec type = TypeSpec.classBuilder(name)
        .addJavadoc("Tells the application's generated route table about {@code $L}.\n", origin)
        .addAnnotation(aggregated)
        .addAnnotation(GeneratedCode.generated(origin))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(com.palantir.javapoet.MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
    return JavaFile.builder(name.packageName(), type).build();
  }

  private static com.palantir.javapoet.CodeBlock names(java.util.List<ClassName> types) {
    return com.palantir.javapoet.CodeBlock.of("{$L}", types.stream()
        .map(t -> com.palantir.javapoet.CodeBlock.of("$S", t.canonicalName()))
        .collect(com.palantir.javapoet.CodeBlock.joining(", ")));
  }

  /** The marker for a {@code @Middleware} or {@code @Interceptor} class: its declaration, for the application's table. */
  public static JavaFile middlewareMarker(ClassName middleware, boolean interceptor, int order,
      java.util.List<String> paths, java.util.List<String> groups, boolean optIn) {
    AnnotationSpec aggregated = AnnotationSpec.builder(KilnNames.AGGREGATED_MIDDLEWARE_CLASS)
        .addMember("type", "$S", middleware.canonicalName())
        .addMember("interceptor", "$L", interceptor)
        .addMember("order", "$L", order)
        .addMember("paths", "$L", strings(paths))
        .addMember("groups", "$L", strings(groups))
        .addMember("optIn", "$L", optIn)
        .build();
    return marker(markerName(KilnNames.AGGREGATED_MIDDLEWARES_PACKAGE, middleware), middleware.canonicalName(),
        aggregated);
  }

  private static com.palantir.javapoet.CodeBlock strings(java.util.List<String> values) {
    return com.palantir.javapoet.CodeBlock.of("{$L}", values.stream()
        .map(v -> com.palantir.javapoet.CodeBlock.of("$S", v))
        .collect(com.palantir.javapoet.CodeBlock.joining(", ")));
  }

  /**
   * {@code text} in pieces a class file's string constant can hold (65535 bytes of modified UTF-8,
   * up to three per char), never splitting a surrogate pair.
   */
  static java.util.List<String> pieces(String text) {
    java.util.List<String> pieces = new java.util.ArrayList<>();
    for (int start = 0; start < text.length(); ) {
      int end = Math.min(text.length(), start + MAX_PIECE);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  private static AnnotationSpec entry(HandlerRoute route) {
    AnnotationSpec.Builder entry = AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS.nestedClass("Entry"))
        .addMember("method", "$S", route.method())
        .addMember("template", "$S", route.template().text())
        .addMember("name", "$S", route.name())
        .addMember("handlerMethod", "$S", route.handlerMethod())
        .addMember("parameterTypes", "$S", route.parameterTypes())
        .addMember("binder", "$S", route.binder())
        .addMember("staticMethod", "$L", route.isStatic())
        .addMember("group", "$S", route.group())
        .addMember("use", "$L", names(route.use()))
        .addMember("skip", "$L", names(route.skip()))
        .addMember("maxBodySize", "$LL", route.maxBodySize())
        .addMember("timeoutMillis", "$LL", route.timeoutMillis())
        .addMember("blocking", "$L", route.blocking())
        .addMember("openApi", "$L", strings(pieces(OperationWriter.write(route).toString())));
    if (!route.conditions().hosts().isEmpty()) {
      entry.addMember("hosts", "$L", strings(route.conditions().hosts()));
    }
    if (!route.conditions().headers().isEmpty()) {
      entry.addMember("headers", "$L", strings(route.conditions().headerConditions()));
    }
    if (!route.conditions().consumes().isEmpty()) {
      entry.addMember("consumes", "$L", strings(route.conditions().consumes()));
    }
    if (!route.conditions().produces().isEmpty()) {
      entry.addMember("produces", "$L", strings(route.conditions().produces()));
    }
    client(entry, ClientCalls.of(route));
    if (route.pathParams().isEmpty()) {
      entry.addMember("pathParameters", "{}");
    }
    for (PathParameter param : route.pathParams()) {
      entry.addMember("pathParameters", "$L",
          AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS.nestedClass("PathParameter"))
              .addMember("name", "$S", param.wireName())
              .addMember("type", "$S", param.type().toString())
              .build());
    }
    for (Binding param : route.params()) {
      if (param instanceof QueryParameter query) {
        entry.addMember("queryParameters", "$L",
            AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS.nestedClass("QueryParameter"))
                .addMember("name", "$S", query.wireName())
                .addMember("parameter", "$S", query.javaName())
                .addMember("type", "$S", query.valueClass().toString())
                .addMember("required", "$L", query.shape() == Shape.SINGLE)
                .build());
      }
      if (param instanceof ProvidedValue provided) {
        entry.addMember("provisions", "$L",
            AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS.nestedClass("Provision"))
                .addMember("parameter", "$S", provided.javaName())
                .addMember("type", "$S", provided.provided().canonicalName())
                .build());
      }
    }
    return entry.build();
  }

  private static void client(AnnotationSpec.Builder entry, ClientCall call) {
    if (call.isOmitted()) {
      entry.addMember("clientOmitted", "$S", call.omitted());
      return;
    }
    entry.addMember("clientResult", "$S", call.result() == ClientCall.Result.JSON
        ? "json:" + TypeNotation.write(call.resultType())
        : call.result().name().toLowerCase(java.util.Locale.ROOT));
    for (ClientCall.Parameter parameter : call.parameters()) {
      entry.addMember("clientParameters", "$L",
          AnnotationSpec.builder(KilnNames.AGGREGATED_ROUTES_CLASS.nestedClass("ClientParameter"))
              .addMember("in", "$S", parameter.in().name().toLowerCase(java.util.Locale.ROOT))
              .addMember("name", "$S", parameter.wireName())
              .addMember("parameter", "$S", parameter.javaName())
              .addMember("type", "$S", TypeNotation.write(parameter.type()))
              .build());
    }
  }
}
