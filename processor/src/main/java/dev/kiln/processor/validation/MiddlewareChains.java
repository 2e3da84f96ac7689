package dev.kiln.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.MiddlewareDeclaration;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.TableRoute;
import dev.kiln.processor.reading.Annotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Resolves every route's middleware chain and interceptor chain at compile time (scope, then
 * {@code @Use}, minus {@code @Skip}, ordered by {@code order}, middlewares first) and reports what
 * makes a chain ambiguous or impossible.
 */
public final class MiddlewareChains {
  private final Diagnostics diagnostics;

  public MiddlewareChains(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public RouteTable resolve(RouteTable table) {
    Map<ClassName, MiddlewareDeclaration> byType = declarations(table);
    Map<TableRoute, List<MiddlewareDeclaration>> chains = new LinkedHashMap<>();
    Set<String> reportedPairs = new HashSet<>();
    for (TableRoute route : table.routes()) {
      List<MiddlewareDeclaration> chain = new ArrayList<>();
      for (MiddlewareDeclaration declaration : byType.values()) {
        if (declaration.covers(route) || route.use().contains(declaration.type())) {
          chain.add(declaration);
        }
      }
      checkDeclared(route, route.use(), KilnNames.USE, byType);
      checkDeclared(route, route.skip(), KilnNames.SKIP, byType);
      chain.removeIf(declaration -> route.skip().contains(declaration.type()));
      // Middlewares, then interceptors: each kind orders apart.
      chain.sort(Comparator.comparing(MiddlewareDeclaration::kind).thenComparingInt(MiddlewareDeclaration::order));
      for (int i = 1; i < chain.size(); i++) {
        MiddlewareDeclaration first = chain.get(i - 1);
        MiddlewareDeclaration second = chain.get(i);
        if (first.kind() == second.kind() && first.order() == second.order()
            && reportedPairs.add(first.type() + " " + second.type())) {
          diagnostics.error(DiagnosticCode.MIDDLEWARE_ORDER_CONFLICT, first.kind().noun() + "s " + first.type().simpleName()
              + " and " + second.type().simpleName() + " both have order " + first.order() + " in the chain of "
              + route.describe() + " (" + route.handlerReference() + "), so which runs first is undecided; give one "
              + "another order", declarationLocation(second));
        }
      }
      chains.put(route, List.copyOf(chain));
    }
    return table.withChains(chains);
  }

  private Map<ClassName, MiddlewareDeclaration> declarations(RouteTable table) {
    Map<ClassName, MiddlewareDeclaration> byType = new LinkedHashMap<>();
    for (MiddlewareDeclaration declaration : table.middlewares()) {
      MiddlewareDeclaration earlier = byType.putIfAbsent(declaration.type(), declaration);
      if (earlier != null) {
        diagnostics.error(DiagnosticCode.UNDECLARED_MIDDLEWARE, declaration.kind().noun() + " "
            + declaration.type().simpleName() + " is declared twice (by " + declaration.kind().annotation()
            + " on its class and @Install, or by two @Install); keep one",
            declarationLocation(declaration));
      } else if (!declaration.visible()) {
        diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, declaration.kind().noun() + " "
            + declaration.type().canonicalName()
            + " is not public, but " + table.application().simpleName() + "Routes.builder() in package "
            + table.application().packageName() + " takes an instance of it; make it public",
            declarationLocation(declaration));
      }
    }
    return byType;
  }

  private final Map<String, Boolean> reportedUses = new HashMap<>();

  private void checkDeclared(TableRoute route, List<ClassName> named, String annotation,
      Map<ClassName, MiddlewareDeclaration> byType) {
    for (ClassName type : named) {
      if (!byType.containsKey(type) && reportedUses.putIfAbsent(route.handlerReference() + type, true) == null) {
        String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
        diagnostics.error(DiagnosticCode.UNDECLARED_MIDDLEWARE, "@" + simple + "(" + type.simpleName()
            + ".class) on " + route.handlerReference() + " names a middleware the application does not declare; "
            + "annotate " + type.simpleName() + " with @Middleware(order = ...), or @Interceptor(order = ...) for an "
            + "interceptor, or add @Install(value = " + type.simpleName() + ".class, order = ...) to the @Application "
            + "class", location(route.source(), annotation));
      }
    }
  }

  private static Location declarationLocation(MiddlewareDeclaration declaration) {
    Element on = declaration.declaredOn();
    AnnotationMirror mirror = Annotations.find(on, KilnNames.MIDDLEWARE);
    if (mirror == null) {
      mirror = Annotations.find(on, KilnNames.INTERCEPTOR);
    }
    if (mirror == null) {
      mirror = Annotations.find(on, KilnNames.INSTALL);
    }
    if (mirror == null) {
      mirror = Annotations.find(on, KilnNames.INSTALL_LIST);
    }
    return new Location(on, mirror, null);
  }

  /** The {@code @Use}/{@code @Skip} on the route's method, else on its class, else the method. */
  private static Location location(Element method, String annotation) {
    AnnotationMirror mirror = Annotations.find(method, annotation);
    if (mirror != null) {
      return new Location(method, mirror, null);
    }
    Element type = method.getEnclosingElement();
    mirror = type == null ? null : Annotations.find(type, annotation);
    return mirror != null ? new Location(type, mirror, null) : Location.of(method);
  }
}
