package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A middleware or an interceptor the application uses, declared by {@code @Middleware} or
 * {@code @Interceptor} on its class or by {@code @Install} on the application. Both kinds share the
 * scope rules; they order apart, middlewares around the exchange and interceptors around the call.
 *
 * @param kind which of the two it is
 * @param element the middleware class
 * @param declaredOn where the declaration is written (the class, or the application for {@code @Install})
 * @param visible whether the application's package can name the class (the factory takes an instance)
 * @param provides the classes its {@code @Provides} hands to the handlers of its chains
 */
public record MiddlewareDeclaration(
    ClassName type,
    Kind kind,
    int order,
    List<String> paths,
    List<String> groups,
    boolean optIn,
    TypeElement element,
    Element declaredOn,
    boolean visible,
    List<ClassName> provides) {

  /** What the class is, by the interface it implements. */
  public enum Kind {
    MIDDLEWARE("middleware", "@Middleware", "Middleware.Handler"),
    INTERCEPTOR("interceptor", "@Interceptor", "Interceptor.Handler");

    private final String noun;
    private final String annotation;
    private final String handler;

    Kind(String noun, String annotation, String handler) {
      this.noun = noun;
      this.annotation = annotation;
      this.handler = handler;
    }

    /** "middleware" or "interceptor", for messages. */
    public String noun() {
      return noun;
    }

    /** The annotation that declares one on its class. */
    public String annotation() {
      return annotation;
    }

    /** The interface its class implements. */
    public String handler() {
      return handler;
    }
  }

  public MiddlewareDeclaration {
    paths = List.copyOf(paths);
    groups = List.copyOf(groups);
    provides = List.copyOf(provides);
  }

  /** Whether it covers every route (and, a middleware, the requests no route matched). */
  public boolean isGlobal() {
    return paths.isEmpty() && groups.isEmpty() && !optIn;
  }

  public boolean isInterceptor() {
    return kind == Kind.INTERCEPTOR;
  }

  /** Whether one of its path prefixes covers {@code path}, segment-wise: {@code /api} covers {@code /api/x}, not {@code /apix}. */
  public boolean coversPath(String path) {
    for (String prefix : paths) {
      if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  /** Whether its scope covers {@code route}, before {@code @Use} and {@code @Skip}. */
  public boolean covers(TableRoute route) {
    if (optIn) {
      return false;
    }
    if (paths.isEmpty() && groups.isEmpty()) {
      return true;
    }
    if (coversPath(route.template().text())) {
      return true;
    }
    for (String group : groups) {
      if (route.group().equals(group) || route.group().startsWith(group + ".")) {
        return true;
      }
    }
    return false;
  }
}
