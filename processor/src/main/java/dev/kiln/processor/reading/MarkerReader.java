package dev.kiln.processor.reading;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kiln.grammar.PercentEncoding;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.model.ClientCall;
import dev.kiln.processor.model.Conditions;
import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.PathParamType;
import dev.kiln.processor.model.PathTemplate;
import dev.kiln.processor.model.Provision;
import dev.kiln.processor.model.QueryParamType;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableHandler;
import dev.kiln.processor.model.TableRoute;
import dev.kiln.processor.model.TypeNotation;
import dev.kiln.processor.model.ValueType;
import dev.kiln.processor.validation.Languages;
import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads every handler marker visible to the compilation (written this compilation or found on the
 * classpath) into the application's {@link RouteTable}. Because it reads markers and not the
 * round's elements, recompiling one handler still yields the whole table.
 */
public final class MarkerReader {
  private final Elements elements;
  private final Annotations annotations;
  private final TypeSupport typeSupport;
  private final Languages languages;
  private final Types types;
  private final MiddlewareReader middlewareReader;
  private final Diagnostics diagnostics;
  private String applicationPackage = "";

  public MarkerReader(Elements elements, Types types, Languages languages, MiddlewareReader middlewareReader,
      Diagnostics diagnostics) {
    this.middlewareReader = middlewareReader;
    this.diagnostics = diagnostics;
    this.types = types;
    this.elements = elements;
    this.annotations = new Annotations(elements);
    this.typeSupport = new TypeSupport(types);
    this.languages = languages;
  }

  /** The application named by an application marker on the classpath, or {@code null}. */
  public TypeElement applicationFromClasspath() {
    PackageElement markers = elements.getPackageElement(KilnNames.AGGREGATED_APPLICATIONS_PACKAGE);
    if (markers == null) {
      return null;
    }
    for (Element marker : markers.getEnclosedElements()) {
      AnnotationMirror mirror = Annotations.find(marker, KilnNames.AGGREGATED_APPLICATION);
      if (mirror != null) {
        TypeElement application = elements.getTypeElement(annotations.string(mirror, "value"));
        if (application != null && Annotations.find(application, KilnNames.APPLICATION) != null) {
          return application;
        }
      }
    }
    return null;
  }

  public RouteTable read(TypeElement applicationElement) {
    ClassName application = ClassName.get(applicationElement);
    this.applicationPackage = application.packageName();
    List<TableHandler> handlers = new ArrayList<>();
    List<TableRoute> routes = new ArrayList<>();
    PackageElement markers = elements.getPackageElement(KilnNames.AGGREGATED_ROUTES_PACKAGE);
    List<TypeElement> markerTypes = markers == null ? List.of() : markers.getEnclosedElements().stream()
        .filter(e -> e instanceof TypeElement)
        .map(e -> (TypeElement) e)
        .sorted(Comparator.comparing(e -> e.getQualifiedName().toString()))
        .toList();
    for (TypeElement marker : markerTypes) {
      AnnotationMirror mirror = Annotations.find(marker, KilnNames.AGGREGATED_ROUTES);
      if (mirror == null) {
        continue;
      }
      TypeElement handlerElement = elements.getTypeElement(annotations.string(mirror, "handler"));
      if (handlerElement == null || !isInApplication(handlerElement)) {
        continue; // a stale marker whose handler is gone, or another application's (a library on the classpath)
      }
      AnnotationValue format = Annotations.explicit(mirror, "format");
      int written = format == null ? 1 : ((Number) format.getValue()).intValue();
      if (written != KilnNames.MARKER_FORMAT) {
        diagnostics.error(DiagnosticCode.STALE_MARKER, "the routes of " + handlerElement.getQualifiedName()
            + " were compiled by another Kiln version (marker format " + written + "; this processor reads format "
            + KilnNames.MARKER_FORMAT + "), so its table cannot be trusted; rebuild the module holding "
            + handlerElement.getSimpleName() + " with this Kiln (mvn clean install)", applicationElement);
        continue;
      }
      ClassName handler = ClassName.get(handlerElement);
      ClassName endpoints = ClassName.bestGuess(annotations.string(mirror, "endpoints"));
      handlers.add(new TableHandler(handler, endpoints, annotations.bool(mirror, "needsInstance"),
          TypeSupport.isVisibleFrom(handlerElement, application.packageName()), handlerElement));
      for (AnnotationMirror entry : annotations.annotations(mirror, "routes")) {
        routes.add(route(handlerElement, handler, endpoints, entry));
      }
    }
    List<MiddlewareDeclaration> declared = new ArrayList<>();
    PackageElement middlewareMarkers = elements.getPackageElement(KilnNames.AGGREGATED_MIDDLEWARES_PACKAGE);
    if (middlewareMarkers != null) {
      middlewareMarkers.getEnclosedElements().stream()
          .sorted(Comparator.comparing(e -> e.getSimpleName().toString()))
          .map(e -> Annotations.find(e, KilnNames.AGGREGATED_MIDDLEWARE))
          .filter(java.util.Objects::nonNull)
          .map(m -> middlewareReader.fromMarker(m, applicationPackage))
          .filter(java.util.Objects::nonNull)
          .filter(m -> isInApplication(m.element()))
          .forEach(declared::add);
    }
    declared.addAll(middlewareReader.installs(applicationElement, applicationPackage));
    return new RouteTable(application, handlers, routes, declared, java.util.Map.of());
  }

