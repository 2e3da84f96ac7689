package dev.kiln;

import dev.kiln.routing.RouteMatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A route table: implemented by the generated {@code <App>Routes}, executed by Kiln's server, and
 * callable in-process for tests.
 *
 * <pre>{@code
 * Router router = ProjectsAppRoutes.create(new ProjectViews(store));
 * Response response = router.dispatch(Request.of(HttpMethod.GET, "/api/projects/42")).toCompletableFuture().join();
 * }</pre>
 */
public interface Router {

  /**
   * Matches a canonical path ({@link Request#path()}) for a method, without allocating. On success
   * {@code match} holds the endpoint and the parameters' bounds; otherwise it holds the methods the
   * path allows (empty for 404, non-empty for 405).
   */
  boolean match(HttpMethod method, String path, RouteMatch match);

  /** A reusable match sized for this table. */
  RouteMatch newMatch();

  /** Every route, in a stable order. */
  List<RouteInfo> routes();

  /**
   * The endpoint for requests to {@code path} that no route matched (404, or 405 with {@code Allow});
   * the generated table puts the global middlewares in front of it, and those whose path prefix
   * covers {@code path}.
   */
  default Endpoint fallback(String path) {
    return Endpoint.UNMATCHED;
  }

  /**
   * Routes and runs a request on the calling thread, middlewares and blocking handlers included, so
   * this is for tests and tools, not for an event loop. An {@link HttpError} becomes its response;
   * any other failure completes the stage exceptionally.
   */
  default CompletionStage<Response> dispatch(Request request) {
    RouteMatch match = newMatch();
    request.dispatchedBy(this);
    Endpoint endpoint;
    if (match(request.method(), request.path(), match)) {
      endpoint = match.endpoint();
      request.bind(endpoint.route(), match);
    } else {
      endpoint = fallback(request.path());
      request.unmatched(match.allowedMethods());
    }
    return endpoint.handle(request).exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      return cause instanceof HttpError error
          ? CompletableFuture.completedFuture(error.toResponse())
          : CompletableFuture.failedFuture(cause);
    });
  }
}
