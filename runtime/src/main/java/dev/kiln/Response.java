package dev.kiln;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HTTP response: status, headers and a body held in memory.
 *
 * <pre>{@code
 * return Response.json(project).withHeader("Cache-Control", "no-store");
 * return Response.redirect(ProjectsAppUrls.api().project(42));
 * }</pre>
 */
public final class Response {
  private static final byte[] EMPTY = new byte[0];
  private static final String[] NO_HEADERS = new String[0];

  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  public static final String TEXT_HTML = "text/html; charset=utf-8";
  public static final String APPLICATION_JSON = "application/json";
  public static final String OCTET_STREAM = "application/octet-stream";

  private final int status;
  private final String contentType;
  private final byte[] body;
  /** Extra headers as name, value, name, value, ... ; small and copied on change. */
  private final String[] headers;

  private Response(int status, String contentType, byte[] body, String[] headers) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status must be three digits, got " + status);
    }
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = headers;
  }

  /** 200 with a {@code text/plain; charset=utf-8} body. */
  public static Response text(String text) {
    return text(200, text);
  }

  /** The given status with a {@code text/plain; charset=utf-8} body. */
  public static Response text(int status, String text) {
    return new Response(status, TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8), NO_HEADERS);
  }

  /** 200 with a {@code text/html; charset=utf-8} body. */
  public static Response html(String html) {
    return new Response(200, TEXT_HTML, html.getBytes(StandardCharsets.UTF_8), NO_HEADERS);
  }

  /** 200 with the value written as JSON by Kiln's shared {@link Json} mapper. */
  public static Response json(Object value) {
    return json(200, value);
  }

  /** The given status with the value written as JSON. */
  public static Response json(int status, Object value) {
    return new Response(status, APPLICATION_JSON, Json.write(value), NO_HEADERS);
  }

  /** 200 with the value written by a writer resolved once for its type (what generated code uses). */
  public static Response json(ObjectWriter writer, Object value) {
    return new Response(200, APPLICATION_JSON, Json.write(writer, value), NO_HEADERS);
  }

  /** 200 with an {@code application/octet-stream} body. */
  public static Response bytes(byte[] body) {
    return bytes(body, OCTET_STREAM);
  }

  /** 200 with a body of the given media type. */
  public static Response bytes(byte[] body, String contentType) {
    return new Response(200, HeaderFields.checkValue("Content-Type", Objects.requireNonNull(contentType, "contentType")),
        body.clone(), NO_HEADERS);
  }

  /** The given status with no body. */
  public static Response status(int status) {
    return new Response(status, null, EMPTY, NO_HEADERS);
  }

  /** 204 No Content. */
  public static Response noContent() {
    return status(204);
  }

  /** 302 Found to {@code location}: aiohttp's {@code HTTPFound}, the usual answer to a form POST. */
  public static Response redirect(String location) {
    return redirect(302, location);
  }

  /** 302 Found to a URL built by the generated {@code <App>Urls}. */
  public static Response redirect(Url location) {
    return redirect(302, location.toString());
  }

  /** 303 See Other: after a POST, tells the client to GET {@code location}. */
  public static Response seeOther(String location) {
    return redirect(303, location);
  }

  /** 301, 302, 303, 307 or 308 to {@code location}. */
  public static Response redirect(int status, String location) {
    switch (status) {
      case 301: case 302: case 303: case 307: case 308:
        break;
      default:
        throw new IllegalArgumentException("not a redirect status: " + status);
    }
    return status(status).withHeader("Location", Objects.requireNonNull(location, "location"));
  }

  /** A copy with another status. */
  public Response withStatus(int status) {
    return new Response(status, contentType, body, headers);
  }

  /**
   * A copy with {@code name: value} added (headers may repeat, as {@code Set-Cookie} does).
   *
   * @throws IllegalArgumentException if the name is not a token, the value holds a line break or
   *     another control character, or the header is {@code Content-Length} or {@code
   *     Transfer-Encoding}, which the server sets from the body
   */
  public Response withHeader(String name, String value) {
    HeaderFields.checkName(Objects.requireNonNull(name, "name"));
    HeaderFields.checkValue(name, Objects.requireNonNull(value, "value"));
    if (name.equalsIgnoreCase("Content-Type")) {
      return new Response(status, value, body, headers);
    }
    String[] copy = Arrays.copyOf(headers, headers.length + 2);
    copy[headers.length] = name;
    copy[headers.length + 1] = value;
    return new Response(status, contentType, body, copy);
  }

  /** A copy whose {@code name} headers are replaced by one {@code name: value}; checked as {@link #withHeader}. */
  public Response replaceHeader(String name, String value) {
    HeaderFields.checkName(Objects.requireNonNull(name, "name"));
    HeaderFields.checkValue(name, Objects.requireNonNull(value, "value"));
    if (name.equalsIgnoreCase("Content-Type")) {
      return new Response(status, value, body, headers);
    }
    List<String> kept = new ArrayList<>(headers.length + 2);
    for (int i = 0; i < headers.length; i += 2) {
      if (!headers[i].equalsIgnoreCase(name)) {
        kept.add(headers[i]);
        kept.add(headers[i + 1]);
      }
    }
    kept.add(name);
    kept.add(value);
    return new Response(status, contentType, body, kept.toArray(NO_HEADERS));
  }

  /** A copy with another body of the same media type (a middleware that re-encodes it, say). */
  public Response withBody(byte[] body) {
    return new Response(status, contentType, Objects.requireNonNull(body, "body").clone(), headers);
  }

  public int status() {
    return status;
  }

  /** The body's media type, or {@code null} when there is no body. */
  public String contentType() {
    return contentType;
  }

  /** The body; do not modify the returned array. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header set with {@link #withHeader}, or {@code null}. */
  public String header(String name) {
    if (name.equalsIgnoreCase("Content-Type")) {
      return contentType;
    }
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** The headers set with {@link #withHeader}, in order (without {@code Content-Type}). */
  public List<Map.Entry<String, String>> headers() {
    if (headers.length == 0) {
      return List.of();
    }
    List<Map.Entry<String, String>> list = new ArrayList<>(headers.length / 2);
    for (int i = 0; i < headers.length; i += 2) {
      list.add(Map.entry(headers[i], headers[i + 1]));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public String toString() {
    return "Response[" + status + (contentType == null ? "" : ", " + contentType) + ", " + body.length + " bytes]";
  }
}
