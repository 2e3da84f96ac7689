package dev.kiln;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem-details answer ({@code application/problem+json}): what Kiln sends for a
 * request it refuses because of its content (malformed JSON, invalid fields), and what a handler
 * can throw for its own.
 *
 * <pre>{@code
 * throw Problem.of(409).detail("slug already taken").with("slug", slug).toError();
 * }</pre>
 */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";

  private final int status;
  /** The members in order; values are written by the app's {@link JsonCodec} with the response. */
  private final Map<String, Object> body = new LinkedHashMap<>();
  private String detail;

  private Problem(int status) {
    this.status = status;
    body.put("type", "about:blank");
    body.put("title", HttpResponseStatus.valueOf(status).reasonPhrase());
    body.put("status", status);
  }

  public static Problem of(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem's status is 4xx or 5xx, got " + status);
    }
    return new Problem(status);
  }

  /** A human-readable explanation of this occurrence. */
  public Problem detail(String detail) {
    this.detail = detail;
    body.put("detail", detail);
    return this;
  }

  /** The URI reference of this occurrence: the request's path. */
  public Problem instance(String instance) {
    body.put("instance", instance);
    return this;
  }

  /** An extension member; {@code value} is written by the app's JSON codec. */
  public Problem with(String name, Object value) {
    body.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Response toResponse() {
    return Response.json(status, new LinkedHashMap<>(body)).withHeader("Content-Type", MEDIA_TYPE);
  }

  /** An {@link HttpError} to throw; its message is the detail (or the title). */
  public HttpError toError() {
    return HttpError.of(toResponse(), detail != null ? detail : (String) body.get("title"));
  }
}
