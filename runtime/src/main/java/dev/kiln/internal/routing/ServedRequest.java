package dev.kiln.internal.routing;

import dev.kiln.App;
import dev.kiln.FormData;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Json;
import dev.kiln.Multipart;
import dev.kiln.Problem;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import dev.kiln.TypedKey;
import dev.kiln.internal.body.Bodies;
import dev.kiln.internal.body.MultipartReader;
import dev.kiln.internal.http.Forwarding;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.text.PercentCodec;
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
 * The one implementation of {@link Request}: a request the server read, or one made in memory
 * ({@link InMemory}), with what routing found. Query string, cookies and the header map are parsed
 * on first use; the body is bytes, or the parts a multipart body was decoded into as it arrived.
 */
public final class ServedRequest implements Request {
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
  private RequestOrigin origin = InMemory.UNROUTED;
  /** What answers in the handler's place, for a request the server refused ({@link #refused}). */
  private HttpError refusal;
  /** Set on a request made in memory; a served request asks its connection. */
  private App app;
  private Map<TypedKey<?>, Object> attributes;
  private Forwarding forwarding;
  private Map<String, List<String>> query;
  private Map<String, String> cookies;
  private Map<String, List<String>> headerMap;
  private Multipart multipart;
  private FormData form;
  /** {@link #mediaType()}, once {@link #mediaTypeRead}. */
  private String mediaType;
  private boolean mediaTypeRead;

  private ServedRequest(HttpMethod method, String target, HttpHeaders headers, byte[] body) {
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

  /**
   * A request as a server hands it to its endpoint: routed, with the body read. For Kiln's server
   * and for tools that dispatch themselves; handlers receive requests, they do not make them.
   *
   * @param match the match {@code route} was found by, for the path parameters' bounds
   */
  public static ServedRequest routed(HttpMethod method, String target, HttpHeaders headers, byte[] body, RouteInfo route,
      RouteMatch match, RequestOrigin origin) {
    return routed(method, target, headers, body, null, route, match, origin);
  }

  /**
   * A routed request whose {@code multipart/form-data} body the server decoded as it arrived.
   *
   * @param multipart the decoded parts, or {@code null} when the body is in {@code body}
   */
  public static ServedRequest routed(HttpMethod method, String target, HttpHeaders headers, byte[] body,
      Multipart multipart, RouteInfo route, RouteMatch match, RequestOrigin origin) {
    ServedRequest request = new ServedRequest(method, target, headers, body);
    request.multipart = multipart;
    request.bind(route, match);
    request.origin = origin;
    return request;
  }

  /**
   * A routed request the server refuses before its handler (a body over the limit, an unmet
   * expectation, a body that stopped coming): its chain's middlewares run, and where the handler
   * would be called, {@code refusal} answers. Its body is not read.
   */
  public static ServedRequest refused(HttpMethod method, String target, HttpHeaders headers, RouteInfo route,
      RouteMatch match, RequestOrigin origin, HttpError refusal) {
    ServedRequest request = routed(method, target, headers, EMPTY, null, route, match, origin);
    request.refusal = Objects.requireNonNull(refusal, "refusal");
    return request;
  }

  /**
   * A request no route matched, for the router's {@linkplain RouteTable#fallback fallback}: its body is
   * never read; {@code allowed} are the methods its path matched for (empty for a 404).
   *
   * @param refusal what answers instead of 404 or 405 when routes of its path and method had unmet
   *     conditions ({@link RouteMatch#refusal()}), or {@code null}
   */
  public static ServedRequest unmatched(HttpMethod method, String target, HttpHeaders headers, Set<HttpMethod> allowed,
      HttpError refusal, RequestOrigin origin) {
    ServedRequest request = new ServedRequest(method, target, headers, EMPTY);
    request.route = RouteInfo.UNMATCHED;
    request.allowedMethods = ordered(allowed);
    request.refusal = refusal;
    request.origin = origin;
    return request;
  }

  /**
   * The Kiln request behind {@code request}.
   *
   * @throws IllegalArgumentException for a request Kiln did not make: middlewares pass on the one
   *     they were given
   */
  static ServedRequest of(Request request) {
    if (request instanceof ServedRequest served) {
      return served;
    }
    throw new IllegalArgumentException("not a request Kiln made: " + request.getClass().getName()
        + "; a middleware must pass on the Request it was given");
  }

  RequestOrigin origin() {
    return origin;
  }

  HttpError refusal() {
    return refusal;
  }

  /** Called by in-process dispatch. */
  void dispatchedBy(RouteTable table) {
    this.origin = new InMemory.Origin(table);
  }

  /** Set by in-process dispatch and by the in-memory builder. */
  void app(App app) {
    this.app = app;
  }

  /**
   * The application's state and settings (aiohttp's {@code request.app}): what
   * the server or the in-memory builder was given, else {@link App#none()}.
   */
  @Override
  public App app() {
    return app != null ? app : origin.app();
  }

  @Override
  public java.net.InetSocketAddress remoteAddress() {
    return origin.remoteAddress();
  }

  @Override
  public String clientAddress() {
    return forwarding().clientAddress();
  }

  @Override
  public String scheme() {
    return forwarding().scheme();
  }

  @Override
  public String host() {
    return forwarding().host();
  }

  private Forwarding forwarding() {
    if (forwarding == null) {
      forwarding = Forwarding.of(origin.remoteAddress(), headers, origin.trustedProxies());
    }
    return forwarding;
  }

  /**
   * Whether a route of this application matches {@code path} (canonical, as {@link #path()}) for
   * this request's method: how a middleware checks where it may redirect.
   */
  @Override
  public boolean hasRoute(String path) {
    RouteTable table = origin.table();
    return table != null && table.match(method, path, table.newMatch().headers(headers));
  }

  /** For a request no route matched: the methods its path allows (empty for a 404). */
  @Override
  public Set<HttpMethod> allowedMethods() {
    return allowedMethods;
  }

  /** The attribute set under {@code key} by a middleware, or {@code null}. */
  @Override
  public <T> T attribute(TypedKey<T> key) {
    return attributes == null ? null : key.cast(attributes.get(key));
  }

  /** Sets an attribute for the middlewares and the handler after this one. */
  @Override
  public <T> void attribute(TypedKey<T> key, T value) {
    if (attributes == null) {
      attributes = new java.util.IdentityHashMap<>(4);
    }
    attributes.put(key, value);
  }

  /** In {@link HttpMethod} order, as {@code Allow} lists them. */
  private static Set<HttpMethod> ordered(Set<HttpMethod> methods) {
    return methods.isEmpty() ? Set.of() : Collections.unmodifiableSet(java.util.EnumSet.copyOf(methods));
  }

  /** Called by in-process dispatch when no route matched; {@code refusal} as {@link #unmatched(HttpMethod, String, HttpHeaders, Set, HttpError, RequestOrigin)}. */
  void unmatched(Set<HttpMethod> allowed, HttpError refusal) {
    this.route = RouteInfo.UNMATCHED;
    this.allowedMethods = ordered(allowed);
    this.refusal = refusal;
  }

  HttpHeaders headHeaders() {
    return headers;
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

  @Override
  public HttpMethod method() {
    return method;
  }

  /** The request target as sent: path and query string. */
  @Override
  public String target() {
    return target;
  }

  /** The path in canonical percent-encoded form (see {@link PercentCodec}), without the query. */
  @Override
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}, or {@code null} when the target has none. */
  @Override
  public String queryString() {
    return queryString;
  }

  /** The route this request was dispatched to, or {@code null} before routing. */
  @Override
  public RouteInfo route() {
    return route;
  }

  /** Path parameter {@code index} (in template order), percent-decoded. */
  @Override
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
  @Override
  public String pathParam(String name) {
    int index = route == null ? -1 : route.pathParams().indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("route " + route + " has no path parameter '" + name + "'");
    }
    return pathParam(index);
  }

