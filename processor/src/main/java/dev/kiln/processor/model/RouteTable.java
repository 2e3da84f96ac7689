package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;

/**
 * Everything the application root is generated from.
 *
 * @param middlewares every middleware the application declares, by class name
 * @param chains each route's middlewares, outermost first (resolved by {@code MiddlewareChains})
 */
public record RouteTable(
    ClassName application,
    List<TableHandler> handlers,
    List<TableRoute> routes,
    List<MiddlewareDeclaration> middlewares,
    Map<TableRoute, List<MiddlewareDeclaration>> chains) {

  public RouteTable {
    handlers = List.copyOf(handlers);
    routes = List.copyOf(routes);
    middlewares = List.copyOf(middlewares);
    chains = Map.copyOf(chains);
  }

  public RouteTable withChains(Map<TableRoute, List<MiddlewareDeclaration>> chains) {
    return new RouteTable(application, handlers, routes, middlewares, chains);
  }

  /** A route's middlewares and interceptors, each kind outermost first. */
  public List<MiddlewareDeclaration> chain(TableRoute route) {
    return chains.getOrDefault(route, List.of());
  }

  /** A route's middlewares, outermost first. */
  public List<MiddlewareDeclaration> middlewareChain(TableRoute route) {
    return chain(route).stream().filter(m -> !m.isInterceptor()).toList();
  }

  /** A route's interceptors, outermost first. */
  public List<MiddlewareDeclaration> interceptorChain(TableRoute route) {
    return chain(route).stream().filter(MiddlewareDeclaration::isInterceptor).toList();
  }

  /** Path prefixes of path-scoped middlewares, longest first: unmatched requests under them get those too. */
  public List<String> unmatchedPrefixes() {
    return middlewares.stream()
        .filter(m -> !m.optIn() && !m.isInterceptor())
        .flatMap(m -> m.paths().stream())
        .distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(p -> p))
        .toList();
  }

  /** The chain for unmatched requests under {@code prefix}: global middlewares and those covering it. */
  public List<MiddlewareDeclaration> unmatchedChain(String prefix) {
    return middlewares.stream()
        .filter(m -> !m.isInterceptor() && (m.isGlobal() || (!m.optIn() && m.coversPath(prefix))))
        .sorted(java.util.Comparator.comparingInt(MiddlewareDeclaration::order))
        .toList();
  }

  /** The middlewares in front of requests no route matched: the global ones, by order. */
  public List<MiddlewareDeclaration> globalChain() {
    return middlewares.stream().filter(m -> m.isGlobal() && !m.isInterceptor())
        .sorted(java.util.Comparator.comparingInt(MiddlewareDeclaration::order)).toList();
  }

  /** The handlers the application must supply instances of, in factory-parameter order. */
  public List<TableHandler> suppliedHandlers() {
    return handlers.stream().filter(TableHandler::needsInstance).toList();
  }

  /** The supplied handlers the application's package can name: all of them once validated. */
  public List<TableHandler> visibleSuppliedHandlers() {
    return suppliedHandlers().stream().filter(TableHandler::visible).toList();
  }
}
