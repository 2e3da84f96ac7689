package dev.kiln;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP request as a handler or middleware sees it: method, target, headers, body and, once
 * routed, the route and its path parameters. Kiln makes requests; a middleware passes on the one
 * it was given. Query string and cookies are parsed on first use.
 *
 * <pre>{@code
 * @Route(path = "/search")
 * public String search(Request request) {
 *   return "Searching for " + request.queryParam("query") + " from " + request.remoteAddress();
 * }
 * }</pre>
 */
public interface Request {
  HttpMethod method();

  /** The request target as sent: path and query string. */
  String target();

  /** The path in canonical percent-encoded form, without the query. */
  String path();

  /** The raw query string without {@code ?}, or {@code null} when the target has none. */
  String queryString();

  /** The route this request was dispatched to; {@link RouteInfo#UNMATCHED} when none matched. */
  RouteInfo route();

  /** Path parameter {@code index} (in template order), percent-decoded; what generated binders read. */
  String pathParam(int index);

  /** The path parameter with this name, percent-decoded. */
  String pathParam(String name);

  /** The first value of a query parameter, or {@code null}; {@code +} decodes to a space. */
  String queryParam(String name);

  /** Every value of a query parameter, in order; empty when absent. */
  List<String> queryParams(String name);

  /** All query parameters, in order of first appearance. */
  Map<String, List<String>> query();

  /** The first value of a header (names ignore case), or {@code null}. */
  String header(String name);

  /** Every value of a header, in order; empty when absent. */
  List<String> headers(String name);

  /** The names of the headers sent, each once, in order. */
  Set<String> headerNames();

  /** Every header, each name once with all its values; names ignore case. */
  Map<String, List<String>> headers();

  /** A cookie's value, or {@code null}. */
  String cookie(String name);

  /** All cookies; the first one wins when a name repeats. */
  Map<String, String> cookies();

  /**
   * The body's media type from {@code Content-Type}, lower case and without parameters
   * ({@code application/json}), or {@code null} when none was sent.
   */
  String mediaType();

  /** Whether the request has a body (a decoded multipart body counts). */
  boolean hasBody();

  /**
   * The body; do not modify the returned array. Empty for a multipart body the server decoded as it
   * arrived: read it through {@link #multipart()}.
   */
  byte[] body();

  /** The body, as {@link #body()}. */
  byte[] bytes();

  /** The body as text, in the {@code charset} of its {@code Content-Type} (UTF-8 when none is given). */
  String text();

  /**
   * The body read as JSON into {@code type}.
   *
   * @throws HttpError 400 for an empty body, malformed JSON or a value that does not fit the type
   */
  <T> T json(Class<T> type);

  /** The body read as JSON into a generic type built with {@link Json#type}. */
  <T> T json(com.fasterxml.jackson.databind.JavaType type);

  /**
   * The submitted form: an {@code application/x-www-form-urlencoded} body or the fields of a
   * {@code multipart/form-data} one; empty when there is no body.
   *
   * @throws HttpError 415 for another kind of body, 400 when it is malformed
   */
  FormData form();

  /**
   * The parts of a {@code multipart/form-data} body; the server decodes them as they arrive, spooling
   * large files to disk (deleted once the response is written).
   *
   * @throws HttpError 415 for another kind of body, 400 when it is malformed
   */
  Multipart multipart();

  /** The application's state and settings (aiohttp's {@code request.app}); {@link App#none()} when it has none. */
  App app();

  /**
   * The socket's peer: the client, or the nearest proxy when there is one; {@code null} for a
   * request made in memory. {@link #clientAddress()} looks through trusted proxies.
   */
  InetSocketAddress remoteAddress();

  /**
   * The client's IP address. From a trusted proxy ({@code --trusted-proxies}), the first address
   * of {@code Forwarded} or {@code X-Forwarded-For}, right to left, that is not a trusted proxy
   * itself (or an obfuscated identifier such as {@code _hidden}, as sent); otherwise, and for
   * headers from anyone else, the socket's peer. {@code null} for a request made in memory.
   */
  String clientAddress();

  /** {@code https} or {@code http}: how the client reached the first trusted proxy, else {@code http}. */
  String scheme();

  /**
   * The host and port the client asked for: the forwarded host from a trusted proxy, else the
   * {@code Host} header; {@code null} when neither names a valid one.
   */
  String host();

  /**
   * {@code url} as an absolute URL the client can follow from anywhere ({@code https://example.com/projects/7}),
   * from {@link #scheme()} and {@link #host()}: for links in mail, OAuth callbacks, a {@code Location}
   * another origin reads.
   *
   * @throws IllegalStateException when the request named no valid host
   */
  default String absoluteUrl(Url url) {
    String host = host();
    if (host == null) {
      throw new IllegalStateException("the request named no valid host, so no absolute URL can be made for " + url);
    }
    return scheme() + "://" + host + url;
  }

  /**
   * Whether a route of this application matches {@code path} (canonical, as {@link #path()}) for
   * this request's method: how a middleware checks where it may redirect.
   */
  boolean hasRoute(String path);

  /** For a request no route matched: the methods its path allows (empty for a 404). */
  Set<HttpMethod> allowedMethods();

  /** The attribute set under {@code key} by a middleware, or {@code null}. */
  <T> T attribute(TypedKey<T> key);

  /** Sets an attribute for the middlewares and the handler after this one. */
  <T> void attribute(TypedKey<T> key, T value);

  /**
   * Hands {@code value} to the handlers of this chain that take a {@code type} parameter: what a
   * middleware declared with {@link Provides} calls. It is the attribute under {@link TypedKey#of(Class)}.
   */
  default <T> void provide(Class<T> type, T value) {
    attribute(TypedKey.of(type), type.cast(value));
  }
}
