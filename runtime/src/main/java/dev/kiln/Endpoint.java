package dev.kiln;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One route's executable end: its {@link RouteInfo} and the generated code that binds the request
 * to the handler's parameters, calls it and turns the result into a {@link Response}.
 *
 * <p>The processor decides at compile time how it runs: a blocking endpoint is called on the
 * blocking executor through {@link #call}, a non-blocking one on the event loop through {@link
 * #callAsync}.
 */
public final class Endpoint {
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

  private Endpoint(RouteInfo route, Blocking blocking, NonBlocking nonBlocking) {
    this.route = Objects.requireNonNull(route, "route");
    this.blocking = blocking;
    this.nonBlocking = nonBlocking;
  }

  public static Endpoint blocking(RouteInfo route, Blocking code) {
    return new Endpoint(route, Objects.requireNonNull(code, "code"), null);
  }

  public static Endpoint nonBlocking(RouteInfo route, NonBlocking code) {
    return new Endpoint(route, null, Objects.requireNonNull(code, "code"));
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

  /** Runs a non-blocking endpoint; a synchronous failure becomes a failed stage. */
  public CompletionStage<Response> callAsync(Request request) {
    if (nonBlocking == null) {
      throw new IllegalStateException(route + " is blocking: use call on the blocking executor");
    }
    try {
      return nonBlocking.handle(request);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "Endpoint[" + route + "]";
  }
}
