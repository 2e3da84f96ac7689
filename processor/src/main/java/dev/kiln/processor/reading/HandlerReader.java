package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.BindingKind;
import dev.kiln.processor.binding.BindingKinds;
import dev.kiln.processor.binding.FileField;
import dev.kiln.processor.binding.FormField;
import dev.kiln.processor.binding.HandlerResult;
import dev.kiln.processor.binding.ParameterReading;
import dev.kiln.processor.binding.PathParameter;
import dev.kiln.processor.binding.RequestBody;
import dev.kiln.processor.binding.ResultKind;
import dev.kiln.processor.binding.ResultKinds;
import dev.kiln.processor.binding.ResultReading;
import dev.kiln.processor.model.Conditions;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataShapes;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.PathTemplate;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Annotations annotations;
  private final TypeSupport typeSupport;
  private final MiddlewareReader middlewares;
  private final ConstraintReader constraintReader;
  private final DataTypeReader dataTypes;
  private final ConditionReader conditionReader;

  public HandlerReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.annotations = new Annotations(elements);
    this.typeSupport = new TypeSupport(types);
    this.middlewares = new MiddlewareReader(elements, types, diagnostics);
    this.constraintReader = new ConstraintReader(elements, types, diagnostics);
    this.dataTypes = new DataTypeReader(elements, types, constraintReader);
    this.conditionReader = new ConditionReader(annotations, diagnostics);
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
    if (!name.isEmpty() && !RouteNames.isRouteName(name)) {
      diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, RouteNames.problem(name),
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
    if (!name.isEmpty() && !RouteNames.isRouteName(name)) {
      diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, RouteNames.problem(name),
          new Location(method, route, Annotations.explicit(route, "name")));
      return null;
    }
    String fullName = name.isEmpty() ? "" : group.name().isEmpty() ? name : group.name() + "." + name;
    long maxBodySize = limit(method, route, "maxBodySize", "bytes");
    long timeoutMillis = limit(method, route, "timeoutMillis", "milliseconds");
    if (maxBodySize == 0 || timeoutMillis == 0) {
      return null;
    }

    Conditions conditions = conditionReader.read(method, route, group.mirror());
    List<Binding> params = readParams(method, template, pathValue);
    if (params == null || conditions == null) {
      return null;
    }
    params = checkConsumed(method, route, group, params, conditions);
    if (params == null) {
      return null;
    }
    Result result = readResult(method);
    if (result == null) {
      return null;
    }
    String httpMethod = annotations.enumName(route, "method");
    String refusal = result.kind().refusal(httpMethod, method.getSimpleName().toString());
    if (refusal != null) {
      diagnostics.error(DiagnosticCode.UNSUPPORTED_RETURN_TYPE, refusal,
          new Location(method, route, Annotations.explicit(route, "method")));
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
    return new HandlerRoute(httpMethod, template, fullName,
        method.getSimpleName().toString(), parameterTypes, binder, method.getModifiers().contains(Modifier.STATIC),
        blocking, result.async(), result.kind(), params, group.name(),
        both(method, KilnNames.USE), both(method, KilnNames.SKIP), maxBodySize, timeoutMillis,
        Javadoc.description(elements.getDocComment(method)), conditions);
  }

  /**
   * The parameters with the body told what the route consumes; {@code null} after reporting a body
   * or form field the route's {@code consumes} cannot carry. Without {@code consumes}, a {@code @Body}
   * reads JSON only, so a record holding files needs {@code consumes = Route.MULTIPART}.
   */
  private List<Binding> checkConsumed(ExecutableElement method, AnnotationMirror route, Group group, List<Binding> params,
      Conditions conditions) {
    List<String> consumes = conditions.consumes();
    Location consumesValue = Annotations.explicit(route, "consumes") != null || group.mirror() == null
        ? new Location(method, route, Annotations.explicit(route, "consumes"))
        : new Location(method.getEnclosingElement(), group.mirror(), Annotations.explicit(group.mirror(), "consumes"));
    boolean ok = true;
    List<Binding> checked = new ArrayList<>();
    for (Binding param : params) {
      if (param instanceof RequestBody body) {
        String shown = body.bodyType() instanceof ClassName name ? String.join(".", name.simpleNames())
            : body.bodyType().toString();
        boolean files = DataShapes.hasFiles(body.data());
        if (consumes.isEmpty() && files) {
          diagnostics.error(DiagnosticCode.INVALID_BODY, "@Body " + shown + " holds files, which only a multipart "
              + "form carries; add consumes = Route.MULTIPART to the @Route (Kiln reads bodies from forms only where "
              + "the route says so, because any site can make a browser post a form)", parameterOf(method, body));
          ok = false;
        }
        for (String type : consumes) {
          String problem = null;
          if (RequestBody.isJson(type)) {
            problem = files ? "@Body " + shown + " holds files, which JSON cannot carry; remove \"" + type
                + "\" from consumes" : null;
          } else if (type.equals(Conditions.FORM) || type.equals(Conditions.MULTIPART)) {
            problem = DataShapes.isFormBindable(body.data()) ? null : "@Body " + shown + " cannot be read from a "
                + "form, whose fields are flat values, lists of values and files; remove \"" + type
                + "\" from consumes, or flatten the record";
          } else {
            problem = "@Body reads JSON and forms, not " + type + "; remove it from consumes, or take the Request "
                + "and read request.body() yourself";
          }
          if (problem != null) {
            diagnostics.error(DiagnosticCode.INVALID_BODY, problem, consumesValue);
            ok = false;
          }
        }
        checked.add(body.consuming(consumes));
        continue;
      }
      if (!consumes.isEmpty() && (param instanceof FormField || param instanceof FileField)) {
        boolean file = param instanceof FileField;
        boolean carried = file ? consumes.contains(Conditions.MULTIPART) : conditions.consumesForms();
        if (!carried) {
          diagnostics.error(DiagnosticCode.INVALID_BODY, "parameter '" + param.javaName() + "' is a "
              + (file ? "file, which only a multipart form carries" : "form field") + ", but the route consumes "
              + String.join(", ", consumes) + "; add " + (file ? "Route.MULTIPART" : "Route.FORM or Route.MULTIPART")
              + " to consumes", consumesValue);
          ok = false;
        }
      }
      checked.add(param);
    }
    return ok ? checked : null;
  }

  private static Element parameterOf(ExecutableElement method, Binding binding) {
    return method.getParameters().stream()
        .filter(p -> p.getSimpleName().contentEquals(binding.javaName()))
        .findFirst()
        .map(Element.class::cast)
        .orElse(method);
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

  private List<Binding> readParams(ExecutableElement method, PathTemplate template, Location pathValue) {
    List<Binding> params = new ArrayList<>();
    Set<String> boundPath = new LinkedHashSet<>();
    Set<String> methodParamNames = new LinkedHashSet<>();
    Set<String> failed = new HashSet<>();
    boolean ok = true;
    for (VariableElement parameter : method.getParameters()) {
      methodParamNames.add(parameter.getSimpleName().toString());
      Binding param = readParam(method, parameter, template);
      if (param == null) {
        ok = false;
        failed.add(parameter.getSimpleName().toString());
      } else {
        if (param instanceof RequestBody && params.stream().anyMatch(RequestBody.class::isInstance)) {
          diagnostics.error(DiagnosticCode.INVALID_BODY, "a request has one body, and " + method.getSimpleName()
              + " already binds it; keep one @Body parameter (a record can hold everything the body carries)",
              parameter);
          ok = false;
          continue;
        }
        params.add(param);
        if (param instanceof PathParameter path) {
          boundPath.add(path.wireName());
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

  /** The parameter's binding, from the first kind that claims it; {@code null} after reporting. */
  private Binding readParam(ExecutableElement method, VariableElement parameter, PathTemplate template) {
    String annotation = null;
    AnnotationMirror mirror = null;
    for (String candidate : BindingKinds.annotations()) {
      AnnotationMirror found = Annotations.find(parameter, candidate);
      if (found != null) {
        if (mirror != null) {
          diagnostics.error(DiagnosticCode.UNBOUND_PARAMETER, "parameter '" + parameter.getSimpleName()
              + "' has more than one of @Query, @Header, @Cookie, @Form and @Body; keep the one it comes from",
              new Location(parameter, found, null));
          return null;
        }
        annotation = candidate;
        mirror = found;
      }
    }
    AnnotationValue explicitName = mirror == null ? null : Annotations.explicit(mirror, "value");
    SourceParameter reading = new SourceParameter(parameter, template, annotation,
        explicitName == null ? "" : (String) explicitName.getValue(), typeSupport, constraintReader, dataTypes,
        diagnostics);
    for (BindingKind kind : BindingKinds.all()) {
      if (kind.claims(reading)) {
        return kind.read(reading);
      }
    }
    reportUnbound(method, parameter, template);
    return null;
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

  /** The (completed) result: whether the method is async, and its kind; {@code null} after reporting. */
  private record Result(HandlerResult kind, boolean async) {}

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
    SourceResult reading = new SourceResult(method, type, dataTypes, diagnostics);
    for (ResultKind kind : ResultKinds.all()) {
      if (kind.claims(reading)) {
        HandlerResult result = kind.read(reading);
        return result == null ? null : new Result(result, async);
      }
    }
    throw new AssertionError("JSON claims every result");
  }

  /** A class's {@code @Routes}: prefix and name, and the annotation for diagnostics. */
  private record Group(String prefix, String name, AnnotationMirror mirror) {}
}
