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
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.model.ClientCall;
import dev.kiln.processor.model.PathParamType;
import dev.kiln.processor.model.QueryParamType;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.TableRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Client}: one method per named route with a JSON, text, bytes or empty result,
 * taking the handler's path, query, header and body parameters as it declares them and giving a
 * {@code CompletionStage} of its result. Paths come from {@code <App>Urls}, so a URL the client
 * sends is one the route takes. Routes it cannot call are listed, with why, in its Javadoc.
 */
public final class ClientWriter {
  private static final ClassName CLIENT = ClassName.get("dev.kiln.client", "Client");
  private static final ClassName CLIENT_REQUEST = ClassName.get("dev.kiln.client", "ClientRequest");
  private static final String SKELETON_MESSAGE =
      "Kiln could not generate the client because the sources have errors; fix the errors it reported";

  private final RouteTable table;
  private final boolean skeleton;
  private final ClassName clientName;
  private final ClassName urlsName;
  private final NameAllocator fieldNames = new NameAllocator();
  private final Map<TypeName, FieldSpec> jsonTypes = new LinkedHashMap<>();

  /** A group of route names and the inner class its methods go in. */
  private static final class Group {
    final ClassName className;
    final List<String> urlsPath;
    final List<TableRoute> routes = new ArrayList<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final NameAllocator nestedNames = new NameAllocator();

    Group(ClassName className, List<String> urlsPath) {
      this.className = className;
      this.urlsPath = urlsPath;
      className.simpleNames().forEach(nestedNames::newName);
    }
  }

  private ClientWriter(RouteTable table, boolean skeleton) {
    this.table = table;
    this.skeleton = skeleton;
    this.clientName = RoutesWriter.generatedName(table.application(), "Client");
    this.urlsName = RoutesWriter.generatedName(table.application(), "Urls");
  }

  public static JavaFile write(RouteTable table, boolean skeleton) {
    return new ClientWriter(table, skeleton).file();
  }

