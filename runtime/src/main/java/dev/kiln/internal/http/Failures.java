package dev.kiln.internal.http;

import dev.kiln.HttpError;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a failure becomes the response that stands for it, the one place unexpected exceptions are logged. */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final Response INTERNAL_ERROR = Response.text(500, "Internal Server Error");

  private Failures() {}

  /**
   * The response a failure stands for, as the middlewares outside it see it: an {@link HttpError}'s
   * own, anything else a 500 remembering the exception ({@link Response#failure()}), logged here
   * once with its route. Handlers' failures become responses where they are called, so a middleware
   * that adds a header with {@code thenApply} sees every error answer too.
   */
  public static Response response(RouteInfo route, Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpError error) {
      return error.toResponse();
    }
    LOG.error("Handler of {} failed", route, cause);
    return Response.failed(INTERNAL_ERROR, cause);
  }
}
