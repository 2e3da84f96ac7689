package dev.kiln;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HTTP response: status, headers and a {@link ResponseBody}: bytes in memory, a file,
 * a stream written as the client takes it, or nothing.
 *
 * <pre>{@code
 * return Response.json(project).withHeader("Cache-Control", "no-store");
 * return Response.redirect(ProjectsAppUrls.api().project(42));
 * return Response.file(Path.of("reports", name + ".pdf"));
 * return Response.stream("text/csv", out -> rows.forEach(row -> out.write(row.csv())));
 * }</pre>
 */
public final class Response {
  private static final byte[] EMPTY = new byte[0];
  private static final String[] NO_HEADERS = new String[0];

  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  public static final String TEXT_HTML = "text/html; charset=utf-8";
  public static final String APPLICATION_JSON = "application/json";
  public static final String OCTET_STREAM = "application/octet-stream";

  private static final ResponseBody.Bytes NO_BYTES = new ResponseBody.Bytes(EMPTY);

  private final int status;
  private final String contentType;
  private final ResponseBody body;
  /** Extra headers as name, value, name, value, ... ; small and copied on change. */
  private final String[] headers;
  /** What this response stands for when an exception made it ({@link #failure()}); {@code null} otherwise. */
  private final Throwable failure;
  /** What takes the connection over after a 101; {@code null} otherwise. */
  private final ConnectionUpgrade upgrade;

