package dev.kiln.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.TableHandler;
import dev.kiln.processor.reading.HandlerReader;
import dev.kiln.processor.reading.MarkerReader;
import dev.kiln.processor.reading.MiddlewareReader;
import dev.kiln.processor.validation.MiddlewareChains;
import dev.kiln.processor.validation.ProvidedValues;
import dev.kiln.processor.validation.Languages;
import dev.kiln.processor.validation.RouteTableValidator;
import dev.kiln.processor.writing.EndpointsWriter;
import dev.kiln.processor.writing.MarkerWriter;
import dev.kiln.processor.model.HandlerClass;
import dev.kiln.processor.model.RowModel;
import dev.kiln.processor.model.SettingsModel;
import dev.kiln.processor.model.TemplateModel;
import dev.kiln.processor.reading.Javadoc;
import dev.kiln.processor.reading.RowReader;
import dev.kiln.processor.reading.SettingsReader;
import dev.kiln.processor.reading.AssetReader;
import dev.kiln.processor.reading.TemplateReader;
import dev.kiln.processor.writing.RowWriter;
import dev.kiln.processor.writing.SettingsWriter;
import dev.kiln.processor.writing.AssetsWriter;
import dev.kiln.processor.writing.TemplatesWriter;
import dev.kiln.processor.writing.OpenApiWriter;
import dev.kiln.processor.writing.RouteListWriter;
import dev.kiln.processor.writing.RoutesWriter;
import dev.kiln.processor.writing.UrlsWriter;
import dev.kiln.processor.writing.ClientWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.StandardLocation;

/**
 * Kiln's annotation processor. Per handler class it writes the routes' binding code and a marker
 * (isolating: each depends on its own class only); once every handler of the compilation has its
 * marker, it reads all markers, sources and classpath alike, validates the whole table and writes
 * {@code <App>Routes}, {@code <App>Urls} and {@code META-INF/kiln/routes.txt} (aggregating).
 *
 * <p>When validation fails the public classes are still written, with bodies that throw, so the
 * user sees Kiln's precise errors rather than "cannot find symbol".
 */
@AutoService(Processor.class)
public final class KilnProcessor extends AbstractProcessor {
  private Diagnostics diagnostics;
  private HandlerReader handlerReader;
  private SettingsReader settingsReader;
  private RowReader rowReader;
  private MarkerReader markerReader;
  private MiddlewareReader middlewareReader;
  private Languages languages;
  private Filer filer;

