package dev.kiln.toolbar;

import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the toolbar keeps of one request: copied out of the request and the response when it is
 * done, so that it holds no buffer, body or connection, and capped so that a request cannot make it
 * large.
 */
final class RequestRecord {
  static final int MAX_TEXT = 2000;
  static final int MAX_ITEMS = 200;

  final long id;
  final Instant at = Instant.now();
  final String method;
  final String target;
  final List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
  final int bodySize;
  final String remoteAddress;
  final RouteInfo route;
  final List<String> pathValues = new ArrayList<>();
  final List<String> queryValues = new ArrayList<>();
  volatile String chain = "";
  volatile int status;
  volatile String contentType;
  final List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
  volatile long responseSize = -1;
  volatile String failure;
  /** The 422's problem body when the request's values failed validation; {@code null} otherwise. */
  volatile String violations;
  volatile long wallNanos;
  volatile long cpuNanos = -1;
  final List<Statement> statements = new ArrayList<>();
  /**
   * The Redis commands, read when the page is shown: a command's record is added on Lettuce's thread
   * as its answer arrives, which can be just after the request completed.
   */
  volatile java.util.function.Supplier<List<Command>> commands = List::of;
  final List<String> logs = new ArrayList<>();
  final List<Render> templates = new ArrayList<>();
  /** Each middleware's time, completed by the outer ones after the toolbar's part: read when the page is shown. */
  volatile dev.kiln.internal.routing.ChainTiming timing;
  /** What the request did with its session, finished by the session middleware after the toolbar's part; {@code null} for none. */
  volatile dev.kiln.session.SessionTrace session;

  /** A statement as the SQL panel shows it: text capped, values redacted by kiln-jdbi. */
  record Statement(String sql, double millis, long rows, boolean failed, List<String> values) {}

  /** A template rendered. */
  record Render(String template, double millis) {}

  /** A Redis command: its name, and a publish's channel; never its keys or values. */
  record Command(String name, String channel, double millis, boolean failed) {}

  RequestRecord(long id, Request request, String hiddenCookie) {
    this.id = id;
    this.method = request.method() == null ? "?" : request.method().name();
    this.target = cap(request.target());
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      for (String value : header.getValue()) {
        requestHeaders.add(Map.entry(header.getKey(), header.getKey().equalsIgnoreCase("cookie")
            ? hide(value, hiddenCookie) : cap(value)));
      }
    }
    this.bodySize = request.body().length;
    this.remoteAddress = request.remoteAddress() == null ? "" : request.remoteAddress().toString();
    this.route = request.route();
    if (route != null) {
      for (int i = 0; i < route.pathParams().size(); i++) {
        pathValues.add(route.pathParams().get(i) + " = " + cap(request.pathParam(i)));
      }
    }
    for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
      for (String value : parameter.getValue()) {
        if (queryValues.size() < MAX_ITEMS) {
          queryValues.add(cap(parameter.getKey()) + " = " + cap(value));
        }
      }
    }
  }

  void finish(Response response, Throwable thrown, long nanos) {
    wallNanos = nanos;
    if (response != null) {
      status = response.status();
      contentType = response.contentType();
      for (Map.Entry<String, String> header : response.headers()) {
        responseHeaders.add(Map.entry(header.getKey(), cap(header.getValue())));
      }
      byte[] bytes = response.body() instanceof dev.kiln.ResponseBody.Bytes body ? body.bytes() : null;
      responseSize = bytes == null ? -1 : bytes.length;
      if (status == 422) {
        violations = cap(bytes != null ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
            : response.body() instanceof dev.kiln.ResponseBody.JsonValue json ? asJson(json.value()) : "");
      }
      Throwable failed = response.failure() != null ? response.failure() : thrown;
      failure = failed == null ? null : cap(stackTrace(failed));
    } else if (thrown != null) {
      status = 500;
      failure = cap(stackTrace(thrown));
    }
  }

  /** The statements whose SQL ran more than once in this request: the N+1 hint. */
  List<String> repeatedStatements() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (Statement statement : statements) {
      counts.merge(statement.sql(), 1, Integer::sum);
    }
    return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  static String cap(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "… (" + text.length() + " characters)" : text;
  }

  /** A Cookie header with the session cookie's value (and any other named like one) replaced. */
  static String hide(String header, String hiddenCookie) {
    StringBuilder out = new StringBuilder();
    for (String pair : header.split(";")) {
      String cookie = pair.strip();
      int equals = cookie.indexOf('=');
      String name = equals < 0 ? cookie : cookie.substring(0, equals);
      boolean secret = name.equals(hiddenCookie) || name.toLowerCase(java.util.Locale.ROOT).contains("session");
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(secret && equals >= 0 ? name + "=(hidden)" : cookie);
    }
    return cap(out.toString());
  }

  private static String asJson(Object value) {
    try {
      return dev.kiln.JsonCodec.standard().mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String stackTrace(Throwable failure) {
    java.io.StringWriter text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