  private TableRoute route(TypeElement handlerElement, ClassName handler, ClassName endpoints, AnnotationMirror entry) {
    String templateText = annotations.string(entry, "template");
    PathTemplate template;
    try {
      template = PathTemplate.parse(templateText);
    } catch (PathTemplate.SyntaxError e) {
      throw new IllegalStateException("marker for " + handler + " holds an invalid template " + templateText, e);
    }
    List<PathParamType> params = new ArrayList<>();
    for (AnnotationMirror parameter : annotations.annotations(entry, "pathParameters")) {
      params.add(paramType(annotations.string(parameter, "name"), annotations.string(parameter, "type")));
    }
    List<QueryParamType> query = new ArrayList<>();
    for (AnnotationMirror parameter : annotations.annotations(entry, "queryParameters")) {
      query.add(new QueryParamType(annotations.string(parameter, "name"),
          paramType(annotations.string(parameter, "parameter"), annotations.string(parameter, "type")),
          annotations.bool(parameter, "required")));
    }
    String handlerMethod = annotations.string(entry, "handlerMethod");
    String parameterTypes = annotations.string(entry, "parameterTypes");
    boolean[] exact = {true};
    List<MatchSegment> segments = segments(template, params, exact);
    return new TableRoute(annotations.string(entry, "method"), template, annotations.string(entry, "name"), handler,
        handlerMethod, parameterTypes, endpoints, annotations.string(entry, "binder"),
        annotations.bool(entry, "staticMethod"), annotations.bool(entry, "blocking"), params, segments, exact[0],
        annotations.string(entry, "group"), classNames(entry, "use"), classNames(entry, "skip"),
        ((Number) annotations.value(entry, "maxBodySize").getValue()).longValue(),
        ((Number) annotations.value(entry, "timeoutMillis").getValue()).longValue(),
        String.join("", annotations.strings(entry, "openApi")),
        annotations.annotations(entry, "provisions").stream()
            .map(p -> new Provision(annotations.string(p, "parameter"), ClassName.bestGuess(annotations.string(p, "type"))))
            .toList(),
        query,
        conditions(entry),
        client(entry),
        sourceMethod(handlerElement, handlerMethod, parameterTypes));
  }

  /** How the generated client calls the route; left out when a type it names is not visible from the application. */
  private ClientCall client(AnnotationMirror entry) {
    String omitted = annotations.string(entry, "clientOmitted");
    String result = annotations.string(entry, "clientResult");
    if (!omitted.isEmpty()) {
      return ClientCall.omitted(omitted);
    }
    if (result.isEmpty()) {
      return ClientCall.NONE;
    }
    List<ClientCall.Parameter> parameters = new ArrayList<>();
    List<TypeName> named = new ArrayList<>();
    for (AnnotationMirror parameter : annotations.annotations(entry, "clientParameters")) {
      TypeName type = TypeNotation.read(annotations.string(parameter, "type"));
      named.add(type);
      parameters.add(new ClientCall.Parameter(ClientCall.In.valueOf(annotations.string(parameter, "in").toUpperCase(java.util.Locale.ROOT)),
          annotations.string(parameter, "name"), annotations.string(parameter, "parameter"), type, shape(type)));
    }
    TypeName resultType = result.startsWith("json:") ? TypeNotation.read(result.substring("json:".length())) : null;
    if (resultType != null) {
      named.add(resultType);
    }
    for (TypeName type : named) {
      String hidden = hiddenClass(type);
      if (hidden != null) {
        return ClientCall.omitted("it names " + hidden + ", which " + applicationPackageDescription() + " cannot see");
      }
    }
    ClientCall.Result reads = resultType != null ? ClientCall.Result.JSON
        : ClientCall.Result.valueOf(result.toUpperCase(java.util.Locale.ROOT));
    return new ClientCall(parameters, reads, resultType, "");
  }