  /** The first value of a query parameter, or {@code null}; {@code +} decodes to a space. */
  @Override
  public String queryParam(String name) {
    List<String> values = query().get(name);
    return values == null ? null : values.get(0);
  }

  /** Every value of a query parameter, in order; empty when absent. */
  @Override
  public List<String> queryParams(String name) {
    return query().getOrDefault(name, List.of());
  }

  /** All query parameters, in order of first appearance. */
  @Override
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
  @Override
  public String header(String name) {
    return headers.get(name);
  }

  /** Every value of a header, in order; empty when absent. */
  @Override
  public List<String> headers(String name) {
    return headers.getAll(name);
  }

  /** The names of the headers sent, each once, in order. */
  @Override
  public java.util.Set<String> headerNames() {
    return headers.names();
  }

  /** Every header, each name once with all its values; names ignore case. */
  @Override
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
  @Override
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
  @Override
  public boolean hasBody() {
    return body.length > 0 || multipart != null;
  }

  /**
   * The submitted form: an {@code application/x-www-form-urlencoded} body or the fields of a
   * {@code multipart/form-data} one; empty when there is no body.
   *
   * @throws HttpError 415 for another kind of body, 400 when it is malformed
   */
  @Override
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
  @Override
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
  @Override
  public <T> T json(Class<T> type) {
    return Bodies.json(this, app().json().reader(Json.type(type)));
  }

  /** The body read as JSON into a generic type built with {@link Json#type}. */
  @Override
  public <T> T json(com.fasterxml.jackson.databind.JavaType type) {
    return Bodies.json(this, app().json().reader(type));
  }

  /** A cookie's value, or {@code null}. */
  @Override
  public String cookie(String name) {
    return cookies().get(name);
  }

  /** All cookies; the first one wins when a name repeats. */
  @Override
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
  @Override
  public byte[] body() {
    return body;
  }

  /** The body, as {@link #body()}. */
  @Override
  public byte[] bytes() {
    return body;
  }

  /** The body as text, in the {@code charset} of its {@code Content-Type} (UTF-8 when none is given). */
  @Override
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

  /** A request made in memory ({@link InMemory}): no connection, its headers and body as given. */
  static ServedRequest inMemory(HttpMethod method, String target, HttpHeaders headers, byte[] body, App app) {
    ServedRequest request = new ServedRequest(method, target, headers, body);
    request.app = app;
    return request;
  }
}