  private Response(int status, String contentType, ResponseBody body, String[] headers, Throwable failure,
      ConnectionUpgrade upgrade) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status must be three digits, got " + status);
    }
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = headers;
    this.failure = failure;
    this.upgrade = upgrade;
  }

  private Response(int status, String contentType, byte[] body, String[] headers) {
    this(status, contentType, body.length == 0 ? NO_BYTES : new ResponseBody.Bytes(body), headers, null, null);
  }

  private Response with(ResponseBody body, String contentType) {
    return new Response(status, contentType, body, headers, failure, upgrade);
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

  /**
   * 200 with the value written as JSON by the application's {@link JsonCodec}, once the handler has
   * answered ({@link ResponseBody.JsonValue}).
   */
  public static Response json(Object value) {
    return json(200, value);
  }

  /** The given status with the value written as JSON. */
  public static Response json(int status, Object value) {
    return new Response(status, APPLICATION_JSON, new ResponseBody.JsonValue(value, null), NO_HEADERS, null, null);
  }

  /** 200 with the value written as a {@code type}, its writer resolved once per type (what generated code uses). */
  public static Response json(JavaType type, Object value) {
    return new Response(200, APPLICATION_JSON, new ResponseBody.JsonValue(value, Objects.requireNonNull(type, "type")),
        NO_HEADERS, null, null);
  }

  /**
   * This response with a {@link ResponseBody.JsonValue} body written by {@code codec}; any other
   * response as it is. The server does it on the handler's thread, so a middleware sees bytes.
   */
  public Response rendered(JsonCodec codec) {
    if (!(body instanceof ResponseBody.JsonValue json)) {
      return this;
    }
    byte[] bytes = json.type() == null ? codec.write(json.value()) : codec.write(json.type(), json.value());
    return with(bytes.length == 0 ? NO_BYTES : new ResponseBody.Bytes(bytes), contentType);
  }

  /** 200 with an {@code application/octet-stream} body. */
  public static Response bytes(byte[] body) {
    return bytes(body, OCTET_STREAM);
  }

  /** 200 with a body of the given media type. */
  public static Response bytes(byte[] body, String contentType) {
    return new Response(200, checkedType(contentType), body.clone(), NO_HEADERS);
  }

  /**
   * 200 with the whole file, its media type guessed from its name ({@link MediaTypes#forFileName}).
   * Sent with {@code sendfile} when nothing transforms it; opened when the response is written.
   *
   * @throws UncheckedIOException if the file is not a regular file whose size can be read
   */
  public static Response file(Path file) {
    return file(file, MediaTypes.forFileName(file.getFileName() == null ? "" : file.getFileName().toString()));
  }

  /** 200 with the whole file as {@code contentType}; see {@link #file(Path)}. */
  public static Response file(Path file, String contentType) {
    long size;
    try {
      if (!Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString(), null, "not a regular file");
      }
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + file, e);
    }
    return file(file, 0, size, contentType);
  }

  /** 200 with {@code length} bytes of the file from {@code offset} (a range); see {@link #file(Path)}. */
  public static Response file(Path file, long offset, long length, String contentType) {
    return new Response(200, checkedType(contentType), new ResponseBody.FileRegion(file, offset, length), NO_HEADERS,
        null, null);
  }

  /**
   * 200 with a body {@code writer} produces as it is sent, of unknown length ({@code
   * Transfer-Encoding: chunked}). The writer runs on a blocking thread; its writes block while the
   * client is slow, so the server never holds more than a few chunks of it.
   */
  public static Response stream(String contentType, ResponseBody.Writer writer) {
    return stream(contentType, -1, writer);
  }

  /** As {@link #stream(String, ResponseBody.Writer)}, for a body of a known {@code length}: sent with {@code Content-Length}. */
  public static Response stream(String contentType, long length, ResponseBody.Writer writer) {
    return new Response(200, checkedType(contentType), new ResponseBody.Stream(writer, length), NO_HEADERS, null,
        null);
  }

  /**
   * 101 Switching Protocols to {@code protocol}, after which {@code upgrade} takes the connection
   * over. Made by Kiln's protocol support (WebSocket), not by handlers directly.
   */
  public static Response switchingProtocols(String protocol, ConnectionUpgrade upgrade) {
    return new Response(101, null, ResponseBody.Empty.INSTANCE, NO_HEADERS, null,
        Objects.requireNonNull(upgrade, "upgrade"))
        .withHeader("Upgrade", Objects.requireNonNull(protocol, "protocol"))
        .withHeader("Connection", "Upgrade");
  }

  /**
   * The response an exception stands for: {@code response} remembering {@code failure}, so the error
   * mapping ({@link dev.kiln.middleware.ErrorPages}, or the server's own) can render it by its type
   * and for the client. What the server makes of an exception a handler throws.
   */
  public static Response failed(Response response, Throwable failure) {
    return new Response(response.status, response.contentType, response.body, response.headers,
        Objects.requireNonNull(failure, "failure"), response.upgrade);
  }

  private static String checkedType(String contentType) {
    return HeaderFields.checkValue("Content-Type", Objects.requireNonNull(contentType, "contentType"));
  }

  /** The given status with no body. */
  public static Response status(int status) {
    return new Response(status, null, ResponseBody.Empty.INSTANCE, NO_HEADERS, null, null);
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
    return new Response(status, contentType, body, headers, failure, upgrade);
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
      return with(body, value);
    }
    String[] copy = Arrays.copyOf(headers, headers.length + 2);
    copy[headers.length] = name;
    copy[headers.length + 1] = value;
    return new Response(status, contentType, body, copy, failure, upgrade);
  }

  /** A copy whose {@code name} headers are replaced by one {@code name: value}; checked as {@link #withHeader}. */
  public Response replaceHeader(String name, String value) {
    HeaderFields.checkName(Objects.requireNonNull(name, "name"));
    HeaderFields.checkValue(name, Objects.requireNonNull(value, "value"));
    if (name.equalsIgnoreCase("Content-Type")) {
      return with(body, value);
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
    return new Response(status, contentType, body, kept.toArray(NO_HEADERS), failure, upgrade);
  }

  /** A copy without the {@code name} headers. */
  public Response withoutHeader(String name) {
    List<String> kept = new ArrayList<>(headers.length);
    for (int i = 0; i < headers.length; i += 2) {
      if (!headers[i].equalsIgnoreCase(name)) {
        kept.add(headers[i]);
        kept.add(headers[i + 1]);
      }
    }
    return new Response(status, contentType, body, kept.toArray(NO_HEADERS), failure, upgrade);
  }

  /** A copy with another body of the same media type (a middleware that re-encodes it, say). */
  public Response withBody(byte[] body) {
    byte[] copy = Objects.requireNonNull(body, "body").clone();
    return with(copy.length == 0 ? NO_BYTES : new ResponseBody.Bytes(copy), contentType);
  }

  /** A copy with another body of the same media type, of any kind (a stream that compresses a file, say). */
  public Response withBody(ResponseBody body) {
    return with(Objects.requireNonNull(body, "body"), contentType);
  }

  public int status() {
    return status;
  }

  /** The body's media type, or {@code null} when there is no body. */
  public String contentType() {
    return contentType;
  }

  /** The body, of whichever kind. */
  public ResponseBody body() {
    return body;
  }

  /**
   * The body's bytes when it is held in memory (empty when there is none; a JSON value written with
   * Kiln's default codec when no app has written it yet); do not modify the array.
   *
   * @throws IllegalStateException for a file or streamed body, which is never read into memory
   */
  public byte[] bytes() {
    if (body instanceof ResponseBody.Bytes bytes) {
      return bytes.bytes();
    }
    if (body instanceof ResponseBody.JsonValue) {
      return rendered(App.none().json()).bytes(); // not rendered by the app yet: Kiln's defaults
    }
    if (body instanceof ResponseBody.Empty) {
      return EMPTY;
    }
    throw new IllegalStateException("the body of " + this + " is not held in memory: read it through body()");
  }

  /** The body decoded as UTF-8; see {@link #bytes()}. */
  public String bodyText() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /**
   * The exception this response stands for, when the server made it from one (a handler's {@link
   * HttpError}, a failure, a request Kiln refused), else {@code null}: what an error page renders
   * by.
   */
  public Throwable failure() {
    return failure;
  }

  /** What takes the connection over after this 101, else {@code null}. */
  public ConnectionUpgrade upgrade() {
    return upgrade;
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
    String kind = body instanceof ResponseBody.FileRegion ? " file" : body instanceof ResponseBody.Stream ? " streamed" : "";
    return "Response[" + status + (contentType == null ? "" : ", " + contentType) + ", "
        + (body.length() < 0 ? "unknown length" : body.length() + kind + " bytes") + "]";
  }
}
