package dev.kiln;

import java.util.List;

/**
 * What the processor knows about one route, as a constant in the generated {@code <App>Routes}.
 *
 * @param name the full route name ({@code "api.project"}), or empty for an unnamed route
 * @param method the HTTP method
 * @param template the full path template, group prefix included
 * @param handler the handler method, as {@code com.example.ProjectViews#project(long, Optional)}
 * @param blocking whether the handler runs on the blocking executor rather than the event loop
 * @param pathParams the template's parameter names, in path order
 * @param maxBodySize the route's body limit in bytes, or -1 for the server's
 * @param timeoutMillis the route's request timeout in milliseconds, or -1 for the server's
 */
public record RouteInfo(
    String name,
    HttpMethod method,
    String template,
    String handler,
    boolean blocking,
    List<String> pathParams,
    long maxBodySize,
    long timeoutMillis) {

  /** What requests no route matched are dispatched as; its method is {@code null}. */
  public static final RouteInfo UNMATCHED = new RouteInfo("", null, "*", "-", false, List.of(), -1, -1);

  public RouteInfo {
    pathParams = List.copyOf(pathParams);
  }

  public boolean hasName() {
    return !name.isEmpty();
  }

  /** {@code GET /api/projects/{projectId:\d+}}. */
  @Override
  public String toString() {
    return method + " " + template + (hasName() ? " (" + name + ")" : "");
  }
}
