package dev.kiln;

import dev.kiln.body.Bodies;
import dev.kiln.body.MultipartReader;
import dev.kiln.routing.PercentCodec;
import dev.kiln.routing.RouteMatch;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request as a handler sees it: method, target, headers, body and, once routed, the route
 * and its path parameters. Query string and cookies are parsed on first use.
 *
 * <p>For tests and tools a request can be made in memory and given to {@link Router#dispatch}:
 *
 * <pre>{@code
 * Request request = Request.builder(HttpMethod.POST, "/api/projects?notify=yes")
 *     .header("Content-Type", "application/json")
 *     .body("{\"name\":\"Kiln\"}")
 *     .build();
 * }</pre>
 */
public final class Request {
  private static final byte[] EMPTY = new byte[0];
  private static final int MAX_QUERY_PARAMS = 1024;

  private final HttpMethod method;
  private final String target;
  private final String path;
  private final String queryString;
  private final HttpHeaders headers;
  private final byte[] body;

  private RouteInfo route;
  private int[] paramBounds = new int[0];
  private Set<HttpMethod> allowedMethods = Set.of();
  private Connection connection = InProcess.UNROUTED;
  /** What answers in the handler's place, for a request the server refused ({@link #refused}). */
  private HttpError refusal;
  /** Set on a request made in memory; a served request asks its connection. */
  private App app;
  private Map<AttributeKey<?>, Object> attributes;
  private Map<String, List<String>> query;
  private Map<String, String> cookies;
  private Map<String, List<String>> headerMap;
  private Multipart multipart;
  private FormData form;
  /** {@link #mediaType()}, once {@link #mediaTypeRead}. */
  private String mediaType;
  private boolean mediaTypeRead;

  private Request(HttpMethod method, String target, HttpHeaders headers, byte[] body) {
    this.method = Objects.requireNonNull(method, "method");
    this.target = Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw HttpError.badRequest("request target must be an absolute path: " + shorten(target));
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    if (rawPath.indexOf('#') >= 0 || (question >= 0 && target.indexOf('#', question) >= 0)) {
      throw HttpError.badRequest("request target must not contain a fragment: " + shorten(target));
    }
    try {
      this.path = PercentCodec.canonicalPath(rawPath);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("malformed path: " + e.getMessage());
    }
    this.queryString = question < 0 ? null : target.substring(question + 1);
    this.headers = headers;
    this.body = body;
  }

  /** A request with no headers and no body. */
  public static Request of(HttpMethod method, String target) {
    return builder(method, target).build();
  }

  public static Builder builder(HttpMethod method, String target) {
    return new Builder(method, target);
  }

  /**
   * A request as a server hands it to its endpoint: routed, with the body read. For Kiln's server
   * and for tools that dispatch themselves; handlers receive requests, they do not make them.
   *
   * @param match the match {@code route} was found by, for the path parameters' bounds
   */
  public static Request routed(HttpMethod method, String target, HttpHeaders headers, byte[] body, RouteInfo route,
      RouteMatch match, Connection connection) {
    return routed(method, target, headers, body, null, route, match, connection);
  }

  /**
   * A routed request whose {@code multipart/form-data} body the server decoded as it arrived.
   *
   * @param multipart the decoded parts, or {@code null} when the body is in {@code body}
   */
  public static Request routed(HttpMethod method, String target, HttpHeaders headers, byte[] body,
      Multipart multipart, RouteInfo route, RouteMatch match, Connection connection) {
    Request request = new Request(method, target, headers, body);
    request.multipart = multipart;
    request.bind(route, match);
    request.connection = connection;
    return request;
  }

  /**
   * A routed request the server refuses before its handler (a body over the limit, an unmet
   * expectation, a body that stopped coming): its chain's middlewares run, and where the handler
   * would be called, {@code refusal} answers. Its body is not read.
   */
  public static Request refused(HttpMethod method, String target, HttpHeaders headers, RouteInfo route,
      RouteMatch match, Connection connection, HttpError refusal) {
    Request request = routed(method, target, headers, EMPTY, null, route, match, connection);
    request.refusal = Objects.requireNonNull(refusal, "refusal");
    return request;
  }

  /**
   * A request no route matched, for the router's {@linkplain Router#fallback() fallback}: its body is
   * never read; {@code allowed} are the methods its path matched for (empty for a 404).
   */
  public static Request unmatched(HttpMethod method, String target, HttpHeaders headers, Set<HttpMethod> allowed,
      Connection connection) {
    Request request = new Request(method, target, headers, EMPTY);
    request.route = RouteInfo.UNMATCHED;
    request.allowedMethods = ordered(allowed);
    request.connection = connection;
    return request;
  }

  Connection connection() {
    return connection;
  }

  HttpError refusal() {
    return refusal;
  }

  /** Called by in-process dispatch. */
  void dispatchedBy(Router router) {
    this.connection = new InProcess(router);
  }

  /**
   * The application's state and settings (aiohttp's {@code request.app}): what
   * {@link Server.Builder#app(App)} or {@link Builder#app(App)} was given, else {@link App#none()}.
   */
  public App app() {
    return app != null ? app : connection.app();
  }

  /** The client's address; {@code null} for a request made in memory. */
  public java.net.InetSocketAddress remoteAddress() {
    return connection.remoteAddress();
  }

  /**
   * Whether a route of this application matches {@code path} (canonical, as {@link #path()}) for
   * this request's method: how a middleware checks where it may redirect.
   */
  public boolean hasRoute(String path) {
    Router router = connection.router();
    return router != null && router.match(method, path, router.newMatch());
  }

  /** In-process dispatch: handlers run on the calling thread, for tests and tools. */
  private record InProcess(Router router) implements Connection {
    static final InProcess UNROUTED = new InProcess(null);

    @Override
    public java.util.concurrent.CompletionStage<Response> run(Endpoint endpoint, Request request) {
      if (!endpoint.isBlocking()) {
        return Endpoint.answering(endpoint.route(), endpoint.callAsync(request));
      }
      try {
        return java.util.concurrent.CompletableFuture.completedFuture(endpoint.call(request));
      } catch (Exception | Error e) {
        return java.util.concurrent.CompletableFuture.completedFuture(Endpoint.failureResponse(endpoint.route(), e));
      }
    }

    @Override
    public java.net.InetSocketAddress remoteAddress() {
      return null;
    }
  }

  /** For a request no route matched: the methods its path allows (empty for a 404). */
  public Set<HttpMethod> allowedMethods() {
    return allowedMethods;
  }

  /** The attribute set under {@code key} by a middleware, or {@code null}. */
  public <T> T attribute(AttributeKey<T> key) {
    return attributes == null ? null : key.cast(attributes.get(key));
  }

  /** Sets an attribute for the middlewares and the handler after this one. */
  public <T> void attribute(AttributeKey<T> key, T value) {
    if (attributes == null) {
      attributes = new java.util.IdentityHashMap<>(4);
    }
    attributes.put(key, value);
  }

  /** In {@link HttpMethod} order, as {@code Allow} lists them. */
  private static Set<HttpMethod> ordered(Set<HttpMethod> methods) {
    return methods.isEmpty() ? Set.of() : Collections.unmodifiableSet(java.util.EnumSet.copyOf(methods));
  }

  /** Called by in-process dispatch when no route matched. */
  void unmatched(Set<HttpMethod> allowed) {
    this.route = RouteInfo.UNMATCHED;
    this.allowedMethods = ordered(allowed);
  }

  /** Called by the dispatcher once the route is known. */
  void bind(RouteInfo route, RouteMatch match) {
    this.route = route;
    int count = route.pathParams().size();
    if (count > 0) {
      int[] bounds = new int[2 * count];
      for (int i = 0; i < count; i++) {
        bounds[2 * i] = match.start(i);
        bounds[2 * i + 1] = match.end(i);
      }
      this.paramBounds = bounds;
    }
  }

  public HttpMethod method() {
    return method;
  }

  /** The request target as sent: path and query string. */
  public String target() {
    return target;
  }

  /** The path in canonical percent-encoded form (see {@link PercentCodec}), without the query. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}, or {@code null} when the target has none. */
  public String queryString() {
    return queryString;
  }

  /** The route this request was dispatched to, or {@code null} before routing. */
  public RouteInfo route() {
    return route;
  }

  /** Path parameter {@code index} (in template order), percent-decoded. */
  public String pathParam(int index) {
    if (2 * index >= paramBounds.length) {
      throw new IndexOutOfBoundsException("route " + route + " has no path parameter #" + index);
    }
    try {
      return PercentCodec.decode(path, paramBounds[2 * index], paramBounds[2 * index + 1]);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("path parameter '" + route.pathParams().get(index) + "': " + e.getMessage());
    }
  }

  /** The path parameter with this name, percent-decoded. */
  public String pathParam(String name) {
    int index = route == null ? -1 : route.pathParams().indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("route " + route + " has no path parameter '" + name + "'");
    }
    return pathParam(index);
  }

  /** The first value of a query parameter, or {@code null}; {@code +} decodes to a space. */
  public String queryParam(String name) {
    List<String> values = query().get(name);
    return values == null ? null : values.get(0);
  }

  /** Every value of a query parameter, in order; empty when absent. */
  public List<String> queryParams(String name) {
    return query().getOrDefault(name, List.of());
  }

  /** All query parameters, in order of first appearance. */
  public Map<String, List<String>> query() {
    if (query == null) {
      if (queryString == null || queryString.isEmpty()) {
        query = Map.of();
      } else {
        try {
          // ';' is an ordinary character: treating it as a separator lets proxies and Kiln disagree.
          query = Collections.unmodifiableMap(new QueryStringDecoder(
              queryString, StandardCharsets.UTF_8, false, MAX_QUERY_PARAMS, true).parameters());
        } catch (IllegalArgumentException e) {
          throw HttpError.badRequest("malformed query string: " + e.getMessage());
        }
      }
    }
    return query;
  }

  /** The first value of a header (names ignore case), or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Every value of a header, in order; empty when absent. */
  public List<String> headers(String name) {
    return headers.getAll(name);
  }

  /** The names of the headers sent, each once, in order. */
  public java.util.Set<String> headerNames() {
    return headers.names();
  }

  /** Every header, each name once with all its values; names ignore case. */
  public Map<String, List<String>> headers() {
    if (headerMap == null) {
      Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String name : headers.names()) {
        map.put(name, List.copyOf(headers.getAll(name)));
      }
      headerMap = Collections.unmodifiableMap(map);
    }
    return headerMap;
  }

  /**
   * The body's media type from {@code Content-Type}, lower case and without parameters
   * ({@code application/json}), or {@code null} when none was sent.
   */
  public String mediaType() {
    if (!mediaTypeRead) {
      mediaTypeRead = true;
      String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
      if (type == null) {
        mediaType = null;
      } else {
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
        mediaType = media.isEmpty() ? null : media;
      }
    }
    return mediaType;
  }

  /** Whether the request has a body (a decoded multipart body counts). */
  public boolean hasBody() {
    return body.length > 0 || multipart != null;
  }

  /**
   * The submitted form: an {@code application/x-www-form-urlencoded} body or the fields of a
   * {@code multipart/form-data} one; empty when there is no body.
   *
   * @throws HttpError 415 for another kind of body, 400 when it is malformed
   */
  public FormData form() {
    if (form == null) {
      form = switch (Bodies.kind(this)) {
        case NONE -> FormData.empty();
        case MULTIPART -> multipart().fields();
        case URLENCODED -> urlencoded();
        default -> throw Bodies.unsupported(this, Bodies.URLENCODED + " or " + Bodies.MULTIPART);
      };
    }
    return form;
  }

  private FormData urlencoded() {
    try {
      return FormData.of(new QueryStringDecoder(text(), StandardCharsets.UTF_8, false, MAX_QUERY_PARAMS, true)
          .parameters());
    } catch (IllegalArgumentException e) {
      throw Problem.of(400).detail("malformed form body: " + e.getMessage()).toError();
    }
  }

  /**
   * The parts of a {@code multipart/form-data} body; the server decodes them as they arrive, spooling
   * large files to disk (deleted once the response is written).
   *
   * @throws HttpError 415 for another kind of body, 400 when it is malformed
   */
  public Multipart multipart() {
    if (multipart == null) {
      Bodies.Kind kind = Bodies.kind(this);
      if (kind == Bodies.Kind.NONE) {
        return Multipart.empty();
      }
      if (kind != Bodies.Kind.MULTIPART) {
        throw Bodies.unsupported(this, Bodies.MULTIPART);
      }
      multipart = MultipartReader.decode(headers, body); // a request made in memory
    }
    return multipart;
  }

  /**
   * The body read as JSON into {@code type}.
   *
   * @throws HttpError 400 for an empty body, malformed JSON or a value that does not fit the type
   */
  public <T> T json(Class<T> type) {
    return Bodies.json(this, Json.mapper().readerFor(type));
  }

  /** The body read as JSON into a generic type built with {@link Json#type}. */
  public <T> T json(com.fasterxml.jackson.databind.JavaType type) {
    return Bodies.json(this, Json.mapper().readerFor(type));
  }

  /** A cookie's value, or {@code null}. */
  public String cookie(String name) {
    return cookies().get(name);
  }

  /** All cookies; the first one wins when a name repeats. */
  public Map<String, String> cookies() {
    if (cookies == null) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
        for (io.netty.handler.codec.http.cookie.Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
          map.putIfAbsent(cookie.name(), cookie.value());
        }
      }
      cookies = Collections.unmodifiableMap(map);
    }
    return cookies;
  }

  /**
   * The body; do not modify the returned array. Empty for a multipart body the server decoded as it
   * arrived: read it through {@link #multipart()}.
   */
  public byte[] body() {
    return body;
  }

  /** The body, as {@link #body()}. */
  public byte[] bytes() {
    return body;
  }

  /** The body as text, in the {@code charset} of its {@code Content-Type} (UTF-8 when none is given). */
  public String text() {
    return new String(body, HttpUtil.getCharset(headers.get(HttpHeaderNames.CONTENT_TYPE), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return method + " " + shorten(target);
  }

  private static String shorten(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** Builds a request in memory, for tests and tools. */
  public static final class Builder {
    private final HttpMethod method;
    private final String target;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private byte[] body = EMPTY;
    private App app;

    private Builder(HttpMethod method, String target) {
      this.method = method;
      this.target = target;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    public Builder body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The application {@link Request#app()} answers. */
    public Builder app(App app) {
      this.app = app;
      return this;
    }

    public Request build() {
      Request request = new Request(method, target, headers, body);
      request.app = app;
      return request;
    }
  }
}
