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
   * Routes and runs a request on the calling thread: blocking handlers included, so this is for
   * tests and tools, not for an event loop. 404 and 405 (with {@code Allow}) come back as
   * responses, so does an {@link HttpError}; any other failure completes the stage exceptionally.
   */
  default CompletionStage<Response> dispatch(Request request) {
    RouteMatch match = newMatch();
    if (!match(request.method(), request.path(), match)) {
      Response response = match.isMethodNotAllowed()
          ? HttpError.methodNotAllowed(match.allowedMethods()).toResponse()
          : HttpError.notFound("Not Found").toResponse();
      return CompletableFuture.completedFuture(response);
    }
    Endpoint endpoint = match.endpoint();
    request.bind(endpoint.route(), match);
    CompletionStage<Response> result;
    if (endpoint.isBlocking()) {
      try {
        result = CompletableFuture.completedFuture(endpoint.call(request));
      } catch (Exception e) {
        result = CompletableFuture.failedFuture(e);
      }
    } else {
      result = endpoint.callAsync(request);
    }
    return result.exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      return cause instanceof HttpError error
          ? CompletableFuture.completedFuture(error.toResponse())
          : CompletableFuture.failedFuture(cause);
    });
  }
}
