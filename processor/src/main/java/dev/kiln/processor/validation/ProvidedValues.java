package dev.kiln.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.Provision;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.TableRoute;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks that every provided-value parameter has a {@code @Provides} middleware in its route's
 * chain, now that the chains are resolved: a handler never waits for a value nothing sets.
 */
public final class ProvidedValues {
  private final Diagnostics diagnostics;

  public ProvidedValues(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(RouteTable table) {
    for (TableRoute route : table.routes()) {
      for (Provision provision : route.provisions()) {
        List<MiddlewareDeclaration> chain = table.middlewareChain(route);
        if (chain.stream().noneMatch(m -> m.provides().contains(provision.type()))) {
          report(table, route, chain, provision);
        }
      }
    }
  }

  private void report(RouteTable table, TableRoute route, List<MiddlewareDeclaration> chain, Provision provision) {
    String type = provision.type().simpleName();
    List<ClassName> elsewhere = table.middlewares().stream()
        .filter(m -> !m.isInterceptor() && m.provides().contains(provision.type()))
        .map(MiddlewareDeclaration::type)
        .toList();
    String names = chain.isEmpty() ? "it has none"
        : "its chain is " + chain.stream().map(m -> m.type().simpleName()).collect(Collectors.joining(", "));
    String message = "parameter '" + provision.parameter() + "' of " + route.handlerReference() + " takes a " + type
        + " from a middleware, but no middleware in the chain of " + route.describe() + " provides one (" + names
        + "); ";
    if (!elsewhere.isEmpty()) {
      String provider = elsewhere.get(0).simpleName();
      message += provider + " provides " + type + " but does not cover this route: widen its paths or groups, or "
          + "add @Use(" + provider + ".class) to the route";
    } else if (provision.type().canonicalName().equals(KilnNames.SESSION)) {
      message += "install the session middleware on the application class, @Install(value = "
          + "dev.kiln.session.Sessions.class, order = ...), and hand the routes builder one: "
          + ".sessions(Sessions.fromSettings(settings, store))";
    } else {
      message += "annotate the middleware that sets it with @Provides(" + type + ".class) and call "
          + "request.provide(" + type + ".class, value) there; or, if it is the request body, annotate the "
          + "parameter with @Body";
    }
    diagnostics.error(DiagnosticCode.MISSING_PROVIDER, message, parameter(route.source(), provision.parameter()));
  }

  /** The parameter itself when the handler method is at hand, else the method or class. */
  private static Element parameter(Element source, String name) {
    if (source instanceof ExecutableElement method) {
      for (VariableElement parameter : method.getParameters()) {
        if (parameter.getSimpleName().contentEquals(name)) {
          return parameter;
        }
      }
    }
    return source;
  }
}
