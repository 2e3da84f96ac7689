package dev.kiln.internal.http;

import dev.kiln.Html;
import dev.kiln.HttpError;
import dev.kiln.MediaTypes;
import dev.kiln.Problem;
import dev.kiln.Response;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * The built-in error mapping: problem details ({@code application/problem+json}) for clients that
 * prefer JSON, a plain HTML page for browsers. {@code ErrorPages} renders with it, and the server
 * renders what no {@code ErrorPages} did, so an app without one still answers in the client's format.
 */
public final class DefaultPages {
  private DefaultPages() {}

  /**
   * The page the server answers an error response with when no {@code ErrorPages} rendered it: for
   * a response made from an exception ({@link Response#failure()}), problem details or HTML by
   * {@code accept}, keeping its headers; any other response as it is. {@code path} is the problem's
   * instance ({@code null} when the request had no readable path).
   */
  public static Response forClient(String accept, String path, Response response) {
    Throwable failure = response.failure();
    if (failure == null || response.status() < 400) {
      return response;
    }
    if (failure instanceof HttpError error) {
      return error.hasOwnBody() ? response : render(accept, path, response, error.getMessage());
    }
    return render(accept, path, response, "");
  }

  /** The default page for an error response: problem details or HTML, keeping its headers. */
  public static Response render(String accept, String path, Response error, String detail) {
    int status = error.status();
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    Response page;
    if (prefersHtml(accept)) {
      page = Response.html("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + " "
          + Html.escape(title) + "</title></head>\n<body><h1>" + status + " " + Html.escape(title) + "</h1>"
          + (detail.isEmpty() || detail.equals(title) ? "" : "<p>" + Html.escape(detail) + "</p>")
          + "</body></html>\n").withStatus(status);
    } else {
      Problem problem = Problem.of(status);
      if (!detail.isEmpty() && !detail.equals(title)) {
        problem.detail(detail);
      }
      if (path != null) {
        problem.instance(path);
      }
      page = problem.toResponse();
    }
    for (Map.Entry<String, String> header : error.headers()) {
      page = page.withHeader(header.getKey(), header.getValue());
    }
    return page;
  }

  /** Whether {@code text/html} is accepted at least as much as any JSON type; JSON when in doubt. */
  public static boolean prefersHtml(String accept) {
    return MediaTypes.prefersHtml(accept);
  }
}
