package dev.kiln.middleware;

import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.Problem;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns errors into pages: handlers registered per status and per exception type first, else
 * {@code application/problem+json} (RFC 9457) for clients that prefer JSON and a plain HTML page
 * for browsers. An unexpected exception is logged once, with its route, and becomes a 500 that
 * shows no stack trace, unless debug mode is on, where the 500 page shows the exception, the stack
 * with the handler's frames marked, the request head, the route and its parameters.
 *
 * <pre>{@code
 * ErrorPages.builder()
 *     .onStatus(404, (request, response) -> Response.html(notFoundPage(request.path())).withStatus(404))
 *     .onException(NoSuchProject.class, (request, e) -> HttpError.notFound(e.getMessage()).toResponse())
 *     .debug(settings.debug())
 *     .build()
 * }</pre>
 *
 * <p>Error responses a handler wrote with its own body type (JSON, HTML) are left as they are; the
 * plain-text ones Kiln makes for {@link HttpError}s, 404s and 405s get the page.
 */
public final class ErrorPages implements Middleware.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

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
    return response.handle((result, failure) ->
        failure == null ? forResponse(request, result) : forFailure(request, unwrap(failure)));
  }

  private Response forResponse(Request request, Response response) {
    if (response.status() < 400) {
      return response;
    }
    StatusHandler handler = statuses.get(response.status());
    if (handler != null) {
      return handler.handle(request, response);
    }
    boolean kilnText = response.contentType() == null || response.contentType().startsWith("text/plain");
    return kilnText ? page(request, response, response.bodyText()) : response;
  }

  private Response forFailure(Request request, Throwable failure) {
    if (failure instanceof HttpError error) {
      return forResponse(request, error.toResponse());
    }
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      ExceptionHandler<Throwable> handler = exceptions.get(type);
      if (handler != null) {
        return handler.handle(request, failure);
      }
    }
    RouteInfo route = request.route();
    LOG.error("Handler of {} failed", route == null ? request : route, failure);
    Response internal = Response.text(500, "Internal Server Error");
    StatusHandler handler = statuses.get(500);
    if (handler != null) {
      return handler.handle(request, internal);
    }
    return debug ? DebugPage.render(request, failure) : page(request, internal, "");
  }

  /** The default page for an error response: problem details or HTML, keeping its headers. */
  private static Response page(Request request, Response error, String detail) {
    int status = error.status();
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    Response page;
    if (prefersHtml(request.header("Accept"))) {
      page = Response.html("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + " "
          + Html.escape(title) + "</title></head>\n<body><h1>" + status + " " + Html.escape(title) + "</h1>"
          + (detail.isEmpty() || detail.equals(title) ? "" : "<p>" + Html.escape(detail) + "</p>")
          + "</body></html>\n").withStatus(status);
    } else {
      Problem problem = Problem.of(status);
      if (!detail.isEmpty() && !detail.equals(title)) {
        problem.detail(detail);
      }
      page = problem.instance(request.path()).toResponse();
    }
    for (Map.Entry<String, String> header : error.headers()) {
      page = page.withHeader(header.getKey(), header.getValue());
    }
    return page;
  }

  /** Whether {@code text/html} is accepted at least as much as any JSON type; JSON when in doubt. */
  static boolean prefersHtml(String accept) {
    double html = 0;
    double json = 0;
    for (Preferences.Preference preference : Preferences.parse(accept)) {
      String type = preference.token();
      if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
        html = Math.max(html, preference.quality());
      } else if (type.equals("application/json") || type.endsWith("+json")) {
        json = Math.max(json, preference.quality());
      }
    }
    return html > 0 && html >= json;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
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