  private static Shape shape(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      String raw = parameterized.rawType().canonicalName();
      if (raw.equals("java.util.Optional")) {
        return Shape.OPTIONAL;
      }
      if (raw.equals("java.util.List")) {
        return Shape.LIST;
      }
    }
    return Shape.SINGLE;
  }

  /** The first class in {@code type} that the application's package cannot name, or {@code null}. */
  private String hiddenClass(TypeName type) {
    if (type instanceof ClassName name) {
      TypeElement element = elements.getTypeElement(name.canonicalName());
      return element == null || TypeSupport.isVisibleFrom(element, applicationPackage) ? null : name.canonicalName();
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      String raw = hiddenClass(parameterized.rawType());
      if (raw != null) {
        return raw;
      }
      for (TypeName argument : parameterized.typeArguments()) {
        String hidden = hiddenClass(argument);
        if (hidden != null) {
          return hidden;
        }
      }
      return null;
    }
    if (type instanceof ArrayTypeName array) {
      return hiddenClass(array.componentType());
    }
    if (type instanceof WildcardTypeName wildcard) {
      return hiddenClass(wildcard.lowerBounds().isEmpty() ? wildcard.upperBounds().get(0) : wildcard.lowerBounds().get(0));
    }
    return null;
  }

  private String applicationPackageDescription() {
    return applicationPackage.isEmpty() ? "the unnamed package" : "package " + applicationPackage;
  }

  /** The conditions as the handler's reader normalised them; header conditions are spelled {@code name=value}. */
  private Conditions conditions(AnnotationMirror entry) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (String header : annotations.strings(entry, "headers")) {
      int equals = header.indexOf('=');
      headers.put(equals < 0 ? header : header.substring(0, equals), equals < 0 ? "" : header.substring(equals + 1));
    }
    return new Conditions(annotations.strings(entry, "hosts"), headers, annotations.strings(entry, "consumes"),
        annotations.strings(entry, "produces"));
  }

  /** A parameter's value type, from its name in a marker. */
  private PathParamType paramType(String name, String typeName) {
    TypeMirror type = type(typeName);
    ValueType valueType = typeSupport.scalar(type);
    List<String> constants = valueType == ValueType.ENUM ? enumConstants(type) : List.of();
    boolean visible = valueType != ValueType.ENUM
        || TypeSupport.isVisibleFrom((TypeElement) ((DeclaredType) type).asElement(), applicationPackage);
    return new PathParamType(name, valueType, TypeName.get(type), constants, visible);
  }

  private List<MatchSegment> segments(PathTemplate template, List<PathParamType> params, boolean[] exact) {
    List<MatchSegment> segments = new ArrayList<>();
    int paramIndex = 0;
    List<Segment> templateSegments = template.segments();
    for (int i = 0; i < templateSegments.size(); i++) {
      Segment segment = templateSegments.get(i);
      if (segment instanceof Segment.Literal literal) {
        segments.add(MatchSegment.literal(PercentEncoding.canonicalSegment(literal.text())));
        continue;
      }
      Segment.Param param = (Segment.Param) segment;
      PathParamType type = params.get(paramIndex++);
      MatchSegment.Level level;
      if (param.regex() == null) {
        level = type.type().narrows() ? MatchSegment.Level.CONSTRAINED : MatchSegment.Level.PLAIN;
      } else {
        Automaton language = languages.regex(param.regex());
        exact[0] &= language != null;
        boolean last = i == templateSegments.size() - 1;
        boolean spans = language != null ? Languages.spansSegments(language) : Languages.looksLikeTail(param.regex());
        level = last && spans ? MatchSegment.Level.TAIL : MatchSegment.Level.CONSTRAINED;
      }
      segments.add(new MatchSegment(level, null, param.regex(), type.type(), type.typeName(), type.enumConstants()));
    }
    return segments;
  }

  /** An application aggregates the handlers and middlewares of its package and the packages below it. */
  private boolean isInApplication(TypeElement type) {
    return isUnder(ClassName.get(type).packageName(), applicationPackage);
  }

  /** Whether {@code packageName} is {@code root} or below it; the unnamed package holds everything. */
  public static boolean isUnder(String packageName, String root) {
    return root.isEmpty() || packageName.equals(root) || packageName.startsWith(root + ".");
  }

  private List<ClassName> classNames(AnnotationMirror entry, String attribute) {
    return annotations.strings(entry, attribute).stream().map(ClassName::bestGuess).toList();
  }

  private TypeMirror type(String name) {
    switch (name) {
      case "int": return types.getPrimitiveType(TypeKind.INT);
      case "long": return types.getPrimitiveType(TypeKind.LONG);
      case "double": return types.getPrimitiveType(TypeKind.DOUBLE);
      case "boolean": return types.getPrimitiveType(TypeKind.BOOLEAN);
      default:
        TypeElement element = elements.getTypeElement(name);
        if (element == null) {
          throw new IllegalStateException("a route marker names the unknown type " + name);
        }
        return element.asType();
    }
  }

  private static List<String> enumConstants(TypeMirror type) {
    return ((DeclaredType) type).asElement().getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(e -> e.getSimpleName().toString())
        .toList();
  }

  /** The handler method a marker entry came from, so diagnostics can point at its {@code @Route}. */
  private Element sourceMethod(TypeElement handler, String name, String parameterTypes) {
    for (Element member : handler.getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        String types = method.getParameters().stream()
            .map(p -> typeSupport.erasedName(p.asType()))
            .collect(Collectors.joining(", "));
        if (types.equals(parameterTypes)) {
          return method;
        }
      }
    }
    return handler;
  }
}
