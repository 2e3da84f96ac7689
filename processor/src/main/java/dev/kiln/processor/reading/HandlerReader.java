package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.model.HandlerParam;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.ParamSource;
import dev.kiln.processor.model.PathTemplate;
import dev.kiln.processor.model.ReturnKind;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one handler class's {@code @Route} methods into a {@link HandlerClass}, reporting every
 * mistake on the element and annotation value that causes it. A route with an error is left out;
 * the others are kept so the rest of the table can still be checked.
 */
public final class HandlerReader {
  private static final String SUPPORTED_VALUES =
      "String, int, long, double, boolean, their boxed types, UUID or an enum";

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Annotations annotations;
  private final TypeSupport typeSupport;
  private final MiddlewareReader middlewares;
  private final ConstraintReader constraintReader;
  private final DataTypeReader dataTypes;

  public HandlerReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.annotations = new Annotations(elements);
    this.typeSupport = new TypeSupport(types);
    this.middlewares = new MiddlewareReader(elements, types, diagnostics);
    this.constraintReader = new ConstraintReader(elements, types, diagnostics);
    this.dataTypes = new DataTypeReader(elements, types, constraintReader);
  }

  /** Whether a type in one of the methods' signatures is not resolved yet: read it in a later round. */
  public boolean needsAnotherRound(List<ExecutableElement> methods) {
    for (ExecutableElement method : methods) {
      if (typeSupport.hasErrors(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (typeSupport.hasErrors(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads the class; {@code null} when the class itself is unusable (already reported). */
  public HandlerClass read(TypeElement handler, List<ExecutableElement> methods) {
    if (!checkClass(handler, methods.get(0))) {
      return null;
    }
    Group group = readGroup(handler);
    if (group == null) {
      return null;
    }
    ClassName handlerName = ClassName.get(handler);
    ClassName endpoints = ClassName.get(handlerName.packageName(),
        String.join("_", handlerName.simpleNames()) + "_Endpoints");
    List<HandlerRoute> routes = new ArrayList<>();
    Set<String> binders = new HashSet<>();
    boolean needsInstance = false;
    for (ExecutableElement method : methods) {
      HandlerRoute route = readRoute(method, group, binders);
      if (route != null) {
        routes.add(route);
        needsInstance |= !route.isStatic();
      }
    }
    return new HandlerClass(handlerName, endpoints, needsInstance, routes);
  }

  private boolean checkClass(TypeElement handler, ExecutableElement firstRoute) {
    NestingKind nesting = handler.getNestingKind();
    if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
      diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, "@Route methods must be in a top-level or member "
          + "class, not a " + nesting.name().toLowerCase() + " class: the generated code cannot name it", firstRoute);
      return false;
    }
    for (Element e = handler; e instanceof TypeElement type; e = e.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, "handler class " + type.getSimpleName()
            + " is private, so the generated code cannot call it; make it package-private or public", type);
        return false;
      }
    }
    if (!handler.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_HANDLER, "handler class " + handler.getSimpleName()
          + " is generic; handler classes must not declare type parameters (move the routes to a concrete subclass)",
          handler);
      return false;
    }
    return true;
  }

  /** The {@code @Routes} prefix and name of the class; {@code null} when they are invalid. */
  private Group readGroup(TypeElement handler) {
    AnnotationMirror routes = Annotations.find(handler, KilnNames.ROUTES);
    if (routes == null) {
      return new Group("", "", null);
    }
    String prefix = annotations.string(routes, "prefix");
    String name = annotations.string(routes, "name");
    if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
      String fixed = "/" + prefix.replaceAll("^/+|/+$", "");
      diagnostics.error(DiagnosticCode.MALFORMED_PATH, "a group prefix starts with '/' and does not end with '/': "
          + "write prefix = \"" + fixed + "\"", new Location(handler, routes, Annotations.explicit(routes, "prefix")));
      return null;
    }
    if (!name.isEmpty() && !isRouteName(name)) {
      diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, nameProblem(name),
          new Location(handler, routes, Annotations.explicit(routes, "name")));
      return null;
    }
    return new Group(prefix, name, routes);
  }

  private HandlerRoute readRoute(ExecutableElement method, Group group, Set<String> binders) {
    AnnotationMirror route = Annotations.find(method, KilnNames.ROUTE);
    Location pathValue = new Location(method, route, annotations.value(route, "path"));
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, "@Route method " + method.getSimpleName()
          + " is private, so the generated code cannot call it; make it package-private or public", method);
      return null;
    }
    if (!method.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_HANDLER, "@Route method " + method.getSimpleName()
          + " declares type parameters; Kiln binds concrete types only, so remove them", method);
      return null;
    }
    String path = annotations.string(route, "path");
    if (!path.isEmpty() && !path.startsWith("/")) {
      diagnostics.error(DiagnosticCode.MALFORMED_PATH, "a route path starts with '/': write path = \"/" + path + "\"",
          pathValue);
      return null;
    }
    if (path.isEmpty() && group.prefix().isEmpty()) {
      diagnostics.error(DiagnosticCode.MALFORMED_PATH, "empty route path; write path = \"/\" for the root", pathValue);
      return null;
    }
    PathTemplate template;
    try {
      template = PathTemplate.parse(group.prefix() + path);
    } catch (PathTemplate.SyntaxError e) {
      boolean inPrefix = e.offset() < group.prefix().length();
      Location location = inPrefix
          ? new Location(method.getEnclosingElement(), group.mirror(), Annotations.explicit(group.mirror(), "prefix"))
          : pathValue;
      diagnostics.error(e.isRegex() ? DiagnosticCode.INVALID_REGEX : DiagnosticCode.MALFORMED_PATH,
          e.getMessage(), location);
      return null;
    }

    String name = annotations.string(route, "name");
    if (!name.isEmpty() && !isRouteName(name)) {
      diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, nameProblem(name),
          new Location(method, route, Annotations.explicit(route, "name")));
      return null;
    }
    String fullName = name.isEmpty() ? "" : group.name().isEmpty() ? name : group.name() + "." + name;
    long maxBodySize = limit(method, route, "maxBodySize", "bytes");
    long timeoutMillis = limit(method, route, "timeoutMillis", "milliseconds");
    if (maxBodySize == 0 || timeoutMillis == 0) {
      return null;
    }

    List<HandlerParam> params = readParams(method, template, pathValue);
    if (params == null) {
      return null;
    }
    Result result = readResult(method);
    if (result == null) {
      return null;
    }
    boolean blocking = !result.async() && Annotations.find(method, KilnNames.NON_BLOCKING) == null;
    String parameterTypes = method.getParameters().stream()
        .map(p -> typeSupport.erasedName(p.asType()))
        .collect(Collectors.joining(", "));
    String binder = method.getSimpleName().toString();
    for (int i = 2; !binders.add(binder); i++) {
      binder = method.getSimpleName() + "" + i; // overloads each get their own binding method
    }
    return new HandlerRoute(annotations.enumName(route, "method"), template, fullName,
        method.getSimpleName().toString(), parameterTypes, binder, method.getModifiers().contains(Modifier.STATIC),
        blocking, result.async(), result.kind(), result.type(), params, group.name(),
        both(method, KilnNames.USE), both(method, KilnNames.SKIP), maxBodySize, timeoutMillis,
        Javadoc.description(elements.getDocComment(method)), result.data());
  }

  /** The middlewares named by {@code annotation} on the method's class and on the method. */
  private List<ClassName> both(ExecutableElement method, String annotation) {
    Set<ClassName> names = new LinkedHashSet<>(middlewares.classes(method.getEnclosingElement(), annotation));
    names.addAll(middlewares.classes(method, annotation));
    return List.copyOf(names);
  }

  /** A per-route limit: -1 for the server's, or positive; 0 after reporting anything else. */
  private long limit(ExecutableElement method, AnnotationMirror route, String attribute, String unit) {
    long value = ((Number) annotations.value(route, attribute).getValue()).longValue();
    if (value == -1 || value > 0) {
      return value;
    }
    diagnostics.error(DiagnosticCode.INVALID_LIMIT, attribute + " must be a positive number of " + unit
        + ", or -1 for the server's setting; got " + value, new Location(method, route, Annotations.explicit(route, attribute)));
    return 0;
  }

  private List<HandlerParam> readParams(ExecutableElement method, PathTemplate template, Location pathValue) {
    List<HandlerParam> params = new ArrayList<>();
    Set<String> boundPath = new LinkedHashSet<>();
    Set<String> methodParamNames = new LinkedHashSet<>();
    Set<String> failed = new HashSet<>();
    boolean ok = true;
    for (VariableElement parameter : method.getParameters()) {
      methodParamNames.add(parameter.getSimpleName().toString());
      HandlerParam param = readParam(method, parameter, template);
      if (param == null) {
        ok = false;
        failed.add(parameter.getSimpleName().toString());
      } else {
        if (param.source() == ParamSource.BODY && params.stream().anyMatch(p -> p.source() == ParamSource.BODY)) {
          diagnostics.error(DiagnosticCode.INVALID_BODY, "a request has one body, and " + method.getSimpleName()
              + " already binds it; keep one @Body parameter (a record can hold everything the body carries)",
              parameter);
          ok = false;
          continue;
        }
        params.add(param);
        if (param.source() == ParamSource.PATH) {
          boundPath.add(param.wireName());
        }
      }
    }
    for (Segment.Param templateParam : template.params()) {
      if (!boundPath.contains(templateParam.name()) && !failed.contains(templateParam.name())) {
        Set<String> unbound = new LinkedHashSet<>(methodParamNames);
        unbound.removeAll(template.params().stream().map(Segment.Param::name).toList());
        String similar = Suggestions.closest(templateParam.name(), unbound);
        diagnostics.error(DiagnosticCode.UNBOUND_PATH_VARIABLE, "{" + templateParam.name() + "} in \""
            + template.text() + "\" has no method parameter of that name; "
            + (similar != null
                ? "did you mean to rename parameter '" + similar + "' to '" + templateParam.name() + "'?"
                : "add a parameter named '" + templateParam.name() + "' to " + method.getSimpleName() + "(...)"),
            pathValue);
        ok = false;
      }
    }
    return ok ? params : null;
  }

  private HandlerParam readParam(ExecutableElement method, VariableElement parameter, PathTemplate template) {
    TypeMirror type = parameter.asType();
    String javaName = parameter.getSimpleName().toString();
    if (TypeSupport.is(type, KilnNames.REQUEST.canonicalName())) {
      return new HandlerParam(ParamSource.REQUEST, javaName, javaName, TypeName.get(type), null, null,
          HandlerParam.Shape.SINGLE, -1, null, List.of());
    }
    ParamSource source = null;
    AnnotationMirror binding = null;
    for (String[] candidate : new String[][] {{KilnNames.QUERY, "QUERY"}, {KilnNames.HEADER, "HEADER"},
        {KilnNames.COOKIE, "COOKIE"}, {KilnNames.FORM, "FORM"}, {KilnNames.BODY, "BODY"}}) {
      AnnotationMirror mirror = Annotations.find(parameter, candidate[0]);
      if (mirror != null) {
        if (binding != null) {
          diagnostics.error(DiagnosticCode.UNBOUND_PARAMETER, "parameter '" + javaName
              + "' has more than one of @Query, @Header, @Cookie, @Form and @Body; keep the one it comes from",
              new Location(parameter, mirror, null));
          return null;
        }
        binding = mirror;
        source = ParamSource.valueOf(candidate[1]);
      }
    }
    boolean optional = TypeSupport.is(type, "java.util.Optional");
    TypeMirror unwrapped = optional && TypeSupport.typeArgument(type) != null ? TypeSupport.typeArgument(type) : type;
    List<Constraint> constraints = constraintReader.read(parameter, parameter.getAnnotationMirrors(), unwrapped,
        optional);
    if (constraints == null) {
      return null;
    }
    if (source == ParamSource.BODY) {
      return readBody(parameter, type, constraints);
    }
    boolean file = isUpload(unwrapped) || (TypeSupport.is(type, "java.util.List") && unwrapped != null
        && TypeSupport.typeArgument(type) != null && isUpload(TypeSupport.typeArgument(type)));
    if (file && (binding == null || source == ParamSource.FORM)) {
      String explicitName = binding == null ? "" : annotations.string(binding, "value");
      return new HandlerParam(ParamSource.FILE, javaName, explicitName.isEmpty() ? javaName : explicitName,
          TypeName.get(type), null, ClassName.get("dev.kiln", "Upload"),
          optional ? HandlerParam.Shape.OPTIONAL : TypeSupport.is(type, "java.util.List")
              ? HandlerParam.Shape.LIST : HandlerParam.Shape.SINGLE, -1, null, constraints);
    }
    String wireName;
    int pathIndex = -1;
    if (binding == null) {
      pathIndex = template.paramIndex(javaName);
      if (pathIndex < 0) {
        reportUnbound(method, parameter, template);
        return null;
      }
      source = ParamSource.PATH;
      wireName = javaName;
    } else {
      String explicitName = annotations.string(binding, "value");
      wireName = explicitName.isEmpty() ? javaName : explicitName;
    }

    HandlerParam.Shape shape = HandlerParam.Shape.SINGLE;
    TypeMirror valueMirror = type;
    if (TypeSupport.is(type, "java.util.Optional") || TypeSupport.is(type, "java.util.List")) {
      shape = TypeSupport.is(type, "java.util.Optional") ? HandlerParam.Shape.OPTIONAL : HandlerParam.Shape.LIST;
      valueMirror = TypeSupport.typeArgument(type);
    }
    ValueType valueType = valueMirror == null ? null : typeSupport.scalar(valueMirror);
    String allowedShapes = switch (source) {
      case PATH -> SUPPORTED_VALUES + " (a path parameter is always present, so neither Optional nor List)";
      case COOKIE -> SUPPORTED_VALUES + ", or Optional of one";
      case FORM -> SUPPORTED_VALUES + ", or Optional or List of one, or Upload, Optional<Upload> or List<Upload>";
      default -> SUPPORTED_VALUES + ", or Optional or List of one";
    };
    boolean shapeAllowed = shape == HandlerParam.Shape.SINGLE
        || (shape == HandlerParam.Shape.OPTIONAL && source != ParamSource.PATH)
        || (shape == HandlerParam.Shape.LIST && (source == ParamSource.QUERY || source == ParamSource.HEADER
            || source == ParamSource.FORM));
    if (valueType == null || !shapeAllowed) {
      String hint = source == ParamSource.PATH && template.paramIndex(javaName) >= 0
          ? "" : valueType == null && source == ParamSource.QUERY && isRecord(valueMirror)
              ? "; to read the request body into " + TypeSupport.display(valueMirror) + ", annotate the parameter with @Body"
              : "; to use the whole request, take a Request parameter";
      diagnostics.error(DiagnosticCode.UNSUPPORTED_PARAMETER_TYPE, "cannot bind " + source.describe(wireName)
          + " to " + TypeSupport.display(type) + ": supported types are " + allowedShapes + hint, parameter);
      return null;
    }
    return new HandlerParam(source, javaName, wireName, TypeName.get(type), valueType,
        TypeSupport.boxed(valueMirror), shape, pathIndex, null, constraints);
  }

  /** A {@code @Body} parameter: JSON, or a form when the type is a record of form values. */
  private HandlerParam readBody(VariableElement parameter, TypeMirror type, List<Constraint> constraints) {
    boolean optional = TypeSupport.is(type, "java.util.Optional");
    TypeMirror bodyType = optional ? TypeSupport.typeArgument(type) : type;
    if (bodyType == null || containsTypeVariable(bodyType) || bodyType.getKind() == TypeKind.WILDCARD) {
      diagnostics.error(DiagnosticCode.INVALID_BODY, "cannot read a request body into " + TypeSupport.display(type) + ": its type must be "
          + "known at compile time; declare a concrete type such as NewProject or List<NewProject>", parameter);
      return null;
    }
    if (bodyType.getKind().isPrimitive() || TypeSupport.is(bodyType, KilnNames.REQUEST.canonicalName())
        || isUpload(bodyType)) {
      diagnostics.error(DiagnosticCode.INVALID_BODY, "@Body binds the whole body to a record or another type Jackson "
          + "reads, not to " + bodyType + (isUpload(bodyType) ? "; take files with @Form(\"name\") Upload" : ""),
          parameter);
      return null;
    }
    DataType data = dataTypes.read(bodyType, parameter);
    if (data == null) {
      return null;
    }
    return new HandlerParam(ParamSource.BODY, parameter.getSimpleName().toString(), "", TypeName.get(type), null,
        TypeName.get(bodyType).box(), optional ? HandlerParam.Shape.OPTIONAL : HandlerParam.Shape.SINGLE, -1, data,
        constraints);
  }

  private static boolean isUpload(TypeMirror type) {
    return type != null && TypeSupport.is(type, "dev.kiln.Upload");
  }

  private static boolean isRecord(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.DECLARED
        && ((javax.lang.model.type.DeclaredType) type).asElement().getKind() == javax.lang.model.element.ElementKind.RECORD;
  }

  private void reportUnbound(ExecutableElement method, VariableElement parameter, PathTemplate template) {
    String javaName = parameter.getSimpleName().toString();
    List<String> templateNames = template.params().stream().map(Segment.Param::name).toList();
    String similar = Suggestions.closest(javaName, templateNames);
    String message = "parameter '" + javaName + "' of " + method.getSimpleName() + " is not in the path \""
        + template.text() + "\" and has no @Query, @Header, @Cookie, @Form or @Body";
    if (javaName.matches("arg\\d+")) {
      message += "; its name looks compiled without -parameters: compile handlers from source, or name the "
          + "binding explicitly";
    } else if (similar != null) {
      message += "; did you mean {" + similar + "}?";
    } else {
      message += "; add {" + javaName + "} to the path or annotate it with @Query(\"" + javaName + "\")";
    }
    diagnostics.error(DiagnosticCode.UNBOUND_PARAMETER, message, parameter);
  }

  private record Result(ReturnKind kind, TypeName type, boolean async, DataType data) {
    Result(ReturnKind kind, TypeName type, boolean async) {
      this(kind, type, async, null);
    }
  }

  private Result readResult(ExecutableElement method) {
    TypeMirror type = method.getReturnType();
    boolean async = false;
    if (TypeSupport.is(type, "java.util.concurrent.CompletionStage")
        || TypeSupport.is(type, "java.util.concurrent.CompletableFuture")) {
      async = true;
      type = TypeSupport.typeArgument(type);
      if (type == null || type.getKind() == TypeKind.WILDCARD) {
        diagnostics.error(DiagnosticCode.UNSUPPORTED_RETURN_TYPE, "cannot tell what " + method.getReturnType()
            + " completes with; declare its type argument, e.g. CompletionStage<Response>", method);
        return null;
      }
    }
    if (type.getKind() == TypeKind.VOID || TypeSupport.is(type, "java.lang.Void")) {
      return new Result(ReturnKind.NO_CONTENT, TypeName.VOID, async);
    }
    if (TypeSupport.is(type, KilnNames.RESPONSE.canonicalName())) {
      return new Result(ReturnKind.RESPONSE, KilnNames.RESPONSE, async);
    }
    if (TypeSupport.is(type, "java.lang.String")) {
      return new Result(ReturnKind.TEXT, TypeName.get(String.class), async);
    }
    if (type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return new Result(ReturnKind.BYTES, TypeName.get(type), async);
    }
    if (containsTypeVariable(type)) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_RETURN_TYPE, "cannot write " + type + " as JSON: its type is "
          + "not known at compile time; return a concrete type such as List<Project>", method);
      return null;
    }
    DataType data = dataTypes.read(type, method);
    return data == null ? null : new Result(ReturnKind.JSON, TypeName.get(type).box(), async, data);
  }

  /** Type variables have no writer at compile time; a wildcard is written as its bound. */
  private static boolean containsTypeVariable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR: case INTERSECTION: case UNION:
        return true;
      case WILDCARD:
        javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
        return wildcard.getExtendsBound() != null && containsTypeVariable(wildcard.getExtendsBound());
      case ARRAY:
        return containsTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((javax.lang.model.type.DeclaredType) type).getTypeArguments().stream()
            .anyMatch(HandlerReader::containsTypeVariable);
      default:
        return false;
    }
  }

  /** Dot-separated Java identifiers: each part becomes a URL-builder method or group. */
  static boolean isRouteName(String name) {
    for (String part : name.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        return false;
      }
    }
    return true;
  }

  private static String nameProblem(String name) {
    return "route name \"" + name + "\" must be Java identifiers joined by dots (each part becomes a method of "
        + "the generated URL builders), e.g. \"" + name.replaceAll("[^A-Za-z0-9_.]+", "_").replaceAll("^[0-9]", "_$0")
        + "\"";
  }

  /** A class's {@code @Routes}: prefix and name, and the annotation for diagnostics. */
  private record Group(String prefix, String name, AnnotationMirror mirror) {}
}
