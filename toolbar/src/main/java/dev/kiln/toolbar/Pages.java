package dev.kiln.toolbar;

import dev.kiln.Html;
import dev.kiln.OpenApi;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The toolbar's pages: the recent requests, one request's panels, and the app's routes, settings and versions. */
final class Pages {
  private static final String CSS = """
      body.kiln-debug { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
      body.kiln-debug nav a { margin-right: 1rem; }
      body.kiln-debug table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
      body.kiln-debug th, body.kiln-debug td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
      body.kiln-debug pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
      body.kiln-debug details { border: 1px solid #ddd; border-radius: 4px; margin: .5rem 0; padding: .3rem .6rem; }
      body.kiln-debug summary { cursor: pointer; font-weight: 600; }
      body.kiln-debug .repeated { background: #fff4e5; }
      #kiln-debug-toolbar { position: fixed; right: .6rem; bottom: .6rem; z-index: 2147483647; background: #1d1d1f; color: #fff;
        font: 13px/1.2 system-ui, sans-serif; border-radius: 4px; padding: .45rem .7rem; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
      #kiln-debug-toolbar a { color: #fdba74; text-decoration: none; }
      """;

  private final DebugToolbar toolbar;
  private final Class<?> application;
  private final Supplier<String> settings;
  /** A kiln-jdbi {@code Database}, typed loosely so that an app without kiln-jdbi never loads it; {@code null} for none. */
  private final Object database;
  private final Map<String, String> chains = new HashMap<>();
  private final List<String[]> routes = new ArrayList<>();

  Pages(DebugToolbar toolbar, Class<?> application, Supplier<String> settings, Object database) {
    this.toolbar = toolbar;
    this.application = application;
    this.settings = settings;
    this.database = database;
    readRoutes();
  }

