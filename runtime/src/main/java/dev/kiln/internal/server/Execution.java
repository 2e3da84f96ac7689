package dev.kiln.internal.server;

import dev.kiln.HttpError;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.http.Failures;
import dev.kiln.internal.routing.Endpoint;
import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.MDC;

/**
 * Where handlers run, as the processor decided per route: a non-blocking one on the event loop that
 * read its request, a blocking one on the server's blocking executor, its answer handed back to that
 * event loop so the middlewares' way out runs there too. A failing handler's exception becomes its
 * response here ({@link Failures#response}), so every middleware sees an error as an answer.
 * One per server.
 */
final class Execution {
  private static final Response QUEUE_FULL =
      HttpError.serviceUnavailable("too many requests waiting").withHeader("Retry-After", "1").toResponse();

  private final Executor blocking;

  Execution(Executor blocking) {
    this.blocking = blocking;
  }

  /** The executor streamed bodies are written from. */
  Executor blocking() {
    return blocking;
  }

  /**
   * Runs {@code endpoint}'s handler for {@code request}; {@code loop} is the event loop of its
   * connection. A blocking handler's stage is one this class completes, which {@code running} gets
   * so that a request timeout can answer in its place.
   */
  CompletionStage<Response> run(Endpoint endpoint, Request request, EventExecutor loop,
      java.util.function.Consumer<CompletableFuture<Response>> running) {
    if (!endpoint.isBlocking()) {
      if (loop.inEventLoop()) {
        return Endpoint.answering(endpoint.route(), endpoint.callAsync(request));
      }
      // An asynchronous middleware (a Redis command) completed on a thread of its own: back to the loop.
      CompletableFuture<Response> result = new CompletableFuture<>();
      loop.execute(() -> Endpoint.answering(endpoint.route(), endpoint.callAsync(request))
          .whenComplete((response, failure) -> {
            if (failure != null) {
              result.completeExceptionally(failure);
            } else {
              result.complete(response);
            }
          }));
      return result;
    }
    CompletableFuture<Response> result = new CompletableFuture<>();
    running.accept(result);
    // What middlewares put in the logging context (a request id) follows the handler to its thread.
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    try {
      blocking.execute(() -> {
        if (logContext != null) {
          MDC.setContextMap(logContext);
        }
        Response response;
        try {
          // JSON is written here, on the handler's thread, not on the event loop.
          response = endpoint.call(request);
          if (response != null) {
            response = response.rendered(request.app().json());
          }
        } catch (Exception | Error failure) {
          response = Failures.response(endpoint.route(), failure);
        } finally {
          if (logContext != null) {
            MDC.clear();
          }
        }
        Response answer = response;
        loop.execute(() -> result.complete(answer));
      });
    } catch (RejectedExecutionException busy) {
      result.complete(QUEUE_FULL);
    }
    return result;
  }
}
