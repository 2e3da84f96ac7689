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
import dev.kiln.grammar.PercentEncoding;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.ConditionOrder;
import dev.kiln.processor.model.Conditions;
import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.TableHandler;
import dev.kiln.processor.model.TableRoute;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <App>Routes}: the route constants, the builder taking the handler instances, and
 * the matcher: one {@code switch} over the whole path for literal routes, then the parameterised
 * routes as a segment trie unrolled into one method per node, children tried most specific first.
 */
public final class RoutesWriter {
  /**
   * Routes per generated method when a table is large: a class's static initializer and a
   * constructor hold at most 64 KiB of bytecode, which a few thousand routes would exceed.
   */
  static final int CHUNK = 200;

  /**
   * Cases per generated {@code switch} method: small enough to stay under HotSpot's 8,000-byte limit
   * for compiling a method at all ({@code -XX:-DontCompileHugeMethods} is not a default anyone sets).
   */
  static final int SWITCH_CHUNK = 64;

  private static final String SKELETON_MESSAGE =
      "Kiln could not generate the route table because the sources have errors; fix the errors it reported";

  private final RouteTable table;
  private final boolean skeleton;
  private final ClassName routesName;
  private final NameAllocator fieldNames = new NameAllocator();
  private final NameAllocator methodNames = new NameAllocator();
  private final Map<TableRoute, String> infoConstants = new IdentityHashMap<>();
  private final Map<TableRoute, String> endpointFields = new IdentityHashMap<>();
  private final Map<TableHandler, String> handlerParams = new IdentityHashMap<>();
  private final Map<ClassName, String> middlewareParams = new LinkedHashMap<>();
  /** Path prefixes of path-scoped middlewares, most specific first, and their unmatched-request endpoints. */
  private final Map<String, String> fallbackFields = new LinkedHashMap<>();
  /** Methods holding parts of switches too large for one method, added after the matchers. */
  private final List<MethodSpec> literalChunks = new ArrayList<>();
  /** The instances the table is made with, in constructor order: handlers, then middlewares and interceptors. */
  private final List<TableFactoryWriter.Instance> supplied = new ArrayList<>();
  private final Map<String, FieldSpec> patterns = new LinkedHashMap<>();
  private final Map<TypeName, FieldSpec> enumNames = new LinkedHashMap<>();
  /** Choice fields, by name, and their routes in the order they are tried: made while writing the matchers. */
  private final Map<String, List<TableRoute>> choices = new LinkedHashMap<>();

  private RoutesWriter(RouteTable table, boolean skeleton) {
    this.table = table;
    this.skeleton = skeleton;
    this.routesName = generatedName(table.application(), "Routes");
    for (String reserved : List.of("match", "newMatch", "routes", "create", "builder", "dispatch")) {
      methodNames.newName(reserved);
    }
    fieldNames.newName("ROUTES", "ROUTES");
    fieldNames.newName("MAX_PATH_PARAMS", "MAX_PATH_PARAMS");
    fieldNames.newName("fallback", "fallback");
    fieldNames.newName("ROUTE_INFOS", "ROUTE_INFOS");
    methodNames.newName("routeInfos");
    methodNames.newName("endpoints");
    table.unmatchedPrefixes().forEach(prefix ->
        fallbackFields.put(prefix, fieldNames.newName("fallback" + GeneratedCode.upperCamel(prefix))));
    // Endpoint fields are named after routes; none may hide a matcher's parameter or local.
    for (String local : List.of("method", "path", "match", "end", "start", "next", "request")) {
      fieldNames.newName(local);
    }
  }

  /** {@code <App>Routes} or {@code <App>Urls}, next to the application class (nested names joined by {@code _}). */
  public static ClassName generatedName(ClassName application, String suffix) {
    return ClassName.get(application.packageName(), String.join("_", application.simpleNames()) + suffix);
  }

  public static JavaFile write(RouteTable table, boolean skeleton) {
    return new RoutesWriter(table, skeleton).file();
  }

