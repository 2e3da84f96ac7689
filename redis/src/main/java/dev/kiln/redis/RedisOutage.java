package dev.kiln.redis;

import dev.kiln.Middleware;
import dev.kiln.Problem;
import dev.kiln.Request;
import dev.kiln.Response;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers 503 Service Unavailable (with {@code Retry-After}) for a request that failed because
 * Redis is away: disconnected, refusing commands while it reconnects, or timing out. Install it
 * outside the routes that use Redis ({@code @Install(RedisOutage.class)}); routes that do not use
 * Redis are not affected by an outage at all. An error Redis answered (a wrong type, a script
 * error) is the application's bug and stays a 500.
 */
public final class RedisOutage implements Middleware.Handler {
  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    // A handler's failure arrives as a response made from it; an inner middleware's, as a failed stage.
    return next.handle(request).handle((response, failure) -> {
      Throwable cause = failure != null ? failure : response.failure();
      if (isOutage(cause)) {
        return CompletableFuture.completedFuture(unavailable());
      }
      return failure == null ? CompletableFuture.completedFuture(response)
          : CompletableFuture.<Response>failedFuture(failure);
    }).thenCompose(stage -> stage);
  }

  /** Whether {@code failure} (or what it wraps) says Redis could not be reached in time. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RedisCommandExecutionException) {
        return false; // Redis answered: the application's error
      }
      // Lettuce's others: disconnected, timed out (RedisCommandTimeoutException), refused while
      // reconnecting ("Commands are rejected"), a full queue.
      if (cause instanceof RedisException) {
        return true;
      }
    }
    return false;
  }

  private static Response unavailable() {
    return Problem.of(503).detail("Redis is unavailable; try again shortly").toResponse()
        .withHeader("Retry-After", "1");
  }
}
