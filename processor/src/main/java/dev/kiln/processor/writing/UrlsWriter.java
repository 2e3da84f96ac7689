package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.kiln.grammar.PercentEncoding;
import dev.kiln.grammar.Values;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.PathParamType;
import dev.kiln.processor.model.QueryParamType;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableRoute;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Urls}: one typed method per named route, grouped by the dotted name
 * ({@code api.project} → {@code api().project(42)}), each checking its values against the route's
 * constraints and percent-encoding them; plus {@code url(name, params)} for the dynamic case.
 */
public final class UrlsWriter {
  private static final String SKELETON_MESSAGE =
      "Kiln could not generate the URL builders because the sources have errors; fix the errors it reported";

  private final RouteTable table;
  private final boolean skeleton;
  private final ClassName urlsName;
  private final NameAllocator fieldNames = new NameAllocator();
  private final Map<String, FieldSpec> patterns = new LinkedHashMap<>();
  /** Parts of {@code url(name, params)} for tables too large for one method. */
  private final List<MethodSpec> chunks = new ArrayList<>();

  /** A group of route names: its routes, its subgroups and the class they become. */
  private static final class Group {
    final ClassName className;
    final List<TableRoute> routes = new ArrayList<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final NameAllocator nestedNames = new NameAllocator();

    Group(ClassName className) {
      this.className = className;
      className.simpleNames().forEach(nestedNames::newName); // a nested class may not repeat an enclosing name
    }
  }

  private UrlsWriter(RouteTable table, boolean skeleton) {
    this.table = table;
    this.skeleton = skeleton;
    this.urlsName = RoutesWriter.generatedName(table.application(), "Urls");
  }

  public static JavaFile write(RouteTable table, boolean skeleton) {
    return new UrlsWriter(table, skeleton).file();
  }

  private JavaFile file() {
    Group root = new Group(urlsName);
    List<TableRoute> named = builtRoutes(table);
    for (TableRoute route : named) {
      Group group = root;
      String[] parts = route.name().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        Group parent = group;
        group = parent.groups.computeIfAbsent(parts[i], part -> new Group(
            parent.className.nestedClass(parent.nestedNames.newName(GeneratedCode.upperCamel(part)))));
      }
      group.routes.add(route);
    }
    TypeSpec.Builder urls = TypeSpec.classBuilder(urlsName)
        .addJavadoc("Type-safe URLs for the named routes of {@link $T}.\n\n"
            + "<pre>{@code\n"
            + "Url url = $T.$L.withQuery(\"page\", 2);\n"
            + "}</pre>\n", table.application(), urlsName, example(root))
        .addAnnotation(GeneratedCode.generated(table.application().canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    addMembers(urls, root, true);
    urls.addMethod(byName(named));
    urls.addMethods(chunks);
    urls.addFields(patterns.values());
    return JavaFile.builder(urlsName.packageName(), urls.build()).skipJavaLangImports(true).build();
  }

  /**
   * The routes that get a builder: named, with types the application's package can name. Names are
   * unique and never also groups once validated; a skeleton keeps the first of each.
   */
  static List<TableRoute> builtRoutes(RouteTable table) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return table.routes().stream()
        .filter(r -> !r.name().isEmpty() && r.pathParams().stream().allMatch(PathParamType::visible)
            && r.requiredQuery().stream().allMatch(q -> q.value().visible()))
        .filter(r -> seen.add(r.name()))
        .toList();
  }

  private static String example(Group root) {
    StringBuilder path = new StringBuilder();
    Group group = root;
    while (group.routes.isEmpty() && !group.groups.isEmpty()) {
      Map.Entry<String, Group> first = group.groups.entrySet().iterator().next();
      path.append(first.getKey()).append("().");
      group = first.getValue();
    }
    if (group.routes.isEmpty()) {
      return "url(\"name\", Map.of())";
    }
    TableRoute route = group.routes.get(0);
    String arguments = builderParams(route).stream().map(PathParamType::name).collect(Collectors.joining(", "));
    return path + route.lastNamePart() + "(" + arguments + ")";
  }

