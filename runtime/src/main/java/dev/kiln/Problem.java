package dev.kiln;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;

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
  private final ObjectNode body;
  private String detail;

  private Problem(int status) {
    this.status = status;
    this.body = Json.mapper().createObjectNode()
        .put("type", "about:blank")
        .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
        .put("status", status);
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

  /** An extension member; {@code value} is written by Jackson. */
  public Problem with(String name, Object value) {
    body.set(name, Json.mapper().valueToTree(value));
    return this;
  }

  public int status() {
    return status;
  }

  public Response toResponse() {
    return Response.bytes(Json.write(body), MEDIA_TYPE).withStatus(status);
  }

  /** An {@link HttpError} to throw; its message is the detail (or the title). */
  public HttpError toError() {
    return HttpError.of(toResponse(), detail != null ? detail : body.get("title").asText());
  }
}
