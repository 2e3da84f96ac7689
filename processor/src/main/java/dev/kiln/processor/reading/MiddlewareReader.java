package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.MiddlewareDeclaration.Kind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads middleware and interceptor declarations: {@code @Middleware} and {@code @Interceptor}
 * classes (checked here, then recorded in a marker) and {@code @Install} on the application, and the
 * {@code @Use}/{@code @Skip} lists of handlers.
 */
public final class MiddlewareReader {
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final Annotations annotations;

  public MiddlewareReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.annotations = new Annotations(elements);
  }

  /** What a {@code @Middleware} or {@code @Interceptor} class declares, for its marker. */
  public record Declared(ClassName type, Kind kind, int order, List<String> paths, List<String> groups,
      boolean optIn) {}

  /** Checks a class annotated as {@code kind}; {@code null} after reporting what is wrong. */
  public Declared read(TypeElement type, Kind kind) {
    String annotation = kind == Kind.INTERCEPTOR ? KilnNames.INTERCEPTOR : KilnNames.MIDDLEWARE;
    AnnotationMirror mirror = Annotations.find(type, annotation);
    if (kind == Kind.MIDDLEWARE && Annotations.find(type, KilnNames.INTERCEPTOR) != null) {
      diagnostics.error(DiagnosticCode.NOT_A_MIDDLEWARE, "class " + type.getSimpleName() + " is annotated both "
          + "@Middleware and @Interceptor; keep the one that matches the interface it implements",
          new Location(type, mirror, null));
      return null;
    }
    if (!implementsType(type.asType(), kind == Kind.INTERCEPTOR ? KilnNames.INTERCEPTOR_HANDLER
        : KilnNames.MIDDLEWARE_HANDLER)) {
      String method = kind == Kind.INTERCEPTOR
          ? "<T> T intercept(Request, Interceptor.Call<T>)"
          : "handle(Request, Middleware.Next)";
      diagnostics.error(DiagnosticCode.NOT_A_MIDDLEWARE, kind.annotation() + " class " + type.getSimpleName()
          + " does not implement " + kind.handler() + "; add `implements " + kind.handler() + "` and its " + method
          + " method", new Location(type, mirror, null));
      return null;
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS
        || isPrivate(type) || !type.getTypeParameters().isEmpty()) {
      diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, kind.annotation() + " class " + type.getSimpleName()
          + " must be a non-private, non-generic top-level or member class: the generated factory takes an "
          + "instance of it", new Location(type, mirror, null));
      return null;
    }
    List<String> paths = checkedPaths(type, mirror);
    if (paths == null) {
      return null;
    }
    return new Declared(ClassName.get(type), kind, annotations.integer(mirror, "order"), paths,
        annotations.strings(mirror, "groups"), annotations.bool(mirror, "optIn"));
  }

  /** The application's {@code @Install}s, in source order; a non-middleware is reported and left out. */
  public List<MiddlewareDeclaration> installs(TypeElement application, String applicationPackage) {
    List<AnnotationMirror> installs = new ArrayList<>();
    AnnotationMirror single = Annotations.find(application, KilnNames.INSTALL);
    if (single != null) {
      installs.add(single);
    }
    AnnotationMirror list = Annotations.find(application, KilnNames.INSTALL_LIST);
    if (list != null) {
      installs.addAll(annotations.annotations(list, "value"));
    }
    List<MiddlewareDeclaration> declarations = new ArrayList<>();
    for (AnnotationMirror install : installs) {
      // An unresolved class is javac's to report ("cannot find symbol"): it reaches here as an error
      // type, or as the string "<error>".
      if (!(annotations.value(install, "value").getValue() instanceof DeclaredType type)
          || type.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) type.asElement();
      Kind kind = kindOf(type);
      if (kind == null) {
        diagnostics.error(DiagnosticCode.NOT_A_MIDDLEWARE, "@Install(" + element.getSimpleName() + ".class) names "
            + "a class that implements neither Middleware.Handler nor Interceptor.Handler; install a middleware or "
            + "an interceptor", new Location(application, install, Annotations.explicit(install, "value")));
        continue;
      }
      List<String> paths = checkedPaths(application, install);
      if (paths == null) {
        continue;
      }
      declarations.add(new MiddlewareDeclaration(ClassName.get(element), kind, annotations.integer(install, "order"), paths,
          annotations.strings(install, "groups"), annotations.bool(install, "optIn"), element, application,
          TypeSupport.isVisibleFrom(element, applicationPackage), provides(element)));
    }
    return declarations;
  }

  /** A middleware marker read back, or {@code null} when its class is gone. */
  public MiddlewareDeclaration fromMarker(AnnotationMirror marker, String applicationPackage) {
    TypeElement element = elements.getTypeElement(annotations.string(marker, "type"));
    if (element == null) {
      return null;
    }
    Kind kind = annotations.bool(marker, "interceptor") ? Kind.INTERCEPTOR : Kind.MIDDLEWARE;
    return new MiddlewareDeclaration(ClassName.get(element), kind, annotations.integer(marker, "order"),
        annotations.strings(marker, "paths"), annotations.strings(marker, "groups"), annotations.bool(marker, "optIn"),
        element, element, TypeSupport.isVisibleFrom(element, applicationPackage), provides(element));
  }

  /** The classes a middleware's {@code @Provides} names, read from its class, source or compiled. */
  private List<ClassName> provides(TypeElement middleware) {
    return classes(middleware, KilnNames.PROVIDES);
  }

  /**
   * Checks a {@code @Provides} class: only a middleware hands values to handlers, since an
   * interceptor runs after the handler's parameters are bound. Returns whether it is one.
   */
  public boolean checkProvider(TypeElement type) {
    if (implementsType(type.asType(), KilnNames.MIDDLEWARE_HANDLER)) {
      return true;
    }
    diagnostics.error(DiagnosticCode.NOT_A_MIDDLEWARE, "@Provides on " + type.getSimpleName() + ": only a "
        + "middleware (a Middleware.Handler) hands values to handlers, before their parameters are bound; "
        + "provide the value from a middleware", new Location(type, Annotations.find(type, KilnNames.PROVIDES), null));
    return false;
  }

  /** The classes named by a {@code @Use} or {@code @Skip} on {@code element}, or none. */
  public List<ClassName> classes(Element element, String annotationType) {
    AnnotationMirror mirror = Annotations.find(element, annotationType);
    if (mirror == null) {
      return List.of();
    }
    List<ClassName> names = new ArrayList<>();
    for (AnnotationValue value : annotations.values(mirror, "value")) {
      if (value.getValue() instanceof DeclaredType declared) {
        names.add(ClassName.get((TypeElement) declared.asElement()));
      }
    }
    return names;
  }

  private List<String> checkedPaths(Element element, AnnotationMirror mirror) {
    List<String> paths = annotations.strings(mirror, "paths");
    for (String path : paths) {
      if (!path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
        diagnostics.error(DiagnosticCode.INVALID_MIDDLEWARE_SCOPE, "middleware path prefix \"" + path + "\" must start "
            + "with '/' and not end with one, e.g. \"/" + path.replaceAll("^/+|/+$", "") + "\"",
            new Location(element, mirror, Annotations.explicit(mirror, "paths")));
        return null;
      }
    }
    return paths;
  }

  /** Which kind {@code type} is by the interface it implements; {@code null} for neither. */
  private Kind kindOf(TypeMirror type) {
    if (implementsType(type, KilnNames.MIDDLEWARE_HANDLER)) {
      return Kind.MIDDLEWARE;
    }
    return implementsType(type, KilnNames.INTERCEPTOR_HANDLER) ? Kind.INTERCEPTOR : null;
  }

  private boolean implementsType(TypeMirror type, String name) {
    TypeElement handler = elements.getTypeElement(name);
    return handler != null && types.isAssignable(types.erasure(type), types.erasure(handler.asType()));
  }

  private static boolean isPrivate(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