  private JavaFile file() {
    List<TableRoute> built = UrlsWriter.builtRoutes(table);
    Group root = new Group(clientName, List.of());
    List<String> omitted = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    for (TableRoute route : table.routes()) {
      if (route.name().isEmpty()) {
        unnamed.add(describe(route));
      } else if (route.client().isOmitted()) {
        omitted.add(describe(route) + ": " + route.client().omitted());
      } else if (!built.contains(route)) {
        omitted.add(describe(route) + ": it has no URL builder in " + urlsName.simpleName());
      } else {
        Group group = root;
        String[] parts = route.name().split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
          Group parent = group;
          String part = parts[i];
          group = parent.groups.computeIfAbsent(part, p -> {
            List<String> path = new ArrayList<>(parent.urlsPath);
            path.add(p);
            return new Group(parent.className.nestedClass(parent.nestedNames.newName(GeneratedCode.upperCamel(p))), path);
          });
        }
        group.routes.add(route);
      }
    }
    TypeSpec.Builder client = TypeSpec.classBuilder(clientName)
        .addJavadoc(javadoc(omitted, unnamed))
        .addAnnotation(GeneratedCode.generated(table.application().canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addField(String.class, "base", Modifier.PRIVATE, Modifier.FINAL)
        .addField(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), CLIENT_REQUEST), "everyCall",
            Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Calls the application at {@code base} ({@code http://127.0.0.1:8080}) through {@code client}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CLIENT, "client")
            .addParameter(URI.class, "base")
            .addStatement("this(client, base.toString().replaceAll($S, $S), $T.identity())", "/+$", "",
                UnaryOperator.class)
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(CLIENT, "client")
            .addParameter(String.class, "base")
            .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), CLIENT_REQUEST), "everyCall")
            .addStatement("this.client = $T.requireNonNull(client, $S)", Objects.class, "client")
            .addStatement("this.base = base")
            .addStatement("this.everyCall = everyCall")
            .build())
        .addMethod(MethodSpec.methodBuilder("withEveryCall")
            .addJavadoc("This client, with {@code customize} applied to each call before it is sent: a header,\n"
                + "a timeout. Applied after what it was given before.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(clientName)
            .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), CLIENT_REQUEST), "customize")
            .addStatement("$T.requireNonNull(customize, $S)", Objects.class, "customize")
            .addStatement("return new $T(client, base, request -> customize.apply(everyCall.apply(request)))", clientName)
            .build())
        .addMethod(MethodSpec.methodBuilder("newCall")
            .addModifiers(Modifier.PRIVATE)
            .returns(CLIENT_REQUEST)
            .addParameter(String.class, "method")
            .addParameter(KilnNames.URL, "url")
            .addStatement("return client.request(method, $T.create(base + url))", URI.class)
            .build())
        .addMethod(MethodSpec.methodBuilder("send")
            .addModifiers(Modifier.PRIVATE)
            .returns(CLIENT_REQUEST)
            .addParameter(CLIENT_REQUEST, "request")
            .addStatement("return everyCall.apply(request)")
            .build());
    addMembers(client, root);
    if (!jsonTypes.isEmpty()) {
      client.addFields(jsonTypes.values());
    }
    return JavaFile.builder(clientName.packageName(), client.build()).skipJavaLangImports(true).build();
  }

  private CodeBlock javadoc(List<String> omitted, List<String> unnamed) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Typed calls of the named routes of {@link $T}, through the outbound {@link $T}: each takes the\n"
            + "parameters its handler declares and completes with its result, or fails with a\n"
            + "{@code ProblemException} (a 422's violations included) or a {@code StatusException}.\n\n"
            + "<pre>{@code\n"
            + "$T api = new $T(client, URI.create(\"http://127.0.0.1:8080\"));\n"
            + "}</pre>\n", table.application(), CLIENT, clientName, clientName);
    if (!omitted.isEmpty()) {
      doc.add("\n<p>Left out:\n<ul>\n");
      omitted.forEach(line -> doc.add("  <li>$L\n", GeneratedCode.javadocText(line)));
      doc.add("</ul>\n");
    }
    if (!unnamed.isEmpty()) {
      doc.add("\n<p>Routes without a name get no method; name them with {@code @Route(name = ...)}:\n$L.\n",
          GeneratedCode.javadocText(String.join(",\n", unnamed)));
    }
    return doc.build();
  }

  private static String describe(TableRoute route) {
    return "{@code " + route.method() + " " + route.template().text() + "}"
        + (route.name().isEmpty() ? "" : " (" + route.name() + ")");
  }

  private void addMembers(TypeSpec.Builder type, Group group) {
    for (Map.Entry<String, Group> entry : group.groups.entrySet()) {
      Group child = entry.getValue();
      TypeSpec.Builder nested = TypeSpec.classBuilder(child.className)
          .addJavadoc("Calls of the routes named {@code $L.*}.\n", String.join(".", child.urlsPath))
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      addMembers(nested, child);
      type.addType(nested.build());
      type.addMethod(MethodSpec.methodBuilder(entry.getKey())
          .addJavadoc("The routes named {@code $L.*}.\n", String.join(".", child.urlsPath))
          .addModifiers(Modifier.PUBLIC)
          .returns(child.className)
          .addStatement("return new $T()", child.className)
          .build());
    }
    for (TableRoute route : group.routes) {
      if (!group.groups.containsKey(route.lastNamePart())) {
        type.addMethod(method(group, route));
      }
    }
  }

  private MethodSpec method(Group group, TableRoute route) {
    ClientCall call = route.client();
    NameAllocator names = new NameAllocator();
    call.parameters().forEach(p -> names.newName(p.javaName(), p));
    MethodSpec.Builder method = MethodSpec.methodBuilder(route.lastNamePart())
        .addJavadoc("{@code $L $L}, handled by $L.\n", route.method(), GeneratedCode.javadocText(route.template().text()),
            GeneratedCode.handlerLink(table, route))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(CompletionStage.class), resultType(call)));
    for (ClientCall.Parameter parameter : call.parameters()) {
      method.addParameter(parameter.type(), names.get(parameter));
    }
    if (skeleton) {
      return method.addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE).build();
    }
    String url = names.newName("url");
    String request = names.newName("request");
    method.addStatement("$T $N = $L", KilnNames.URL, url, urlsCall(group, route, names));
    for (ClientCall.Parameter parameter : call.parameters()) {
      if (parameter.in() == ClientCall.In.QUERY && parameter.shape() != Shape.SINGLE) {
        method.addStatement("$N = $N.withQuery($S, $N)", url, url, parameter.wireName(), names.get(parameter));
      }
    }
    method.addStatement("$T $N = newCall($S, $N)", CLIENT_REQUEST, request, route.method(), url);
    route.conditions().headers().forEach((name, value) ->
        method.addStatement("$N.header($S, $S)", request, name, value));
    if (!route.conditions().produces().isEmpty()) {
      method.addStatement("$N.header($S, $S)", request, "Accept", String.join(", ", route.conditions().produces()));
    }
    for (ClientCall.Parameter parameter : call.parameters()) {
      String local = names.get(parameter);
      if (parameter.in() == ClientCall.In.HEADER) {
        method.addCode(header(request, parameter, local, names));
      } else if (parameter.in() == ClientCall.In.BODY) {
        method.addCode(body(request, route, parameter, local));
      }
    }
    method.addStatement("return send($N).$L", request, read(call));
    return method.build();
  }

  /** {@code AppUrls.api().project(id, query)}: the path parameters in template order, then the required query parameters. */
  private CodeBlock urlsCall(Group group, TableRoute route, NameAllocator names) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T", urlsName);
    group.urlsPath.forEach(part -> code.add(".$N()", part));
    List<CodeBlock> arguments = new ArrayList<>();
    for (PathParamType path : route.pathParams()) {
      arguments.add(CodeBlock.of("$N", names.get(find(route, ClientCall.In.PATH, p -> p.wireName().equals(path.name())))));
    }
    for (QueryParamType query : route.requiredQuery()) {
      arguments.add(CodeBlock.of("$N", names.get(find(route, ClientCall.In.QUERY, p -> p.javaName().equals(query.value().name())))));
    }
    return code.add(".$N($L)", route.lastNamePart(), CodeBlock.join(arguments, ", ")).build();
  }

  private static ClientCall.Parameter find(TableRoute route, ClientCall.In in,
      java.util.function.Predicate<ClientCall.Parameter> matches) {
    return route.client().parameters().stream()
        .filter(p -> p.in() == in && matches.test(p))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the client of " + route.describe() + " lacks a " + in + " parameter"));
  }

  private static CodeBlock header(String request, ClientCall.Parameter parameter, String local, NameAllocator names) {
    TypeName valueType = parameter.shape() == Shape.SINGLE ? parameter.type()
        : ((ParameterizedTypeName) parameter.type()).typeArguments().get(0);
    return switch (parameter.shape()) {
      case SINGLE -> CodeBlock.of("$N.header($S, $L);\n", request, parameter.wireName(),
          text(CodeBlock.of("$N", local), valueType, local, true));
      case OPTIONAL -> {
        String value = names.newName(local + "Value");
        yield CodeBlock.builder()
            .beginControlFlow("if ($N.isPresent())", local)
            .addStatement("$T $N = $N.get()", valueType, value, local)
            .addStatement("$N.header($S, $L)", request, parameter.wireName(), text(CodeBlock.of("$N", value), valueType, local, false))
            .endControlFlow()
            .build();
      }
      case LIST -> {
        String value = names.newName(local + "Value");
        yield CodeBlock.builder()
            .beginControlFlow("for ($T $N : $N)", valueType, value, local)
            .addStatement("$N.header($S, $L)", request, parameter.wireName(), text(CodeBlock.of("$N", value), valueType, local, true))
            .endControlFlow()
            .build();
      }
    };
  }

  /**
   * A header value as the server reads it: text as it is, enums by name, the rest by {@code
   * toString()}; a null is refused by name, where it {@code mayBeNull}.
   */
  private static CodeBlock text(CodeBlock value, TypeName type, String name, boolean mayBeNull) {
    if (type.equals(ClassName.get(String.class))) {
      return value;
    }
    if (type.isPrimitive()) {
      return CodeBlock.of("$T.valueOf($L)", String.class, value);
    }
    CodeBlock present = mayBeNull ? CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, value, name) : value;
    return type.isBoxedPrimitive() || type.equals(ClassName.get(java.util.UUID.class))
        ? CodeBlock.of("$L.toString()", present)
        : CodeBlock.of("$L.name()", present); // the remaining header types are enums
  }

  private CodeBlock body(String request, TableRoute route, ClientCall.Parameter parameter, String local) {
    TypeName bodyType = parameter.shape() == Shape.OPTIONAL
        ? ((ParameterizedTypeName) parameter.type()).typeArguments().get(0)
        : parameter.type();
    CodeBlock value = parameter.shape() == Shape.OPTIONAL ? CodeBlock.of("$N.get()", local) : CodeBlock.of("$N", local);
    String contentType = route.conditions().consumes().stream()
        .filter(t -> t.equals("application/json") || t.endsWith("+json"))
        .findFirst()
        .orElse("application/json");
    CodeBlock write = contentType.equals("application/json")
        ? CodeBlock.of("$N.json($N, $L);\n", request, jsonType(bodyType), value)
        : CodeBlock.of("$N.json($N, $L, $S);\n", request, jsonType(bodyType), value, contentType);
    if (parameter.shape() == Shape.OPTIONAL) {
      return CodeBlock.builder().beginControlFlow("if ($N.isPresent())", local).add(write).endControlFlow().build();
    }
    return write;
  }

  private CodeBlock read(ClientCall call) {
    return switch (call.result()) {
      case JSON -> CodeBlock.of("as($N)", jsonType(call.resultType()));
      case TEXT -> CodeBlock.of("asText()");
      case BYTES -> CodeBlock.of("asBytes()");
      case NONE -> CodeBlock.of("asNothing()");
    };
  }

  private static TypeName resultType(ClientCall call) {
    return switch (call.result()) {
      case JSON -> call.resultType();
      case TEXT -> ClassName.get(String.class);
      case BYTES -> ArrayTypeName.of(TypeName.BYTE);
      case NONE -> ClassName.get(Void.class);
    };
  }

  /** A constant holding {@code type}'s Jackson {@code JavaType}, made once for the client. */
  private FieldSpec jsonType(TypeName type) {
    return jsonTypes.computeIfAbsent(type, t -> FieldSpec.builder(KilnNames.JAVA_TYPE,
            fieldNames.newName(GeneratedCode.constantName(t) + "_JSON"), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", GeneratedCode.javaType(t))
        .build());
  }
}
