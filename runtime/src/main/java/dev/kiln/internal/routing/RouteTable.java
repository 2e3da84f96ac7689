package dev.kiln.internal.routing;

import dev.kiln.HttpMethod;
import dev.kiln.Router;

/**
 * What the generated table does besides listing its routes: matching a path to an endpoint without
 * allocating, and the chain for requests nothing matched. The server and in-process dispatch use it.
 */
public interface RouteTable extends Router {
  /**
   * Matches a canonical path ({@link dev.kiln.Request#path()}) for a method, without allocating. On
   * success {@code match} holds the endpoint and the parameters' bounds; otherwise it holds the
   * methods the path allows (empty for 404, non-empty for 405).
   */
  boolean match(HttpMethod method, String path, RouteMatch match);

  /** A reusable match sized for this table. */
  RouteMatch newMatch();

  /**
   * The endpoint for requests to {@code path} that no route matched (404, or 405 with {@code Allow});
   * the generated table puts the global middlewares in front of it, and those whose path prefix
   * covers {@code path}.
   */
  default Endpoint fallback(String path) {
    return Endpoint.UNMATCHED;
  }

  /** {@code router} as the table it is: every {@link Router} is one, made by the processor. */
  static RouteTable of(Router router) {
    if (router instanceof RouteTable table) {
      return table;
    }
    throw new IllegalArgumentException(router.getClass().getName()
        + " is not a generated route table: pass what <App>Routes.builder()...build() or create() returns");
  }
}