  /** The compile-time route list ({@code META-INF/kiln/routes.txt}): each route's chain by method, template and handler. */
  private void readRoutes() {
    try (InputStream in = application.getClassLoader().getResourceAsStream("META-INF/kiln/routes.txt")) {
      if (in == null) {
        return;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length >= 5) {
          routes.add(fields);
          chains.put(fields[0] + " " + fields[1] + " " + fields[3], fields[4]);
        }
      }
    } catch (IOException e) {
      // no route list: the route page says so
    }
  }

  /** The middlewares of {@code route}'s chain, outermost first, as compiled. */
  String chainOf(RouteInfo route) {
    if (route == null || route.method() == null) {
      return "";
    }
    return chains.getOrDefault(route.method().name() + " " + route.template() + " " + route.handler(), "");
  }

  Response answer(Request request) {
    String path = request.path().substring(DebugToolbar.PREFIX.length());
    if (path.isEmpty() || path.equals("/")) {
      return page("Requests", requests());
    }
    if (path.equals("/toolbar.css")) {
      return Response.bytes(CSS.getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8");
    }
    if (path.startsWith("/requests/")) {
      RequestRecord record;
      try {
        record = toolbar.find(Long.parseLong(path.substring("/requests/".length())));
      } catch (NumberFormatException e) {
        record = null;
      }
      return record == null ? page("Not kept", "<p>The toolbar keeps the last requests only; this one is not among them.</p>")
          .withStatus(404) : page(record.method + " " + record.target, request(record));
    }
    return switch (path) {
      case "/routes" -> page("Routes", routeTable());
      case "/settings" -> page("Settings", "<pre id=\"settings\">" + Html.escape(settings.get()) + "</pre>");
      case "/versions" -> page("Versions", versions());
      case "/migrations" -> page("Migrations", migrations());
      case "/openapi.json" -> OpenApi.response(application);
      default -> page("Not found", "<p>No such toolbar page.</p>").withStatus(404);
    };
  }

  private static Response page(String title, String content) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
        + " · Kiln debug</title><link rel=\"stylesheet\" href=\"" + DebugToolbar.PREFIX + "/toolbar.css\"></head>"
        + "<body class=\"kiln-debug\"><nav><a href=\"" + DebugToolbar.PREFIX + "\">Requests</a><a href=\""
        + DebugToolbar.PREFIX + "/routes\">Routes</a><a href=\"" + DebugToolbar.PREFIX + "/settings\">Settings</a><a href=\""
        + DebugToolbar.PREFIX + "/versions\">Versions</a><a href=\"" + DebugToolbar.PREFIX
        + "/migrations\">Migrations</a><a href=\"" + DebugToolbar.PREFIX + "/openapi.json\">OpenAPI</a></nav>"
        + "<h1>" + Html.escape(title) + "</h1>" + content + "</body></html>";
    return Response.html(html).withHeader("Cache-Control", "no-store");
  }

  /** The bar injected into a page. */
  static String bar(RequestRecord record) {
    return "<link rel=\"stylesheet\" href=\"" + DebugToolbar.PREFIX + "/toolbar.css\"><div id=\"kiln-debug-toolbar\">"
        + "<a id=\"kiln-debug-link\" href=\"" + DebugToolbar.pageOf(record.id) + "\">Kiln · " + record.status + " · "
        + millis(record.wallNanos) + " ms · " + record.statements.size() + " SQL · " + record.commands.get().size()
        + " Redis</a></div>";
  }

  /** A redirect held back for the developer: where it goes, and this request's page. */
  Response redirected(RequestRecord record, String location) {
    return page("Redirect", "<p>This request answered " + record.status + " and redirected to <a id=\"redirect\" href=\""
        + Html.escape(location) + "\">" + Html.escape(location) + "</a>.</p><p><a href=\"" + DebugToolbar.pageOf(record.id)
        + "\">This request's page</a></p>").withHeader(DebugToolbar.HEADER, DebugToolbar.pageOf(record.id));
  }

  private String requests() {
    StringBuilder html = new StringBuilder("<table id=\"requests\"><tr><th>#</th><th>at</th><th>request</th><th>status</th>"
        + "<th>ms</th><th>SQL</th><th>Redis</th></tr>");
    for (RequestRecord record : toolbar.recent()) {
      html.append("<tr><td><a href=\"").append(DebugToolbar.pageOf(record.id)).append("\">").append(record.id)
          .append("</a></td><td>").append(DateTimeFormatter.ISO_INSTANT.format(record.at)).append("</td><td>")
          .append(Html.escape(record.method + " " + record.target)).append("</td><td>").append(record.status)
          .append("</td><td>").append(millis(record.wallNanos)).append("</td><td>").append(record.statements.size())
          .append("</td><td>").append(record.commands.get().size()).append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static String request(RequestRecord r) {
    StringBuilder html = new StringBuilder();
    html.append("<details open id=\"request\"><summary>Request</summary>").append(rows(
        "method", r.method, "target", r.target, "body", r.bodySize + " bytes", "from", r.remoteAddress))
        .append(headers(r.requestHeaders)).append("</details>");
    RouteInfo route = r.route;
    boolean matched = route != null && route.method() != null;
    html.append("<details open id=\"route\"><summary>Route</summary>").append(matched ? rows(
        "name", route.name().isEmpty() ? "(unnamed)" : route.name(), "template", route.method() + " " + route.template(),
        "handler", route.handler(), "binder", binder(route.handler()),
        "runs", route.blocking() ? "blocking, on the blocking executor" : "non-blocking, on the event loop",
        "body limit", route.maxBodySize() < 0 ? "the server's" : route.maxBodySize() + " bytes",
        "timeout", route.timeoutMillis() < 0 ? "the server's" : route.timeoutMillis() + " ms",
        "path values", String.join(", ", r.pathValues),
        "query values", String.join(", ", r.queryValues),
        "validation", r.violations != null ? "failed: " + r.violations
            : r.status == 400 ? "a value did not convert (400)" : "passed, or nothing to check")
        : "<p>No route matched this request.</p>").append("</details>");
    html.append("<details open id=\"chain\"><summary>Middleware chain</summary>");
    List<dev.kiln.internal.routing.ChainTiming.Step> steps = r.timing == null ? List.of() : r.timing.steps();
    if (!steps.isEmpty()) {
      html.append("<table id=\"chain-times\"><tr><th>middleware</th><th>ms, inner ones included</th><th>ms, its own</th></tr>");
      for (int i = 0; i < steps.size(); i++) {
        dev.kiln.internal.routing.ChainTiming.Step step = steps.get(i);
        String own = i + 1 < steps.size() ? millis(step.nanos() - steps.get(i + 1).nanos()) : "— (with the handler)";
        html.append("<tr><td>").append(Html.escape(step.middleware())).append("</td><td>").append(millis(step.nanos()))
            .append("</td><td>").append(own).append("</td></tr>");
      }
      html.append("</table>");
    }
    if (r.chain.isEmpty()) {
      html.append("<p>None recorded.</p>");
    } else {
      html.append("<ol>");
      for (String middleware : r.chain.split(",")) {
        html.append("<li>").append(Html.escape(middleware)).append("</li>");
      }
      html.append("</ol><p>Outermost first, as the processor compiled it; the handler runs inside the last.</p>");
    }
    html.append("</details>");
    html.append(session(r.session));
    List<String> repeated = r.repeatedStatements();
    html.append("<details id=\"sql\"><summary>SQL (").append(r.statements.size()).append(")</summary>");
    if (!repeated.isEmpty()) {
      html.append("<p class=\"repeated\">").append(repeated.size())
          .append(" statement(s) ran more than once: an N+1 query? They are marked below.</p>");
    }
    html.append("<table><tr><th>statement</th><th>bound values (text hidden)</th><th>ms</th><th>rows</th></tr>");
    for (RequestRecord.Statement statement : r.statements) {
      html.append(repeated.contains(statement.sql()) ? "<tr class=\"repeated\">" : "<tr>").append("<td><code>")
          .append(Html.escape(statement.sql())).append("</code>").append(statement.failed() ? " (failed)" : "")
          .append("</td><td>").append(Html.escape(String.join(", ", statement.values())))
          .append("</td><td>").append(String.format("%.2f", statement.millis())).append("</td><td>")
          .append(statement.rows() < 0 ? "?" : statement.rows()).append("</td></tr>");
    }
    html.append("</table></details>");
    List<RequestRecord.Command> commands = r.commands.get();
    html.append("<details id=\"redis\"><summary>Redis (").append(commands.size()).append(")</summary><table><tr>"
        + "<th>command (keys and values never recorded)</th><th>published to</th><th>ms</th></tr>");
    for (RequestRecord.Command command : commands) {
      html.append("<tr><td>").append(Html.escape(command.name())).append(command.failed() ? " (failed)" : "")
          .append("</td><td>").append(command.channel() == null ? "" : Html.escape(RequestRecord.cap(command.channel())))
          .append("</td><td>").append(String.format("%.2f", command.millis())).append("</td></tr>");
    }
    html.append("</table></details>");
    html.append("<details id=\"templates\"><summary>Templates (").append(r.templates.size())
        .append(")</summary><table><tr><th>template</th><th>ms</th></tr>");
    for (RequestRecord.Render render : r.templates) {
      html.append("<tr><td>").append(Html.escape(render.template())).append("</td><td>")
          .append(String.format("%.2f", render.millis())).append("</td></tr>");
    }
    html.append("</table><p>Layouts render inside the page that calls them.</p></details>");
    html.append("<details id=\"logs\"><summary>Logs (").append(r.logs.size()).append(")</summary><pre>");
    for (String line : r.logs) {
      html.append(Html.escape(line)).append('\n');
    }
    html.append("</pre></details>");
    html.append("<details open id=\"timing\"><summary>Timing</summary>").append(rows(
        "wall", millis(r.wallNanos) + " ms, from the toolbar in to the answer out",
        "CPU", r.cpuNanos < 0 ? "not measured (no ToolbarRecording on this route)"
            : millis(r.cpuNanos) + " ms on the handler's thread")).append("</details>");
    html.append("<details open id=\"response\"><summary>Response</summary>").append(rows(
        "status", Integer.toString(r.status), "type", r.contentType == null ? "" : r.contentType,
        "size", r.responseSize < 0 ? "written by the server (a file, a stream or JSON)" : r.responseSize + " bytes"))
        .append(headers(r.responseHeaders)).append("</details>");
    if (r.failure != null) {
      html.append("<details open id=\"failure\"><summary>Exception</summary><pre>").append(Html.escape(r.failure))
          .append("</pre></details>");
    }
    return html.toString();
  }

  private static String session(dev.kiln.session.SessionTrace trace) {
    StringBuilder html = new StringBuilder("<details id=\"session\"><summary>Session</summary>");
    if (trace == null) {
      return html.append("<p>No session on this route (or sessions are not traced: debug mode traces them).</p>")
          .append("</details>").toString();
    }
    html.append(rows("outcome", trace.outcome(), "cookie", trace.rejectedCookie()
        ? "sent, but named no valid session (tampered, expired or deleted): a new one started" : ""));
    html.append("<table><tr><th>value</th><th>before</th><th>after</th></tr>");
    java.util.Set<String> names = new java.util.TreeSet<>(trace.before().keySet());
    names.addAll(trace.after().keySet());
    for (String name : names) {
      html.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(shown(name, trace.before().get(name)))
          .append("</td><td>").append(shown(name, trace.after().get(name))).append("</td></tr>");
    }
    return html.append("</table></details>").toString();
  }

  /** A session value for the panel; the CSRF token is a secret of the session's, so only its presence shows. */
  private static String shown(String name, String json) {
    if (json == null) {
      return "—";
    }
    return name.equals("_csrf") ? "(a token)" : "<code>" + Html.escape(RequestRecord.cap(json)) + "</code>";
  }

  /** The generated binder of a handler: its class's {@code _Endpoints}, one method per route. */
  private static String binder(String handler) {
    int hash = handler.indexOf('#');
    int paren = handler.indexOf('(');
    return hash < 0 || paren < hash ? "" : handler.substring(0, hash) + "_Endpoints#" + handler.substring(hash + 1, paren);
  }

  private String routeTable() {
    if (routes.isEmpty()) {
      return "<p>No META-INF/kiln/routes.txt beside " + Html.escape(application.getName()) + ".</p>";
    }
    StringBuilder html = new StringBuilder("<table id=\"routes\"><tr><th>method</th><th>path</th><th>name</th>"
        + "<th>handler</th><th>middlewares, outermost first</th><th>conditions</th></tr>");
    for (String[] route : routes) {
      html.append("<tr>");
      for (int i = 0; i < 6; i++) {
        html.append("<td>").append(i < route.length ? Html.escape(i == 4 ? route[i].replace(",", ", ") : route[i]) : "")
            .append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table>").toString();
  }

  private String migrations() {
    if (database == null) {
      return "<p>The toolbar was given no database (<code>DebugToolbar.builder(...).migrations(database)</code>).</p>";
    }
    StringBuilder html = new StringBuilder("<table id=\"migrations\"><tr><th>#</th><th>version</th><th>description</th>"
        + "<th>installed</th><th></th></tr>");
    try {
      for (String[] migration : SqlPanel.migrations(database)) {
        html.append("<tr>");
        for (String field : migration) {
          html.append("<td>").append(Html.escape(field)).append("</td>");
        }
        html.append("</tr>");
      }
    } catch (RuntimeException e) {
      return "<p>Flyway's history could not be read: " + Html.escape(String.valueOf(e.getMessage())) + "</p>";
    }
    return html.append("</table>").toString();
  }

  private static String versions() {
    String kiln = DebugToolbar.class.getPackage().getImplementationVersion();
    return rows("Kiln", kiln == null ? "a development build" : kiln,
        "JDK", Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        "Netty", io.netty.util.Version.identify().values().stream().findFirst().map(v -> v.artifactVersion()).orElse("?"),
        "Jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
  }

  private static String rows(String... pairs) {
    StringBuilder html = new StringBuilder("<table>");
    for (int i = 0; i < pairs.length; i += 2) {
      html.append("<tr><th>").append(Html.escape(pairs[i])).append("</th><td>").append(Html.escape(pairs[i + 1]))
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static String headers(List<Map.Entry<String, String>> headers) {
    StringBuilder html = new StringBuilder("<table class=\"headers\">");
    for (Map.Entry<String, String> header : headers) {
      html.append("<tr><th>").append(Html.escape(header.getKey())).append("</th><td>").append(Html.escape(header.getValue()))
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }
}