  private JavaFile file() {
    TypeSpec.Builder type = TypeSpec.classBuilder(routesName)
        .addAnnotation(GeneratedCode.generated(table.application().canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(KilnNames.ROUTE_TABLE);

    boolean chunked = table.routes().size() > CHUNK;
    List<CodeBlock> creations = new ArrayList<>();
    List<FieldSpec> infos = routeInfoConstants(chunked, creations);
    if (chunked) {
      type.addField(FieldSpec.builder(ArrayTypeName.of(KilnNames.ROUTE_INFO), fieldNames.get("ROUTE_INFOS"),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Every route's info, built by {@link #routeInfos()} in groups of $L.\n", CHUNK)
          .initializer("routeInfos()")
          .build());
      type.addMethods(chunkedRouteInfos(creations));
    }
    type.addFields(infos);
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), KilnNames.ROUTE_INFO),
            fieldNames.get("ROUTES"), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(chunked
            ? CodeBlock.of("$T.of($N)", List.class, fieldNames.get("ROUTE_INFOS"))
            : CodeBlock.of("$T.of(\n$>$L$<)", List.class, infos.stream().map(f -> CodeBlock.of("$N", f))
                .collect(CodeBlock.joining(",\n"))))
        .build());

    List<FieldSpec> endpoints = endpointFields();
    type.addJavadoc("The route table of {@link $T}: $L routes, matched by specificity.\n\n"
            + "<p>Make it with $L and hand it to Kiln's server.\n"
            + "Tests can dispatch to it in memory with {@link $T#dispatch}.\n"
            + "Generated from the {@code @Route} methods; read, don't edit.\n",
        table.application(), table.routes().size(), TableFactoryWriter.howToMake(supplied), KilnNames.IN_MEMORY);
    List<MethodSpec> matchers = skeleton ? List.of() : matcherMethods();
    int maxParams = table.routes().stream().mapToInt(r -> r.pathParams().size()).max().orElse(0);
    type.addField(FieldSpec.builder(int.class, fieldNames.get("MAX_PATH_PARAMS"), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$L", maxParams).build());
    type.addFields(patterns.values());
    type.addFields(enumNames.values());
    type.addFields(endpoints);
    choices.forEach((name, candidates) -> type.addField(FieldSpec.builder(KilnNames.ENDPOINT_CHOICE, name,
            Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("{@code $L $L}: $L, told apart by their conditions.\n", candidates.get(0).method(),
            GeneratedCode.javadocText(candidates.get(0).template().text()),
            candidates.stream().map(route -> GeneratedCode.handlerLink(table, route)).collect(CodeBlock.joining(", ")))
        .build()));
    if (!skeleton) {
      type.addField(FieldSpec.builder(KilnNames.ENDPOINT, fieldNames.get("fallback"), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Answers requests no route matched, behind the global middlewares.\n")
          .build());
      MethodSpec.Builder fallback = MethodSpec.methodBuilder("fallback")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(KilnNames.ENDPOINT)
          .addParameter(String.class, "path");
      for (Map.Entry<String, String> prefix : fallbackFields.entrySet()) {
        type.addField(FieldSpec.builder(KilnNames.ENDPOINT, prefix.getValue(), Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("Answers unmatched requests under {@code $L}, behind its middlewares.\n",
                GeneratedCode.javadocText(prefix.getKey()))
            .build());
        fallback.beginControlFlow("if ($T.isUnder(path, $S))", KilnNames.SEGMENTS, canonicalPrefix(prefix.getKey()))
            .addStatement("return $N", prefix.getValue())
            .endControlFlow();
      }
      type.addMethod(fallback.addStatement("return $N", fieldNames.get("fallback")).build());
    }
    type.addMethod(constructor());
    if (!skeleton && table.routes().size() > CHUNK) {
      type.addMethods(chunkedEndpoints());
    }
    TableFactoryWriter.addTo(type, routesName, supplied);
    type.addMethod(MethodSpec.methodBuilder("routes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), KilnNames.ROUTE_INFO))
        .addStatement("return $N", fieldNames.get("ROUTES"))
        .build());
    type.addMethod(MethodSpec.methodBuilder("newMatch")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(KilnNames.ROUTE_MATCH)
        .addStatement("return new $T($N, $L)", KilnNames.ROUTE_MATCH, fieldNames.get("MAX_PATH_PARAMS"), patterns.size())
        .build());
    type.addMethods(skeleton ? List.of(skeletonMatchMethod()) : matchers);
    return JavaFile.builder(routesName.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private List<FieldSpec> routeInfoConstants(boolean chunked, List<CodeBlock> creations) {
    List<FieldSpec> fields = new ArrayList<>();
    for (int index = 0; index < table.routes().size(); index++) {
      TableRoute route = table.routes().get(index);
      String base = GeneratedCode.upperSnake(route.name().isEmpty() ? route.handlerMethod() : route.name());
      String name = fieldNames.newName(base.replaceAll("_+$", ""), route);
      infoConstants.put(route, name);
      CodeBlock creation = routeInfo(route);
      creations.add(creation);
      fields.add(FieldSpec.builder(KilnNames.ROUTE_INFO, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("{@code $L $L}, handled by $L.\n", route.method(), GeneratedCode.javadocText(route.template().text()),
              GeneratedCode.handlerLink(table, route))
          .initializer(chunked ? CodeBlock.of("$N[$L]", fieldNames.get("ROUTE_INFOS"), index) : creation)
          .build());
    }
    return fields;
  }

  /** {@code RouteInfo.of(GET, "/items/{id}", "...").name("item").pathParams("id").blocking().build()}: defaults left out. */
  private static CodeBlock routeInfo(TableRoute route) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.of($T.$L, $S, $S)$>$>", KilnNames.ROUTE_INFO, KilnNames.HTTP_METHOD, route.method(),
            route.template().text(),
            route.handler().canonicalName() + "#" + route.handlerMethod() + "(" + route.parameterTypes() + ")");
    if (!route.name().isEmpty()) {
      code.add("\n.name($S)", route.name());
    }
    if (!route.pathParams().isEmpty()) {
      code.add("\n.pathParams($L)", route.pathParams().stream().map(p -> CodeBlock.of("$S", p.name()))
          .collect(CodeBlock.joining(", ")));
    }
    if (route.blocking()) {
      code.add("\n.blocking()");
    }
    if (route.maxBodySize() != -1) {
      code.add("\n.maxBodySize($LL)", route.maxBodySize());
    }
    if (route.timeoutMillis() != -1) {
      code.add("\n.timeoutMillis($LL)", route.timeoutMillis());
    }
    Conditions conditions = route.conditions();
    if (!conditions.hosts().isEmpty()) {
      code.add("\n.host($L)", strings(conditions.hosts()));
    }
    conditions.headers().forEach((header, value) -> code.add("\n.header($S, $S)", header, value));
    if (!conditions.consumes().isEmpty()) {
      code.add("\n.consumes($L)", strings(conditions.consumes()));
    }
    if (!conditions.produces().isEmpty()) {
      code.add("\n.produces($L)", strings(conditions.produces()));
    }
    return code.add("\n.build()$<$<").build();
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  /** {@code routeInfos()} and its {@code routeInfosN(infos)} helpers, one per {@link #CHUNK} routes. */
  private List<MethodSpec> chunkedRouteInfos(List<CodeBlock> creations) {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder all = MethodSpec.methodBuilder("routeInfos")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ArrayTypeName.of(KilnNames.ROUTE_INFO))
        .addStatement("$T[] infos = new $T[$L]", KilnNames.ROUTE_INFO, KilnNames.ROUTE_INFO, creations.size());
    for (int chunk = 0; chunk * CHUNK < creations.size(); chunk++) {
      String name = methodNames.newName("routeInfos" + chunk);
      all.addStatement("$N(infos)", name);
      MethodSpec.Builder part = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(ArrayTypeName.of(KilnNames.ROUTE_INFO), "infos");
      for (int i = chunk * CHUNK; i < Math.min(creations.size(), (chunk + 1) * CHUNK); i++) {
        part.addStatement("infos[$L] = $L", i, creations.get(i));
      }
      methods.add(part.build());
    }
    methods.add(0, all.addStatement("return infos").build());
    return methods;
  }

  private List<FieldSpec> endpointFields() {
    NameAllocator handlerNames = new NameAllocator();
    handlerNames.newName("request"); // the endpoint lambdas' parameter
    List<String> params = new ArrayList<>();
    List<ClassName> types = new ArrayList<>();
    List<TypeElement> elements = new ArrayList<>();
    List<CodeBlock> roles = new ArrayList<>();
    for (TableHandler handler : table.visibleSuppliedHandlers()) {
      String param = handlerNames.newName(GeneratedCode.lowerCamel(handler.handler().simpleName()));
      handlerParams.put(handler, param);
      params.add(param);
      long routes = table.routes().stream().filter(r -> r.handler().equals(handler.handler())).count();
      types.add(handler.handler());
      elements.add(handler.element());
      roles.add(CodeBlock.of("The {@link $T} whose {@code @Route} methods serve $L route$L.", handler.handler(), routes,
          routes == 1 ? "" : "s"));
    }
    table.middlewares().stream()
        .filter(m -> m.visible() && !middlewareParams.containsKey(m.type()))
        .sorted(java.util.Comparator.comparing(m -> m.type().canonicalName()))
        .forEach(m -> {
          String param = handlerNames.newName(GeneratedCode.lowerCamel(m.type().simpleName()));
          middlewareParams.put(m.type(), param);
          params.add(param);
          types.add(m.type());
          elements.add(m.element());
          roles.add(CodeBlock.of("The {@link $T} $L.", m.type(), m.kind().noun()));
        });
    List<String> setters = TableFactoryWriter.setterNames(types);
    for (int i = 0; i < types.size(); i++) {
      supplied.add(new TableFactoryWriter.Instance(types.get(i), params.get(i), setters.get(i),
          TableFactoryWriter.constructible(elements.get(i), table.application().packageName()), roles.get(i)));
    }
    if (skeleton) {
      return List.of();
    }
    List<FieldSpec> fields = new ArrayList<>();
    for (TableRoute route : table.routes()) {
      String name = fieldNames.newName(GeneratedCode.lowerCamel(infoConstants.get(route).toLowerCase()), "e" + route);
      endpointFields.put(route, name);
      fields.add(FieldSpec.builder(KilnNames.ENDPOINT, name, Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("$L\n", GeneratedCode.handlerLink(table, route))
          .build());
    }
    return fields;
  }

  private MethodSpec constructor() {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    for (TableFactoryWriter.Instance parameter : supplied) {
      constructor.addParameter(parameter.type(), parameter.name());
    }
    if (skeleton) {
      return constructor.addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE).build();
    }
    List<CodeBlock> creations = new ArrayList<>();
    for (TableRoute route : table.routes()) {
      creations.add(endpointCreation(route));
    }
    if (creations.size() <= CHUNK) {
      for (int i = 0; i < creations.size(); i++) {
        constructor.addStatement("this.$N = $L", endpointFields.get(table.routes().get(i)), creations.get(i));
      }
    } else {
      constructor.addStatement("$T[] endpoints = endpoints($L)", KilnNames.ENDPOINT, suppliedArguments());
      for (int i = 0; i < creations.size(); i++) {
        constructor.addStatement("this.$N = endpoints[$L]", endpointFields.get(table.routes().get(i)), i);
      }
    }
    choices.forEach((name, candidates) -> constructor.addStatement("this.$N = $T.of($L)", name,
        KilnNames.ENDPOINT_CHOICE, candidates.stream().map(r -> CodeBlock.of("$N", endpointFields.get(r)))
            .collect(CodeBlock.joining(", "))));
    constructor.addStatement("this.$N = $T.UNMATCHED$L", fieldNames.get("fallback"), KilnNames.ENDPOINT,
        through(table.globalChain()));
    for (Map.Entry<String, String> prefix : fallbackFields.entrySet()) {
      constructor.addStatement("this.$N = $T.UNMATCHED$L", prefix.getValue(), KilnNames.ENDPOINT,
          through(table.unmatchedChain(prefix.getKey())));
    }
    return constructor.build();
  }

  private static String canonicalPrefix(String prefix) {
    return java.util.Arrays.stream(prefix.split("/", -1))
        .map(PercentEncoding::canonicalSegment)
        .collect(Collectors.joining("/"));
  }

  private CodeBlock endpointCreation(TableRoute route) {
    TableHandler handler = table.handlers().stream().filter(h -> h.handler().equals(route.handler())).findFirst()
        .orElseThrow();
    CodeBlock code = route.staticMethod()
        ? CodeBlock.of("$T::$L", route.endpoints(), route.binder())
        : CodeBlock.of("request -> $T.$L($N, request)", route.endpoints(), route.binder(), handlerParams.get(handler));
    return CodeBlock.of("$T.$L($N, $L)$L$L", KilnNames.ENDPOINT, route.blocking() ? "blocking" : "nonBlocking",
        infoConstants.get(route), code, around(table.interceptorChain(route)), through(table.middlewareChain(route)));
  }

  private CodeBlock suppliedArguments() {
    return supplied.stream().map(p -> CodeBlock.of("$N", p.name())).collect(CodeBlock.joining(", "));
  }

  /** For large tables: {@code endpoints(...)} and its {@code endpointsN(...)} helpers, one per {@link #CHUNK}. */
  private List<MethodSpec> chunkedEndpoints() {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder all = MethodSpec.methodBuilder("endpoints")
        .addJavadoc("Every route's endpoint, in groups of $L: one constructor cannot hold thousands.\n", CHUNK)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ArrayTypeName.of(KilnNames.ENDPOINT))
        .addStatement("$T[] endpoints = new $T[$L]", KilnNames.ENDPOINT, KilnNames.ENDPOINT, table.routes().size());
    supplied.forEach(p -> all.addParameter(p.type(), p.name()));
    for (int chunk = 0; chunk * CHUNK < table.routes().size(); chunk++) {
      String name = methodNames.newName("endpoints" + chunk);
      all.addStatement("$N(endpoints$L)", name, supplied.isEmpty() ? "" : ", " + suppliedArguments());
      MethodSpec.Builder part = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(ArrayTypeName.of(KilnNames.ENDPOINT), "endpoints");
      supplied.forEach(p -> part.addParameter(p.type(), p.name()));
      for (int i = chunk * CHUNK; i < Math.min(table.routes().size(), (chunk + 1) * CHUNK); i++) {
        part.addStatement("endpoints[$L] = $L", i, endpointCreation(table.routes().get(i)));
      }
      methods.add(part.build());
    }
    methods.add(0, all.addStatement("return endpoints").build());
    return methods;
  }

  /** {@code .through(requestId, auth)}: a chain composed once, here. */
  private CodeBlock through(List<MiddlewareDeclaration> chain) {
    return composed("through", chain);
  }

  /** {@code .around(transaction)}: the interceptors around the handler's call. */
  private CodeBlock around(List<MiddlewareDeclaration> chain) {
    return composed("around", chain);
  }

  private CodeBlock composed(String method, List<MiddlewareDeclaration> chain) {
    if (chain.isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("\n.$L($L)", method, chain.stream()
        .map(m -> CodeBlock.of("$N", middlewareParams.get(m.type())))
        .collect(CodeBlock.joining(", ")));
  }

  private List<MethodSpec> matcherMethods() {
    List<TableRoute> staticRoutes = table.routes().stream().filter(TableRoute::isStatic).toList();
    List<TableRoute> dynamicRoutes = table.routes().stream().filter(r -> !r.isStatic()).toList();
    List<MethodSpec> methods = new ArrayList<>();
    DispatchTrie trie = dynamicRoutes.isEmpty() ? null : new DispatchTrie(dynamicRoutes);
    if (trie != null) {
      for (DispatchTrie.Node node : trie.nodes()) {
        node.methodName = methodNames.newName(node == trie.root
            ? "matchSegments"
            : "match" + node.path.stream().map(GeneratedCode::upperCamel).collect(Collectors.joining()));
      }
    }
    methods.add(matchMethod(staticRoutes, trie));
    if (trie != null) {
      for (DispatchTrie.Node node : trie.nodes()) {
        methods.add(nodeMethod(node));
      }
    }
    methods.addAll(literalChunks);
    return methods;
  }

  private MethodSpec skeletonMatchMethod() {
    return matchSignature().addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE).build();
  }

  private static MethodSpec.Builder matchSignature() {
    return MethodSpec.methodBuilder("match")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(KilnNames.HTTP_METHOD, "method")
        .addParameter(String.class, "path")
        .addParameter(KilnNames.ROUTE_MATCH, "match");
  }

  private MethodSpec matchMethod(List<TableRoute> staticRoutes, DispatchTrie trie) {
    MethodSpec.Builder match = matchSignature().addStatement("match.reset()");
    if (!staticRoutes.isEmpty()) {
      Map<String, List<TableRoute>> byPath = new TreeMap<>();
      for (TableRoute route : staticRoutes) {
        String path = "/" + route.segments().stream().map(MatchSegment::literal).collect(Collectors.joining("/"));
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(route);
      }
      match.addComment("Literal paths: one lookup, whatever the number of routes.");
      if (byPath.size() <= SWITCH_CHUNK) {
        match.addCode(literalPathSwitch(byPath));
      } else {
        // One switch per range of hash codes: a single method could not hold them all.
        List<Map<String, List<TableRoute>>> parts = chunksByHash(byPath, String::hashCode, SWITCH_CHUNK);
        match.addStatement("int hash = path.hashCode()");
        for (int i = 0; i < parts.size(); i++) {
          String name = methodNames.newName("matchLiteralPaths" + i);
          int upper = parts.get(i).keySet().stream().mapToInt(String::hashCode).max().orElseThrow();
          if (i < parts.size() - 1) {
            match.beginControlFlow("$Lif (hash <= $L)", i == 0 ? "" : "else ", upper);
          } else {
            match.beginControlFlow("else");
          }
          match.beginControlFlow("if ($N(method, path, match))", name).addStatement("return true").endControlFlow();
          match.endControlFlow();
          literalChunks.add(MethodSpec.methodBuilder(name)
              .addJavadoc("The literal paths whose hash codes fall in this method's range.\n")
              .addModifiers(Modifier.PRIVATE)
              .returns(boolean.class)
              .addParameter(KilnNames.HTTP_METHOD, "method")
              .addParameter(String.class, "path")
              .addParameter(KilnNames.ROUTE_MATCH, "match")
              .addCode(literalPathSwitch(parts.get(i)))
              .addStatement("return false")
              .build());
        }
      }
    }
    if (trie != null) {
      match.addComment("Paths with parameters: walk the segments, most specific child first.");
      match.addStatement("return $N(method, path, 0, match)", trie.root.methodName);
    } else {
      match.addStatement("return false");
    }
    return match.build();
  }

  private CodeBlock literalPathSwitch(Map<String, List<TableRoute>> byPath) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (path)");
    for (Map.Entry<String, List<TableRoute>> entry : byPath.entrySet()) {
      code.add("case $S:\n$>", entry.getKey()).add(terminal(entry.getValue())).addStatement("break").add("$<");
    }
    return code.endControlFlow().build();
  }

  /** {@code items} split into groups of about {@code size}, each a contiguous range of {@code hash}. */
  static <K, V> List<Map<K, V>> chunksByHash(Map<K, V> items, java.util.function.ToIntFunction<K> hash, int size) {
    List<K> keys = new ArrayList<>(items.keySet());
    keys.sort(java.util.Comparator.comparingInt(hash));
    List<Map<K, V>> chunks = new ArrayList<>();
    Map<K, V> current = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      K key = keys.get(i);
      boolean sameHashAsPrevious = i > 0 && hash.applyAsInt(keys.get(i - 1)) == hash.applyAsInt(key);
      if (current.size() >= size && !sameHashAsPrevious) {
        chunks.add(current);
        current = new LinkedHashMap<>();
      }
      current.put(key, items.get(key));
    }
    chunks.add(current);
    return chunks;
  }

  /** {@code switch (method)} over the routes ending here; unmatched methods are remembered for a 405. */
  private CodeBlock terminal(List<TableRoute> routes) {
    Map<String, List<TableRoute>> byMethod = new LinkedHashMap<>();
    for (TableRoute route : routes) {
      byMethod.computeIfAbsent(route.method(), m -> new ArrayList<>()).add(route);
    }
    boolean implicitHead = byMethod.containsKey("GET") && !byMethod.containsKey("HEAD");
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (method)");
    List<CodeBlock> allowed = new ArrayList<>();
    for (Map.Entry<String, List<TableRoute>> entry : byMethod.entrySet()) {
      List<TableRoute> candidates = entry.getValue();
      code.add("case $L:\n", entry.getKey());
      allowed.add(CodeBlock.of("$T.$L.bit()", KilnNames.HTTP_METHOD, entry.getKey()));
      if (implicitHead && entry.getKey().equals("GET")) {
        code.add("case HEAD:\n");
        allowed.add(CodeBlock.of("$T.HEAD.bit()", KilnNames.HTTP_METHOD));
      }
      TableRoute first = candidates.get(0);
      if (candidates.size() == 1 && first.conditions().isEmpty()) {
        code.add("$>return match.found($N); // $L\n$<", endpointFields.get(first), first.handlerReference());
      } else {
        code.add("$>").beginControlFlow("if (match.choose($N))", choice(candidates))
            .addStatement("return true")
            .endControlFlow()
            .addStatement("break")
            .add("$<");
      }
    }
    code.add("default:\n$>").addStatement("match.allow($L)", CodeBlock.join(allowed, " | ")).add("$<");
    return code.endControlFlow().build();
  }

  /** The field holding the choice among {@code candidates}, routes of one method and path told apart by their conditions. */
  private String choice(List<TableRoute> candidates) {
    List<TableRoute> ordered = ConditionOrder.narrowestFirst(candidates);
    TableRoute first = ordered.get(0);
    String name = fieldNames.newName(first.method().toLowerCase(java.util.Locale.ROOT)
        + GeneratedCode.upperCamel(GeneratedCode.lowerCamel(first.template().text())) + "Choice");
    choices.put(name, ordered);
    return name;
  }

  private MethodSpec nodeMethod(DispatchTrie.Node node) {
    String after = node.path.isEmpty()
        ? "the leading {@code /}"
        : "{@code /" + GeneratedCode.javadocText(String.join("/", node.path)) + "}";
    MethodSpec.Builder method = MethodSpec.methodBuilder(node.methodName)
        .addJavadoc("Matches what follows $L; {@code end} is where that ended.\n", after)
        .addModifiers(Modifier.PRIVATE)
        .returns(boolean.class)
        .addParameter(KilnNames.HTTP_METHOD, "method")
        .addParameter(String.class, "path")
        .addParameter(int.class, "end")
        .addParameter(KilnNames.ROUTE_MATCH, "match");
    boolean hasChildren = !node.children.isEmpty();
    if (!node.routes.isEmpty()) {
      if (hasChildren) {
        method.beginControlFlow("if (end == path.length())").addCode(terminal(node.routes))
            .addStatement("return false").endControlFlow();
      } else {
        method.beginControlFlow("if (end != path.length())").addStatement("return false").endControlFlow()
            .addCode(terminal(node.routes)).addStatement("return false");
        return method.build();
      }
    } else {
      method.beginControlFlow("if (end == path.length())").addStatement("return false").endControlFlow();
    }
    method.addStatement("int start = end + 1");
    if (node.children.values().stream().anyMatch(c -> c.segment.level() != MatchSegment.Level.TAIL)) {
      method.addStatement("int next = $T.end(path, start)", KilnNames.SEGMENTS);
    }
    addLiteralChildren(method, node.methodName, node.childrenAt(MatchSegment.Level.LITERAL));
    for (MatchSegment.Level level : List.of(MatchSegment.Level.CONSTRAINED, MatchSegment.Level.PLAIN,
        MatchSegment.Level.TAIL)) {
      for (DispatchTrie.Node child : node.childrenAt(level)) {
        addParamChild(method, child);
      }
    }
    return method.addStatement("return false").build();
  }

  private void addLiteralChildren(MethodSpec.Builder method, String nodeName, List<DispatchTrie.Node> literals) {
    if (literals.size() == 1) {
      DispatchTrie.Node child = literals.get(0);
      method.beginControlFlow("if ($T.is(path, start, next, $S) && $N(method, path, next, match))",
          KilnNames.SEGMENTS, child.segment.literal(), child.methodName)
          .addStatement("return true")
          .endControlFlow();
      return;
    }
    if (literals.isEmpty()) {
      return;
    }
    Map<Integer, List<DispatchTrie.Node>> byHash = new TreeMap<>();
    for (DispatchTrie.Node child : literals) {
      byHash.computeIfAbsent(child.segment.literal().hashCode(), h -> new ArrayList<>()).add(child);
    }
    if (byHash.size() <= SWITCH_CHUNK) {
      method.addCode(literalSegmentSwitch(byHash, CodeBlock.of("$T.hash(path, start, next)", KilnNames.SEGMENTS)));
      return;
    }
    // One switch per range of hash codes: a single method could not hold them all.
    method.addStatement("int hash = $T.hash(path, start, next)", KilnNames.SEGMENTS);
    List<Map<Integer, List<DispatchTrie.Node>>> parts = chunksByHash(byHash, Integer::intValue, SWITCH_CHUNK);
    for (int i = 0; i < parts.size(); i++) {
      String name = methodNames.newName(nodeName + "Literals" + i);
      int upper = parts.get(i).keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
      if (i < parts.size() - 1) {
        method.beginControlFlow("$Lif (hash <= $L)", i == 0 ? "" : "else ", upper);
      } else {
        method.beginControlFlow("else");
      }
      method.beginControlFlow("if ($N(method, path, start, next, hash, match))", name)
          .addStatement("return true").endControlFlow().endControlFlow();
      literalChunks.add(MethodSpec.methodBuilder(name)
          .addJavadoc("The literal children whose hash codes fall in this method's range.\n")
          .addModifiers(Modifier.PRIVATE)
          .returns(boolean.class)
          .addParameter(KilnNames.HTTP_METHOD, "method")
          .addParameter(String.class, "path")
          .addParameter(int.class, "start")
          .addParameter(int.class, "next")
          .addParameter(int.class, "hash")
          .addParameter(KilnNames.ROUTE_MATCH, "match")
          .addCode(literalSegmentSwitch(parts.get(i), CodeBlock.of("hash")))
          .addStatement("return false")
          .build());
    }
  }

  private CodeBlock literalSegmentSwitch(Map<Integer, List<DispatchTrie.Node>> byHash, CodeBlock hash) {
    CodeBlock.Builder method = CodeBlock.builder();
    method.beginControlFlow("switch ($L)", hash);
    for (Map.Entry<Integer, List<DispatchTrie.Node>> entry : byHash.entrySet()) {
      method.add("case $L: // $L\n$>", entry.getKey(), entry.getValue().stream()
          .map(n -> "\"" + n.segment.literal() + "\"").collect(Collectors.joining(", ")));
      for (DispatchTrie.Node child : entry.getValue()) {
        method.beginControlFlow("if ($T.is(path, start, next, $S) && $N(method, path, next, match))",
                KilnNames.SEGMENTS, child.segment.literal(), child.methodName)
            .addStatement("return true")
            .endControlFlow();
      }
      method.addStatement("break").add("$<");
    }
    return method.endControlFlow().build();
  }

  private void addParamChild(MethodSpec.Builder method, DispatchTrie.Node child) {
    MatchSegment segment = child.segment;
    boolean tail = segment.level() == MatchSegment.Level.TAIL;
    String end = tail ? "path.length()" : "next";
    List<CodeBlock> conditions = new ArrayList<>();
    if (segment.regex() != null && !(tail && segment.regex().equals(".*"))) {
      if (!tail) {
        conditions.add(CodeBlock.of("next > start"));
      }
      conditions.add(CodeBlock.of("match.matches($N, path, start, $L)", pattern(segment.regex(), paramName(child)), end));
    }
    if (segment.type().narrows()) {
      conditions.add(narrowing(segment, end));
    }
    if (conditions.isEmpty() && !tail) {
      conditions.add(CodeBlock.of("next > start"));
    }
    String param = paramName(child);
    if (!conditions.isEmpty()) {
      method.beginControlFlow("if ($L)", CodeBlock.join(conditions, " && "));
    }
    method.addCode("match.capture($L, start, $L); // {$L}\n", child.paramsBefore, end, param)
        .beginControlFlow("if ($N(method, path, $L, match))", child.methodName, end)
        .addStatement("return true")
        .endControlFlow();
    if (!conditions.isEmpty()) {
      method.endControlFlow();
    }
  }

  private CodeBlock narrowing(MatchSegment segment, String end) {
    return switch (segment.type()) {
      case INT -> CodeBlock.of("$T.isInt(path, start, $L)", KilnNames.SEGMENTS, end);
      case LONG -> CodeBlock.of("$T.isLong(path, start, $L)", KilnNames.SEGMENTS, end);
      case DOUBLE -> CodeBlock.of("$T.isDecimal(path, start, $L)", KilnNames.SEGMENTS, end);
      case BOOLEAN -> CodeBlock.of("$T.isBoolean(path, start, $L)", KilnNames.SEGMENTS, end);
      case UUID -> CodeBlock.of("$T.isUuid(path, start, $L)", KilnNames.SEGMENTS, end);
      case ENUM -> CodeBlock.of("$T.isOneOf(path, start, $L, $N)", KilnNames.SEGMENTS, end, enumNames(segment));
      case STRING -> throw new IllegalArgumentException("strings do not narrow");
    };
  }

  private static String paramName(DispatchTrie.Node node) {
    String label = node.path.get(node.path.size() - 1);
    return label.substring(1, label.length() - 1);
  }

  private FieldSpec pattern(String regex, String param) {
    return patterns.computeIfAbsent(regex, r -> {
      return FieldSpec.builder(ClassName.get("dev.kiln.internal.routing", "SegmentPattern"),
              fieldNames.newName(GeneratedCode.upperSnake(param) + "_PATTERN"),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.compile($L, $S)", ClassName.get("dev.kiln.internal.routing", "SegmentPattern"), patterns.size(), r)
          .build();
    });
  }

  private FieldSpec enumNames(MatchSegment segment) {
    return enumNames.computeIfAbsent(segment.typeName(), t -> FieldSpec.builder(ArrayTypeName.of(String.class),
            fieldNames.newName(GeneratedCode.constantName(t) + "_NAMES"), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The constants of {@link $T}, which its path parameters match ignoring case.\n", t)
        .initializer("{$L}", segment.enumConstants().stream().map(c -> CodeBlock.of("$S", c))
            .collect(CodeBlock.joining(", ")))
        .build());
  }

}
