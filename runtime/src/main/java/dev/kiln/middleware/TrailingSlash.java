package dev.kiln.middleware;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.util.concurrent.CompletionStage;

/**
 * Redirects with 308 (method and body kept) to the same path with or without its trailing slash
 * when no route matches the path as sent but one matches the other form, asked of the generated
 * table itself ({@link Request#hasRoute}). Install it globally so unmatched requests pass it.
 */
public final class TrailingSlash implements Middleware.Handler {
  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    return next.handle(request).thenApply(response -> {
      if (response.status() != 404) {
        return response;
      }
      String path = request.path();
      String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
      // "//host/..." would be a protocol-relative URL: never redirect off-site.
      if (other.isEmpty() || other.startsWith("//") || !request.hasRoute(other)) {
        return response;
      }
      String query = request.queryString();
      return Response.redirect(308, query == null ? other : other + "?" + query);
    });
  }
}
