package dev.kiln.internal.routing;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Interceptor;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import dev.kiln.internal.http.Failures;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One route's executable end: its {@link RouteInfo} and the generated code that binds the request
 * to the handler's parameters, calls it and turns the result into a {@link Response}.
 *
 * <p>The processor decides at compile time how it runs: a blocking endpoint is called on the
 * blocking executor through {@link #call}, a non-blocking one on the event loop through {@link
 * #callAsync}. Its middlewares are composed once, here, so a request walks a ready-made chain:
 * {@link #handle} enters it, and the innermost link asks the request's {@link RequestOrigin} to run
 * the handler where it belongs. Its interceptors wrap the generated code itself, so they run on the
 * handler's thread, right around the call.
 */
public final class Endpoint {
  private static final Response NOT_FOUND = HttpError.notFound("Not Found").toResponse();

  /** Answers requests no route matched: 405 with {@code Allow} when the path matched for other methods, else 404. */
  public static final Endpoint UNMATCHED = nonBlocking(RouteInfo.UNMATCHED, Endpoint::unmatched);

  /** Generated binding code for a handler that may block. */
  @FunctionalInterface
  public interface Blocking {
    Response handle(Request request) throws Exception;
  }

  /** Generated binding code for a handler that never blocks. */
  @FunctionalInterface
  public interface NonBlocking {
    CompletionStage<Response> handle(Request request) throws Exception;
  }

  private final RouteInfo route;
  private final Blocking blocking;
  private final NonBlocking nonBlocking;
  private final List<Middleware.Handler> middlewares;
  private final List<Interceptor.Handler> interceptors;
  private final Middleware.Next entry;
  /** The request headers that chose this endpoint among others ({@link EndpointChoice}), for {@code Vary}; or {@code null}. */
  private final String vary;

  private Endpoint(RouteInfo route, Blocking blocking, NonBlocking nonBlocking, List<Middleware.Handler> middlewares,
      List<Interceptor.Handler> interceptors, String vary) {
    this.route = Objects.requireNonNull(route, "route");
    this.middlewares = List.copyOf(middlewares);
    this.interceptors = List.copyOf(interceptors);
    this.blocking = blocking;
    this.nonBlocking = nonBlocking;
    Middleware.Next next = request -> {
      ServedRequest served = ServedRequest.of(request);
      return served.refusal() == null
          ? served.origin().run(this, served)
          : CompletableFuture.completedFuture(served.refusal().toResponse());
    };
    for (int i = this.middlewares.size() - 1; i >= 0; i--) {
      next = link(route, i, this.middlewares.get(i), next);
    }
    this.vary = vary;
    if (vary != null) {
      Middleware.Next chain = next;
      next = request -> answering(route, chain.handle(request)).thenApply(response -> response.withHeader("Vary", vary));
    }
    this.entry = next;
  }

  private static Middleware.Next link(RouteInfo route, int position, Middleware.Handler middleware,
      Middleware.Next next) {
    return request -> {
      if (!ChainTiming.enabled()) {
        return call(route, middleware, next, request);
      }
      ChainTiming timing = ChainTiming.of(request);
      long start = System.nanoTime();
      CompletionStage<Response> answer = call(route, middleware, next, request);
      return answer == null ? null : answer.whenComplete((response, failure) ->
          timing.record(position, middleware.getClass().getName(), System.nanoTime() - start));
    };
  }

  private static CompletionStage<Response> call(RouteInfo route, Middleware.Handler middleware, Middleware.Next next,
      Request request) {
    try {
      return middleware.handle(request, next);
    } catch (Exception | Error e) { // an Error too (a StackOverflowError): a 500, as on the blocking executor
      return CompletableFuture.completedFuture(Failures.response(route, e));
    }
  }

  /** {@code stage} with a failure made its response ({@link Failures#response}); a stage already answered is returned as it is. */
  public static CompletionStage<Response> answering(RouteInfo route, CompletionStage<Response> stage) {
    if (stage instanceof CompletableFuture<Response> future && future.isDone() && !future.isCompletedExceptionally()) {
      return future; // the usual non-blocking answer: no stage more
    }
    return stage.handle((response, failure) -> failure == null ? response : Failures.response(route, failure));
  }

  public static Endpoint blocking(RouteInfo route, Blocking code) {
    return new Endpoint(route, Objects.requireNonNull(code, "code"), null, List.of(), List.of(), null);
  }

  public static Endpoint nonBlocking(RouteInfo route, NonBlocking code) {
    return new Endpoint(route, null, Objects.requireNonNull(code, "code"), List.of(), List.of(), null);
  }

  /** This endpoint behind {@code middlewares}, the first outermost: composed once, walked per request. */
  public Endpoint through(Middleware.Handler... middlewares) {
    return new Endpoint(route, blocking, nonBlocking, List.of(middlewares), interceptors, vary);
  }

  /**
   * This endpoint with {@code interceptors} around its handler's call, the first outermost. Call it
   * once, before {@link #through}: the composed call is what {@link #call}/{@link #callAsync} run.
   */
  public Endpoint around(Interceptor.Handler... interceptors) {
    if (!this.interceptors.isEmpty() || !middlewares.isEmpty()) {
      throw new IllegalStateException(route + ": around(...) comes once, before through(...)");
    }
    Blocking blockingCall = blocking;
    NonBlocking nonBlockingCall = nonBlocking;
    for (int i = interceptors.length - 1; i >= 0; i--) {
      Interceptor.Handler interceptor = Objects.requireNonNull(interceptors[i], "interceptor");
      interceptor.wraps(route);
      if (blockingCall != null) {
        Blocking inner = blockingCall;
        blockingCall = request -> interceptor.intercept(request, () -> inner.handle(request));
      } else {
        NonBlocking inner = nonBlockingCall;
        nonBlockingCall = request -> interceptor.intercept(request, () -> inner.handle(request));
      }
    }
    return new Endpoint(route, blockingCall, nonBlockingCall, middlewares, List.of(interceptors), vary);
  }

  /** This endpoint answering with {@code Vary: headers}, its middlewares' answers included. */
  Endpoint varying(String headers) {
    return new Endpoint(route, blocking, nonBlocking, middlewares, interceptors, headers);
  }

  /** Runs the request through the middlewares to the handler. */
  public CompletionStage<Response> handle(Request request) {
    return entry.handle(request);
  }

  /** The middlewares in front of the handler, outermost first. */
  public List<Middleware.Handler> middlewares() {
    return middlewares;
  }

  /** The interceptors around the handler's call, outermost first. */
  public List<Interceptor.Handler> interceptors() {
    return interceptors;
  }

  private static CompletionStage<Response> unmatched(Request request) {
    Set<HttpMethod> allowed = request.allowedMethods();
    return CompletableFuture.completedFuture(allowed.isEmpty() ? NOT_FOUND : HttpError.methodNotAllowed(allowed).toResponse());
  }

  public RouteInfo route() {
    return route;
  }

  public boolean isBlocking() {
    return blocking != null;
  }

  /** Runs a blocking endpoint on the calling thread, which must not be an event loop. */
  public Response call(Request request) throws Exception {
    if (blocking == null) {
      throw new IllegalStateException(route + " is non-blocking: use callAsync");
    }
    return blocking.handle(request);
  }

  /** Runs a non-blocking endpoint; a synchronous failure, an {@link Error} included, becomes a failed stage. */
  public CompletionStage<Response> callAsync(Request request) {
    if (nonBlocking == null) {
      throw new IllegalStateException(route + " is blocking: use call on the blocking executor");
    }
    try {
      return nonBlocking.handle(request);
    } catch (Exception | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "Endpoint[" + route + "]";
  }
}