  private void addMembers(TypeSpec.Builder type, Group group, boolean topLevel) {
    group.routes.removeIf(route -> group.groups.containsKey(route.lastNamePart()));
    for (Map.Entry<String, Group> entry : group.groups.entrySet()) {
      Group child = entry.getValue();
      TypeSpec.Builder nested = TypeSpec.classBuilder(child.className)
          .addJavadoc("URLs of the routes named {@code $L.*}.\n", qualifiedName(child))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addField(FieldSpec.builder(child.className, "INSTANCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("new $T()", child.className).build())
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      addMembers(nested, child, false);
      type.addType(nested.build());
      MethodSpec.Builder accessor = MethodSpec.methodBuilder(entry.getKey())
          .addJavadoc("The routes named {@code $L.*}.\n", qualifiedName(child))
          .addModifiers(Modifier.PUBLIC)
          .returns(child.className)
          .addStatement("return $T.INSTANCE", child.className);
      if (topLevel) {
        accessor.addModifiers(Modifier.STATIC);
      }
      type.addMethod(accessor.build());
    }
    for (TableRoute route : group.routes) {
      MethodSpec.Builder method = MethodSpec.methodBuilder(route.lastNamePart())
          .addJavadoc("{@code $L $L}, handled by $L.\n", route.method(),
              GeneratedCode.javadocText(route.template().text()),
              GeneratedCode.handlerLink(table, route))
          .addModifiers(Modifier.PUBLIC)
          .returns(KilnNames.URL);
      if (topLevel) {
        method.addModifiers(Modifier.STATIC);
      }
      for (PathParamType param : builderParams(route)) {
        method.addParameter(builderType(param), param.name());
      }
      List<TableRoute> takers = skeleton ? List.of() : takers(route);
      if (skeleton) {
        method.addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE);
      } else if (takers.isEmpty()) {
        method.addStatement("return $T.of($L)$L", KilnNames.URL, pathExpression(route), requiredQuery(route));
      } else {
        method.addCode(checkedPath(route, takers));
      }
      type.addMethod(method.build());
    }
  }

  private static String qualifiedName(Group group) {
    List<String> names = new ArrayList<>(group.className.simpleNames());
    names.remove(0);
    return names.stream().map(n -> Character.toLowerCase(n.charAt(0)) + n.substring(1)).collect(Collectors.joining("."));
  }

  /**
   * What a route's builder takes: its path parameters, then the query parameters a request must
   * carry, so a built URL never gets a 400 for a missing one.
   */
  private static List<PathParamType> builderParams(TableRoute route) {
    List<PathParamType> params = new ArrayList<>(route.pathParams());
    route.requiredQuery().forEach(query -> params.add(query.value()));
    return params;
  }

  /** {@code .withQuery("q", query)} for each required query parameter. */
  private static CodeBlock requiredQuery(TableRoute route) {
    CodeBlock.Builder query = CodeBlock.builder();
    for (QueryParamType param : route.requiredQuery()) {
      String name = param.value().name();
      CodeBlock value = param.value().type() == ValueType.DOUBLE
          ? CodeBlock.of("$T.decimal($N, $S)", KilnNames.URL_SEGMENTS, name, param.wireName())
          : CodeBlock.of("$N", name);
      query.add("\n.withQuery($S, $L)", param.wireName(), value);
    }
    return query.build();
  }

  /** Numbers and booleans are taken unboxed: a path parameter or a required query parameter always has a value. */
  private static TypeName builderType(PathParamType param) {
    return param.typeName().isBoxedPrimitive() ? param.typeName().unbox() : param.typeName();
  }

  /** {@code "/api/projects/" + UrlSegments.segment(...)}, literal runs merged. */
  private CodeBlock pathExpression(TableRoute route) {
    List<CodeBlock> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int paramIndex = 0;
    List<Segment> segments = route.template().segments();
    for (int i = 0; i < segments.size(); i++) {
      literal.append('/');
      MatchSegment match = route.segments().get(i);
      if (!match.isParam()) {
        literal.append(match.literal());
        continue;
      }
      parts.add(CodeBlock.of("$S", literal.toString()));
      literal.setLength(0);
      parts.add(encode(route.pathParams().get(paramIndex++), match));
    }
    if (literal.length() > 0) {
      parts.add(CodeBlock.of("$S", literal.toString()));
    }
    return CodeBlock.join(parts, " + ");
  }

  /**
   * The routes of the same method that would serve some URL built for {@code route}: more specific
   * at the first segment where the two differ, so the dispatcher tries them first ({@code
   * /items/new} for {@code /items/{slug}}). Tail wildcards are left to the route validator.
   */
  private List<TableRoute> takers(TableRoute route) {
    List<TableRoute> takers = new ArrayList<>();
    List<MatchSegment> mine = route.segments();
    if (mine.stream().anyMatch(m -> m.level() == MatchSegment.Level.TAIL)) {
      return takers;
    }
    for (TableRoute other : table.routes()) {
      List<MatchSegment> theirs = other.segments();
      if (other == route || !other.method().equals(route.method()) || theirs.size() != mine.size()
          || !other.conditions().takesEveryLink()
          || theirs.stream().anyMatch(m -> m.level() == MatchSegment.Level.TAIL)) {
        continue;
      }
      int k = 0;
      while (k < mine.size() && mine.get(k).equals(theirs.get(k))) {
        k++;
      }
      if (k < mine.size() && theirs.get(k).level().ordinal() < mine.get(k).level().ordinal()
          && literalsAgree(mine, theirs) && !takerConditions(route, other, name -> name).isEmpty()) {
        takers.add(other);
      }
    }
    return takers;
  }

  /** Whether, wherever one of the two has a literal, the other can match it: else no URL is shared. */
  private static boolean literalsAgree(List<MatchSegment> mine, List<MatchSegment> theirs) {
    for (int i = 0; i < mine.size(); i++) {
      MatchSegment a = mine.get(i);
      MatchSegment b = theirs.get(i);
      if (!a.isParam() && !accepts(b, a.literal()) || !b.isParam() && !accepts(a, b.literal())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code segment} matches the canonical literal {@code literal}, as the dispatcher decides. */
  private static boolean accepts(MatchSegment segment, String literal) {
    String text = PercentEncoding.decodeCanonical(literal);
    return switch (segment.level()) {
      case LITERAL -> segment.literal().equals(literal);
      case PLAIN, TAIL -> true;
      case CONSTRAINED -> segment.regex() != null
          ? Pattern.compile(segment.regex()).matcher(text).matches()
          : switch (segment.type()) {
            case INT -> Values.isInt(text);
            case LONG -> Values.isLong(text);
            case DOUBLE -> Values.isDecimal(text);
            case BOOLEAN -> Values.isPathBoolean(text);
            case UUID -> Values.isUuid(text);
            case ENUM -> segment.enumConstants().stream().anyMatch(c -> c.equalsIgnoreCase(text));
            case STRING -> true;
          };
    };
  }

  /**
   * The checks that a built URL's parameter segments are ones {@code taker} matches, one per
   * segment that narrows; none when it would take every URL (the validator warns of that).
   */
  private List<CodeBlock> takerConditions(TableRoute route, TableRoute taker,
      java.util.function.UnaryOperator<String> segmentLocal) {
    List<CodeBlock> conditions = new ArrayList<>();
    int paramIndex = 0;
    for (int i = 0; i < route.segments().size(); i++) {
      MatchSegment mine = route.segments().get(i);
      MatchSegment theirs = taker.segments().get(i);
      Segment takerSegment = taker.template().segments().get(i);
      if (!mine.isParam()) {
        continue; // decided by literalsAgree
      }
      PathParamType param = route.pathParams().get(paramIndex++);
      String segment = segmentLocal.apply(param.name());
      switch (theirs.level()) {
        case LITERAL -> conditions.add(CodeBlock.of("$N.equals($S)", segment, theirs.literal()));
        case CONSTRAINED -> conditions.add(theirs.regex() != null
            ? CodeBlock.of("$N.matcher($L).matches()",
                pattern(theirs.regex(), ((Segment.Param) takerSegment).name()),
                param.type() == ValueType.STRING ? CodeBlock.of("$N", param.name()) : CodeBlock.of("$N", segment))
            : typeCheck(theirs, CodeBlock.of("$N", segment)));
        default -> { }
      }
    }
    return conditions;
  }

  /** {@code Segments.isLong(text, 0, text.length())} and the like, as the dispatcher checks a typed segment. */
  private CodeBlock typeCheck(MatchSegment segment, CodeBlock text) {
    String check = switch (segment.type()) {
      case INT -> "isInt";
      case LONG -> "isLong";
      case DOUBLE -> "isDecimal";
      case BOOLEAN -> "isBoolean";
      case UUID -> "isUuid";
      case ENUM -> "isOneOf";
      case STRING -> throw new AssertionError("a string segment does not narrow");
    };
    if (segment.type() == ValueType.ENUM) {
      return CodeBlock.of("$T.isOneOf($L, 0, $L.length(), $N)", KilnNames.SEGMENTS, text, text,
          enumNames(segment));
    }
    return CodeBlock.of("$T.$L($L, 0, $L.length())", KilnNames.SEGMENTS, check, text, text);
  }

  /**
   * Encodes each parameter into a local, refuses a URL that one of {@code takers} would serve, and
   * returns it: a link built for a route always reaches that route.
   */
  private CodeBlock checkedPath(TableRoute route, List<TableRoute> takers) {
    NameAllocator names = new NameAllocator();
    builderParams(route).forEach(p -> names.newName(p.name(), p.name()));
    Map<String, String> segments = new LinkedHashMap<>();
    CodeBlock.Builder code = CodeBlock.builder();
    List<CodeBlock> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int paramIndex = 0;
    for (MatchSegment match : route.segments()) {
      literal.append('/');
      if (!match.isParam()) {
        literal.append(match.literal());
        continue;
      }
      PathParamType param = route.pathParams().get(paramIndex++);
      String segment = names.newName(param.name() + "Segment");
      segments.put(param.name(), segment);
      code.addStatement("$T $N = $L", String.class, segment, encode(param, match));
      parts.add(CodeBlock.of("$S", literal.toString()));
      literal.setLength(0);
      parts.add(CodeBlock.of("$N", segment));
    }
    if (literal.length() > 0) {
      parts.add(CodeBlock.of("$S", literal.toString()));
    }
    String path = names.newName("path");
    code.addStatement("$T $N = $L", String.class, path, CodeBlock.join(parts, " + "));
    for (TableRoute taker : takers) {
      code.beginControlFlow("if ($L)", CodeBlock.join(takerConditions(route, taker, segments::get), " && "))
          .addStatement("throw $T.takenBy($N, $S, $S)", KilnNames.URL_SEGMENTS, path, route.name(),
              taker.describe() + " (" + taker.handlerReference() + ")")
          .endControlFlow();
    }
    return code.addStatement("return $T.of($N)$L", KilnNames.URL, path, requiredQuery(route)).build();
  }

  private FieldSpec enumNames(MatchSegment segment) {
    String key = "enum:" + segment.typeName();
    return patterns.computeIfAbsent(key, k -> FieldSpec.builder(String[].class,
            fieldNames.newName(GeneratedCode.constantName(segment.typeName()) + "_NAMES"), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("{$L}", segment.enumConstants().stream().map(c -> CodeBlock.of("$S", c))
            .collect(CodeBlock.joining(", ")))
        .build());
  }

  private CodeBlock encode(PathParamType param, MatchSegment segment) {
    String name = param.name();
    CodeBlock text = switch (param.type()) {
      case STRING -> CodeBlock.of("$N", name);
      case INT, LONG, BOOLEAN -> CodeBlock.of("$T.valueOf($N)", String.class, name);
      case DOUBLE -> CodeBlock.of("$T.decimal($N, $S)", KilnNames.URL_SEGMENTS, name, name);
      case UUID -> CodeBlock.of("$N.toString()", name);
      case ENUM -> CodeBlock.of("$N.name()", name);
    };
    if (segment.level() == MatchSegment.Level.TAIL) {
      return CodeBlock.of("$T.tail($L, $N, $S)", KilnNames.URL_SEGMENTS, text, pattern(segment.regex(), name), name);
    }
    if (segment.regex() != null) {
      return CodeBlock.of("$T.segment($L, $N, $S)", KilnNames.URL_SEGMENTS, text, pattern(segment.regex(), name), name);
    }
    return switch (param.type()) {
      case STRING -> CodeBlock.of("$T.segment($L, $S)", KilnNames.URL_SEGMENTS, text, name);
      case ENUM -> CodeBlock.of("$T.encodeSegment($L)", ClassName.get("dev.kiln.internal.text", "PercentCodec"), text);
      default -> text;
    };
  }

  private FieldSpec pattern(String regex, String param) {
    return patterns.computeIfAbsent(regex, r -> FieldSpec.builder(Pattern.class,
            fieldNames.newName(GeneratedCode.upperSnake(param) + "_PATTERN"), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.compile($S)", Pattern.class, r)
        .build());
  }

  private MethodSpec byName(List<TableRoute> named) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("url")
        .addJavadoc("The URL of the route called {@code name}, for when the name is only known at run time;\n"
            + "{@code params} holds each path parameter and each required query parameter (by its name in\n"
            + "the query string), as its type or as text, and may hold the optional query parameters.\n\n"
            + "@throws IllegalArgumentException for an unknown name, a missing or unknown parameter, or a\n"
            + "    value the route would not match\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(KilnNames.URL)
        .addParameter(String.class, "name")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
            WildcardTypeName.subtypeOf(Object.class)), "params");
    if (skeleton) {
      return method.addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE).build();
    }
    String known = named.size() <= 30
        ? named.stream().map(TableRoute::name).sorted().collect(Collectors.joining(", "))
        : named.size() + " of them, listed by routes() of the generated Routes class";
    CodeBlock unknown = CodeBlock.of("throw new $T(\"no route named \\\"\" + name + $S)",
        IllegalArgumentException.class, "\"; named routes: " + (known.isEmpty() ? "none" : known));
    if (named.size() <= RoutesWriter.SWITCH_CHUNK) {
      return method.addCode(nameSwitch(named)).addStatement("$L", unknown).build();
    }
    // One switch per range of hash codes: a single method could not hold them all.
    Map<String, TableRoute> byName = new java.util.LinkedHashMap<>();
    named.forEach(route -> byName.put(route.name(), route));
    method.addStatement("int hash = name.hashCode()").addStatement("$T url", KilnNames.URL);
    List<Map<String, TableRoute>> parts = RoutesWriter.chunksByHash(byName, String::hashCode, RoutesWriter.SWITCH_CHUNK);
    for (int i = 0; i < parts.size(); i++) {
      String part = "url" + i;
      int upper = parts.get(i).keySet().stream().mapToInt(String::hashCode).max().orElseThrow();
      if (i < parts.size() - 1) {
        method.beginControlFlow("$Lif (hash <= $L)", i == 0 ? "" : "else ", upper);
      } else {
        method.beginControlFlow("else");
      }
      method.addStatement("url = $N(name, params)", part).endControlFlow();
      chunks.add(MethodSpec.methodBuilder(part)
          .addJavadoc("The named routes whose names' hash codes fall in this method's range; {@code null} for others.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(KilnNames.URL)
          .addParameter(String.class, "name")
          .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
              WildcardTypeName.subtypeOf(Object.class)), "params")
          .addCode(nameSwitch(List.copyOf(parts.get(i).values())))
          .addStatement("return null")
          .build());
    }
    return method.beginControlFlow("if (url == null)").addStatement("$L", unknown).endControlFlow()
        .addStatement("return url").build();
  }

  /** {@code arguments.intValue("page")} and the like: the named argument as the parameter's type. */
  private static CodeBlock argument(PathParamType param, String key) {
    return switch (param.type()) {
      case STRING -> CodeBlock.of("arguments.string($S)", key);
      case INT -> CodeBlock.of("arguments.intValue($S)", key);
      case LONG -> CodeBlock.of("arguments.longValue($S)", key);
      case DOUBLE -> CodeBlock.of("arguments.doubleValue($S)", key);
      case BOOLEAN -> CodeBlock.of("arguments.booleanValue($S)", key);
      case UUID -> CodeBlock.of("arguments.uuid($S)", key);
      case ENUM -> CodeBlock.of("arguments.enumValue($S, $T.values())", key, param.typeName());
    };
  }

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class, values.stream().map(v -> CodeBlock.of("$S", v))
        .collect(CodeBlock.joining(", ")));
  }

  /** {@code switch (name)} with one case per route, each returning its URL; falls through otherwise. */
  private static CodeBlock nameSwitch(List<TableRoute> named) {
    CodeBlock.Builder method = CodeBlock.builder().beginControlFlow("switch (name)");
    for (TableRoute route : named) {
      method.add("case $S: {\n$>", route.name());
      List<String> required = new ArrayList<>();
      route.pathParams().forEach(p -> required.add(p.name()));
      route.requiredQuery().forEach(q -> required.add(q.wireName()));
      List<String> optional = route.queryParams().stream().filter(q -> !q.required()).map(QueryParamType::wireName)
          .toList();
      if (required.isEmpty() && optional.isEmpty()) {
        method.addStatement("$T.of(name, params)", KilnNames.URL_ARGUMENTS);
      } else if (optional.isEmpty()) {
        method.addStatement("$T arguments = $T.of(name, params, $L)", KilnNames.URL_ARGUMENTS,
            KilnNames.URL_ARGUMENTS, required.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ")));
      } else {
        method.addStatement("$T arguments = $T.of(name, params, $L, $L)", KilnNames.URL_ARGUMENTS,
            KilnNames.URL_ARGUMENTS, strings(required), strings(optional));
      }
      List<CodeBlock> values = new ArrayList<>();
      for (PathParamType param : route.pathParams()) {
        values.add(argument(param, param.name()));
      }
      for (QueryParamType param : route.requiredQuery()) {
        values.add(argument(param.value(), param.wireName()));
      }
      String[] parts = route.name().split("\\.");
      CodeBlock.Builder call = CodeBlock.builder();
      for (int i = 0; i < parts.length - 1; i++) {
        call.add("$L().", parts[i]);
      }
      call.add("$L($L)", parts[parts.length - 1], CodeBlock.join(values, ", "));
      if (!optional.isEmpty()) {
        call.add(".withQuery(arguments.present($L))", strings(optional));
      }
      method.addStatement("return $L", call.build());
      method.add("$<}\n");
    }
    return method.endControlFlow().build();
  }
}
