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
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.PathParamType;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableRoute;
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
    // Names are unique and never also groups once validated; a skeleton keeps the first of each.
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<TableRoute> named = table.routes().stream()
        .filter(r -> !r.name().isEmpty() && r.pathParams().stream().allMatch(PathParamType::visible))
        .filter(r -> seen.add(r.name()))
        .toList();
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
    String arguments = route.pathParams().stream().map(PathParamType::name).collect(Collectors.joining(", "));
    return path + lastPart(route) + "(" + arguments + ")";
  }

  private void addMembers(TypeSpec.Builder type, Group group, boolean topLevel) {
    group.routes.removeIf(route -> group.groups.containsKey(lastPart(route)));
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
      MethodSpec.Builder method = MethodSpec.methodBuilder(lastPart(route))
          .addJavadoc("{@code $L $L}, handled by $L.\n", route.method(),
              GeneratedCode.javadocText(route.template().text()),
              link(route))
          .addModifiers(Modifier.PUBLIC)
          .returns(KilnNames.URL);
      if (topLevel) {
        method.addModifiers(Modifier.STATIC);
      }
      for (PathParamType param : route.pathParams()) {
        method.addParameter(builderType(param), param.name());
      }
      if (skeleton) {
        method.addStatement("throw new $T($S)", IllegalStateException.class, SKELETON_MESSAGE);
      } else {
        method.addStatement("return $T.of($L)", KilnNames.URL, pathExpression(route));
      }
      type.addMethod(method.build());
    }
  }

  private static String qualifiedName(Group group) {
    List<String> names = new ArrayList<>(group.className.simpleNames());
    names.remove(0);
    return names.stream().map(n -> Character.toLowerCase(n.charAt(0)) + n.substring(1)).collect(Collectors.joining("."));
  }

  private static String lastPart(TableRoute route) {
    String name = route.name();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Numbers and booleans are taken unboxed: a path parameter always has a value. */
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

  private CodeBlock link(TableRoute route) {
    boolean visible = table.handlers().stream()
        .filter(h -> h.handler().equals(route.handler()))
        .allMatch(dev.kiln.processor.model.TableHandler::visible);
    return GeneratedCode.handlerLink(route.handler(), route.handlerMethod(), route.parameterTypes(), visible);
  }

  private MethodSpec byName(List<TableRoute> named) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("url")
        .addJavadoc("The URL of the route called {@code name}, for when the name is only known at run time;\n"
            + "{@code params} holds each path parameter, as its type or as text.\n\n"
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

  /** {@code switch (name)} with one case per route, each returning its URL; falls through otherwise. */
  private static CodeBlock nameSwitch(List<TableRoute> named) {
    CodeBlock.Builder method = CodeBlock.builder().beginControlFlow("switch (name)");
    for (TableRoute route : named) {
      method.add("case $S: {\n$>", route.name());
      CodeBlock names = route.pathParams().stream().map(p -> CodeBlock.of("$S", p.name()))
          .collect(CodeBlock.joining(", "));
      if (route.pathParams().isEmpty()) {
        method.addStatement("$T.of(name, params)", KilnNames.URL_ARGUMENTS);
      } else {
        method.addStatement("$T arguments = $T.of(name, params, $L)", KilnNames.URL_ARGUMENTS,
            KilnNames.URL_ARGUMENTS, names);
      }
      List<CodeBlock> values = new ArrayList<>();
      for (PathParamType param : route.pathParams()) {
        values.add(switch (param.type()) {
          case STRING -> CodeBlock.of("arguments.string($S)", param.name());
          case INT -> CodeBlock.of("arguments.intValue($S)", param.name());
          case LONG -> CodeBlock.of("arguments.longValue($S)", param.name());
          case DOUBLE -> CodeBlock.of("arguments.doubleValue($S)", param.name());
          case BOOLEAN -> CodeBlock.of("arguments.booleanValue($S)", param.name());
          case UUID -> CodeBlock.of("arguments.uuid($S)", param.name());
          case ENUM -> CodeBlock.of("arguments.enumValue($S, $T.values())", param.name(), param.typeName());
        });
      }
      String[] parts = route.name().split("\\.");
      CodeBlock.Builder call = CodeBlock.builder();
      for (int i = 0; i < parts.length - 1; i++) {
        call.add("$L().", parts[i]);
      }
      call.add("$L($L)", parts[parts.length - 1], CodeBlock.join(values, ", "));
      method.addStatement("return $L", call.build());
      method.add("$<}\n");
    }
    return method.endControlFlow().build();
  }
}
