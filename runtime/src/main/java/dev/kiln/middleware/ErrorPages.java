package dev.kiln.middleware;

import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.Problem;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.ResponseBody;
import dev.kiln.internal.http.DefaultPages;
import dev.kiln.internal.http.Failures;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns errors into pages: handlers registered per status and per exception type first, else
 * {@code application/problem+json} (RFC 9457) for clients that prefer JSON and a plain HTML page
 * for browsers. An unexpected exception is a 500 that shows no stack trace, unless debug mode is on,
 * where the 500 page shows the exception, the stack with the handler's frames marked, the request
 * head, the route and its parameters.
 *
 * <pre>{@code
 * ErrorPages.builder()
 *     .onStatus(404, (request, response) -> Response.html(notFoundPage(request.path())).withStatus(404))
 *     .onException(NoSuchProject.class, (request, e) -> HttpError.notFound(e.getMessage()).toResponse())
 *     .debug(settings.debug())
 *     .build()
 * }</pre>
 *
 * <p>Every error answer its scope covers reaches it as a response, whatever made it: a handler's
 * {@link HttpError} or exception ({@link Response#failure()} says which), a binding error, a 404 or
 * 405, and the errors the server makes itself once a request is routed (413, 417, 408, 503). Error
 * responses a handler wrote with its own body type (JSON, HTML) are left as they are; the plain-text
 * ones get the page. Without this middleware the server renders the same default pages itself,
 * with no custom handlers.
 */
public final class ErrorPages implements Middleware.Handler {
  /** Renders a response for an error status. */
  @FunctionalInterface
  public interface StatusHandler {
    Response handle(Request request, Response response);
  }

  /** Renders a response for an exception of a type. */
  @FunctionalInterface
  public interface ExceptionHandler<T extends Throwable> {
    Response handle(Request request, T exception);
  }

  private final Map<Integer, StatusHandler> statuses;
  private final Map<Class<?>, ExceptionHandler<Throwable>> exceptions;
  private final boolean debug;

  private ErrorPages(Builder builder) {
    this.statuses = Map.copyOf(builder.statuses);
    this.exceptions = new LinkedHashMap<>(builder.exceptions);
    this.debug = builder.debug;
  }

  /** Problem details and HTML pages, no custom handlers, no debug page. */
  public ErrorPages() {
    this(new Builder());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    CompletionStage<Response> response;
    try {
      response = next.handle(request);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    // A failure still thrown here came from a middleware inside this one: made a response like a handler's.
    return response.handle((result, failure) ->
        forResponse(request, failure == null ? result : Failures.response(request.route(), failure)));
  }

  private Response forResponse(Request request, Response response) {
    if (response.status() < 400) {
      return response;
    }
    Throwable failure = response.failure();
    if (failure != null && !(failure instanceof HttpError)) {
      for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
        ExceptionHandler<Throwable> handler = exceptions.get(type);
        if (handler != null) {
          return keepingHeaders(handler.handle(request, failure), response);
        }
      }
    }
    StatusHandler handler = statuses.get(response.status());
    if (handler != null) {
      return keepingHeaders(handler.handle(request, response), response);
    }
    if (failure != null && !(failure instanceof HttpError)) {
      return debug ? DebugPage.render(request, failure) : DefaultPages.render(request.header("Accept"), request.path(), response, "");
    }
    if (failure instanceof HttpError error) {
      return error.hasOwnBody() ? response : DefaultPages.render(request.header("Accept"), request.path(), response, error.getMessage());
    }
    boolean kilnText = (response.body() instanceof ResponseBody.Bytes || response.body() instanceof ResponseBody.Empty)
        && (response.contentType() == null || response.contentType().startsWith("text/plain"));
    return kilnText ? DefaultPages.render(request.header("Accept"), request.path(), response, response.bodyText()) : response;
  }

  /**
   * A custom page with the headers of the error it replaces that it does not set itself: what the
   * middlewares inside this one added ({@code SecurityHeaders}, {@code Allow}, {@code Retry-After}).
   */
  private static Response keepingHeaders(Response page, Response error) {
    if (page == null || page == error) {
      return page;
    }
    Response kept = page;
    for (Map.Entry<String, String> header : error.headers()) {
      if (page.header(header.getKey()) == null) {
        kept = kept.withHeader(header.getKey(), header.getValue());
      }
    }
    return kept;
  }

  /** Error handlers and the debug switch. */
  public static final class Builder {
    private final Map<Integer, StatusHandler> statuses = new LinkedHashMap<>();
    private final Map<Class<?>, ExceptionHandler<Throwable>> exceptions = new LinkedHashMap<>();
    private boolean debug;

    /** Renders every response with this error status (4xx or 5xx). */
    public Builder onStatus(int status, StatusHandler handler) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("an error status is 4xx or 5xx, got " + status);
      }
      statuses.put(status, handler);
      return this;
    }

    /** Renders exceptions of this type and its subtypes (the most specific registered type wins). */
    @SuppressWarnings("unchecked")
    public <T extends Throwable> Builder onException(Class<T> type, ExceptionHandler<? super T> handler) {
      exceptions.put(type, (ExceptionHandler<Throwable>) handler);
      return this;
    }

    /** Shows the debug page for unexpected exceptions: for development only, never in production. */
    public Builder debug(boolean debug) {
      this.debug = debug;
      return this;
    }

    public ErrorPages build() {
      return new ErrorPages(this);
    }
  }
}