  private final Set<String> deferredHandlers = new LinkedHashSet<>();
  /** Handler and middleware classes of this compilation, to check they sit under the application. */
  private final Set<String> contributors = new LinkedHashSet<>();
  private final List<TypeElement> applications = new ArrayList<>();
  /** The jte templates of this compilation, written as {@code <App>Templates} with the root. */
  private final List<TemplateModel> templates = new ArrayList<>();
  /** The first route seen, by class and method name: elements of an earlier round may be stale. */
  private String[] firstRoute;
  private boolean handlersSeen;
  private boolean rootWritten;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    diagnostics = new Diagnostics(environment.getMessager());
    languages = new Languages();
    handlerReader = new HandlerReader(environment.getElementUtils(), environment.getTypeUtils(), diagnostics);
    middlewareReader = new MiddlewareReader(environment.getElementUtils(), environment.getTypeUtils(), diagnostics);
    markerReader = new MarkerReader(environment.getElementUtils(), environment.getTypeUtils(), languages,
        middlewareReader, diagnostics);
    settingsReader = new SettingsReader(environment.getElementUtils(), environment.getTypeUtils(), diagnostics);
    rowReader = new RowReader(diagnostics);
    filer = environment.getFiler();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(KilnNames.ROUTE, KilnNames.APPLICATION, KilnNames.ROUTES, KilnNames.NON_BLOCKING,
        KilnNames.QUERY, KilnNames.HEADER, KilnNames.COOKIE, KilnNames.AGGREGATED_ROUTES,
        KilnNames.AGGREGATED_APPLICATION, KilnNames.MIDDLEWARE, KilnNames.INTERCEPTOR, KilnNames.USE, KilnNames.SKIP, KilnNames.INSTALL,
        KilnNames.INSTALL_LIST, KilnNames.PROVIDES, KilnNames.AGGREGATED_MIDDLEWARE, KilnNames.BODY, KilnNames.FORM, KilnNames.SETTINGS,
        KilnNames.DEFAULT, KilnNames.SECRET, KilnNames.DOC, KilnNames.ROW, KilnNames.COLUMN);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      return true;
    }
    processSettings(round);
    processRows(round);
    collectTemplates(round);
    if (rootWritten) {
      return true;
    }
    TypeElement application = processingEnv.getElementUtils().getTypeElement(KilnNames.APPLICATION);
    if (application != null) {
      applications.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(application)));
    }
    boolean wroteHandlers = processHandlers(round) | processMiddlewares(round);
    if (!wroteHandlers && deferredHandlers.isEmpty() && (handlersSeen || !applications.isEmpty())) {
      // Every handler's marker now exists (written in an earlier round or compiled before).
      writeRoot();
      rootWritten = true;
    }
    return true; // Kiln's annotations are Kiln's alone: claiming them keeps -Xlint:processing quiet
  }

  /** Reads this round's handler classes and those deferred; returns whether anything was written. */
  private boolean processHandlers(RoundEnvironment round) {
    Map<TypeElement, List<ExecutableElement>> handlers = new LinkedHashMap<>();
    TypeElement routeAnnotation = processingEnv.getElementUtils().getTypeElement(KilnNames.ROUTE);
    if (routeAnnotation != null) {
      for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(routeAnnotation))) {
        handlers.computeIfAbsent((TypeElement) method.getEnclosingElement(), h -> new ArrayList<>()).add(method);
        if (firstRoute == null) {
          firstRoute = new String[] {
              ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(),
              method.getSimpleName().toString()};
        }
      }
    }
    for (String deferred : deferredHandlers) {
      TypeElement handler = processingEnv.getElementUtils().getTypeElement(deferred);
      if (handler != null && !handlers.containsKey(handler)) {
        handlers.put(handler, routeMethods(handler));
      }
    }
    deferredHandlers.clear();
    boolean wrote = false;
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : handlers.entrySet()) {
      TypeElement handler = entry.getKey();
      handlersSeen = true;
      if (handlerReader.needsAnotherRound(entry.getValue())) {
        deferredHandlers.add(handler.getQualifiedName().toString());
        continue; // a type in its signatures is generated by another processor, later
      }
      contributors.add(handler.getQualifiedName().toString());
      HandlerClass model = handlerReader.read(handler, entry.getValue());
      if (model != null) {
        if (!model.routes().isEmpty()) {
          write(EndpointsWriter.write(model), handler);
        }
        write(MarkerWriter.handlerMarker(model), handler);
        wrote = true;
      }
    }
    return wrote;
  }

  /** Writes {@code <Name>Values} for each {@code @Settings} interface of the round. */
  private void processSettings(RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(KilnNames.SETTINGS);
    if (annotation == null) {
      return;
    }
    for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
      SettingsModel model = settingsReader.read(type);
      if (model != null) {
        write(SettingsWriter.write(model), type);
      }
    }
  }

  /** Keeps the round's jte templates (the classes jte's plugin generated from {@code src/main/jte}) for {@code <App>Templates}. */
  private void collectTemplates(RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      TemplateModel template = TemplateReader.read(type);
      if (template != null) {
        templates.add(template);
      }
    }
  }

  /** Writes {@code <Record>Row} for each {@code @Row} record of the round, where kiln-jdbi is on the classpath. */
  private void processRows(RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(KilnNames.ROW);
    if (annotation == null) {
      return;
    }
    for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
      RowModel model = rowReader.read(type);
      if (model != null) {
        write(RowWriter.write(model), type);
      }
    }
  }

  /** Writes a marker for each {@code @Middleware} and {@code @Interceptor} class of the round; returns whether any was written. */
  private boolean processMiddlewares(RoundEnvironment round) {
    TypeElement provides = processingEnv.getElementUtils().getTypeElement(KilnNames.PROVIDES);
    if (provides != null) {
      ElementFilter.typesIn(round.getElementsAnnotatedWith(provides)).forEach(middlewareReader::checkProvider);
    }
    return processMiddlewares(round, KilnNames.MIDDLEWARE, MiddlewareDeclaration.Kind.MIDDLEWARE)
        | processMiddlewares(round, KilnNames.INTERCEPTOR, MiddlewareDeclaration.Kind.INTERCEPTOR);
  }

  private boolean processMiddlewares(RoundEnvironment round, String annotationName, MiddlewareDeclaration.Kind kind) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(annotationName);
    if (annotation == null) {
      return false;
    }
    boolean wrote = false;
    for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
      handlersSeen = true;
      contributors.add(type.getQualifiedName().toString());
      MiddlewareReader.Declared declared = middlewareReader.read(type, kind);
      if (declared != null) {
        write(MarkerWriter.middlewareMarker(declared.type(), declared.kind() == MiddlewareDeclaration.Kind.INTERCEPTOR,
            declared.order(), declared.paths(), declared.groups(), declared.optIn()), type);
        wrote = true;
      }
    }
    return wrote;
  }

  private static List<ExecutableElement> routeMethods(TypeElement handler) {
    return ElementFilter.methodsIn(handler.getEnclosedElements()).stream()
        .filter(m -> dev.kiln.processor.reading.Annotations.find(m, KilnNames.ROUTE) != null)
        .toList();
  }

  private void writeRoot() {
    List<TypeElement> applications = this.applications.stream()
        .map(a -> processingEnv.getElementUtils().getTypeElement(a.getQualifiedName()))
        .toList();
    if (applications.size() > 1) {
      for (TypeElement application : applications) {
        diagnostics.error(DiagnosticCode.DUPLICATE_APPLICATION, "a module has one @Application, but "
            + applications.stream().map(a -> a.getQualifiedName().toString()).toList() + " are all annotated; "
            + "keep it on the class the generated Routes and Urls should be named after", application);
      }
      return;
    }
    TypeElement application = applications.isEmpty() ? markerReader.applicationFromClasspath() : applications.get(0);
    if (application == null) {
      diagnostics.error(DiagnosticCode.MISSING_APPLICATION, "@Route methods need an @Application class in the same "
          + "module, which the generated route table is named after; add e.g. "
          + "`@Application public final class MyApp {}`", firstRouteElement());
      return;
    }
    String applicationPackage = ClassName.get(application).packageName();
    for (String contributor : contributors) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(contributor);
      String packageName = type == null ? "" : ClassName.get(type).packageName();
      if (type != null && !MarkerReader.isUnder(packageName, applicationPackage)) {
        diagnostics.error(DiagnosticCode.OUTSIDE_APPLICATION, type.getSimpleName() + " is in package " + packageName
            + ", outside " + application.getSimpleName() + "'s package " + applicationPackage + ", so "
            + application.getSimpleName() + "Routes would not include it: an application takes the handlers and "
            + "middlewares of its package and the packages below it; move " + type.getSimpleName() + " there", type);
      }
    }
    RouteTable table = new MiddlewareChains(diagnostics).resolve(markerReader.read(application));
    new RouteTableValidator(diagnostics, languages).validate(table);
    new ProvidedValues(diagnostics).check(table);
    boolean skeleton = diagnostics.hasErrors();
    Element[] origins = originatingElements(application, table);
    write(RoutesWriter.write(table, skeleton), origins);
    write(UrlsWriter.write(table, skeleton), origins);
    write(ClientWriter.write(table, skeleton), origins);
    if (!templates.isEmpty() && !applications.isEmpty()) {
      boolean reload = processingEnv.getElementUtils().getTypeElement(TemplatesWriter.RELOAD.canonicalName()) != null;
      write(TemplatesWriter.write(ClassName.get(application), templates, reload), application);
    }
    if (!skeleton) {
      java.net.URI routeList = writeResource(RouteListWriter.RESOURCE, RouteListWriter.write(table), origins);
      if (!applications.isEmpty()) {
        writeAssets(application, routeList);
      }
      writeResource(OpenApiWriter.RESOURCE, openApi(application, table), origins);
      if (!applications.isEmpty()) {
        write(MarkerWriter.applicationMarker(ClassName.get(application)), application);
      }
    }
  }

  /** The OpenAPI document, from the operations the handlers' markers carry. */
  private String openApi(TypeElement application, RouteTable table) {
    AnnotationMirror annotation = dev.kiln.processor.reading.Annotations.find(application, KilnNames.APPLICATION);
    dev.kiln.processor.reading.Annotations values =
        new dev.kiln.processor.reading.Annotations(processingEnv.getElementUtils());
    String title = values.string(annotation, "title");
    return OpenApiWriter.write(table, title.isEmpty() ? application.getSimpleName().toString() : title,
        values.string(annotation, "version"),
        Javadoc.description(processingEnv.getElementUtils().getDocComment(application)));
  }

  private Element firstRouteElement() {
    TypeElement handler = processingEnv.getElementUtils().getTypeElement(firstRoute[0]);
    return routeMethods(handler).stream()
        .filter(m -> m.getSimpleName().contentEquals(firstRoute[1]))
        .findFirst()
        .map(Element.class::cast)
        .orElse(handler);
  }

  private static Element[] originatingElements(TypeElement application, RouteTable table) {
    List<Element> origins = new ArrayList<>();
    origins.add(application);
    for (TableHandler handler : table.handlers()) {
      origins.add(handler.element());
    }
    table.middlewares().forEach(m -> origins.add(m.element()));
    return origins.toArray(new Element[0]);
  }

  private void write(JavaFile file, Element... origins) {
    try {
      com.palantir.javapoet.TypeSpec.Builder withOrigins = file.typeSpec().toBuilder();
      for (Element origin : origins) {
        withOrigins.addOriginatingElement(origin);
      }
      JavaFile.builder(file.packageName(), withOrigins.build())
          .skipJavaLangImports(true)
          .build()
          .writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException("Kiln could not write " + file.packageName() + "." + file.typeSpec().name(), e);
    }
  }

  /** Writes a resource to the class output; returns where it went. */
  private java.net.URI writeResource(String name, String content, Element... origins) {
    try {
      javax.tools.FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
      try (Writer writer = resource.openWriter()) {
        writer.write(content);
      }
      return resource.toUri();
    } catch (IOException e) {
      throw new UncheckedIOException("Kiln could not write " + name, e);
    }
  }

  /**
   * Writes {@code <App>Assets} for the static folder the build copied to the class output, found
   * beside {@code resource}, which Kiln just wrote there ({@code Filer} cannot name a folder).
   */
  private void writeAssets(TypeElement application, java.net.URI resource) {
    String folder = new dev.kiln.processor.reading.Annotations(processingEnv.getElementUtils())
        .string(dev.kiln.processor.reading.Annotations.find(application, KilnNames.APPLICATION), "assets");
    List<String> assets = AssetReader.list(resource, RouteListWriter.RESOURCE, folder);
    if (!assets.isEmpty()) {
      write(AssetsWriter.write(ClassName.get(application), folder, assets), application);
    }
  }
}
