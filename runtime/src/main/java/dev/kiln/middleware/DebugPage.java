package dev.kiln.middleware;

import dev.kiln.Html;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import java.util.List;

/**
 * The 500 page of debug mode, the talk's debug toolbar in small: the exception and its causes, the
 * stack with the route handler's frames marked, the request head, the route and its parameters.
 */
final class DebugPage {
  private DebugPage() {}

  static Response render(Request request, Throwable failure) {
    RouteInfo route = request.route();
    String handlerClass = route == null || route.handler().indexOf('#') < 0
        ? "" : route.handler().substring(0, route.handler().indexOf('#'));
    StringBuilder html = new StringBuilder(4096)
        .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>500 ")
        .append(Html.escape(failure.getClass().getSimpleName()))
        .append("</title><style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;"
            + "overflow:auto}.handler{background:#ffe08a;font-weight:bold}th{text-align:left;padding-right:1em}"
            + "</style></head>\n<body>\n<h1>500 Internal Server Error</h1>\n");
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      html.append(t == failure ? "<h2>" : "<h3>Caused by ").append(Html.escape(t.getClass().getName()))
          .append(": ").append(Html.escape(t.getMessage())).append(t == failure ? "</h2>\n" : "</h3>\n")
          .append("<pre>");
      for (StackTraceElement frame : t.getStackTrace()) {
        boolean mine = !handlerClass.isEmpty() && frame.getClassName().equals(handlerClass);
        html.append(mine ? "<span class=\"handler\">" : "").append("    at ").append(Html.escape(frame.toString()))
            .append(mine ? "</span>" : "").append('\n');
      }
      html.append("</pre>\n");
    }
    html.append("<h2>Route</h2>\n<table>");
    if (route != null) {
      row(html, "name", route.hasName() ? route.name() : "-");
      row(html, "template", route.method() + " " + route.template());
      row(html, "handler", route.handler());
      List<String> names = route.pathParams();
      for (int i = 0; i < names.size(); i++) {
        row(html, "{" + names.get(i) + "}", request.pathParam(i));
      }
    }
    html.append("</table>\n<h2>Request</h2>\n<pre>").append(Html.escape(request.method() + " " + request.target()))
        .append('\n');
    for (String name : request.headerNames()) {
      for (String value : request.headers(name)) {
        html.append(Html.escape(name)).append(": ").append(Html.escape(value)).append('\n');
      }
    }
    html.append("</pre>\n</body></html>\n");
    return Response.html(html.toString()).withStatus(500);
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(Html.escape(name)).append("</th><td><code>").append(Html.escape(value))
        .append("</code></td></tr>");
  }
}
