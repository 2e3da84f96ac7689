package dev.kiln;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An exception that becomes an HTTP response: throw it anywhere in a handler or middleware.
 *
 * <pre>{@code
 * Project project = store.find(id).orElseThrow(() -> HttpError.notFound("no project " + id));
 * throw HttpError.found(ProjectsAppUrls.login());   // aiohttp's raise HTTPFound(...)
 * }</pre>
 *
 * <p>It carries no stack trace: it is control flow, not a bug report.
 */
public class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  /** The answer, made once; its body is the message unless {@link #ownBody}. */
  private final transient Response response;
  private final boolean ownBody;

  public HttpError(int status, String message) {
    this(status, message, null, false, null);
  }

  /**
   * For subclasses that say more of a failure: an error answering as {@code answer} does (status,
   * message, headers, body), with {@code cause} kept for the log. The cause never reaches the client.
   */
  protected HttpError(HttpError answer, Throwable cause) {
    this(answer.status, answer.getMessage(), answer.response, answer.ownBody, cause);
  }

  private HttpError(int status, String message, Response response, boolean ownBody) {
    this(status, message, response, ownBody, null);
  }

  private HttpError(int status, String message, Response response, boolean ownBody, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause, false, false);
    if (status < 300 || status > 599) {
      throw new IllegalArgumentException("an HttpError status is 3xx, 4xx or 5xx, got " + status);
    }
    this.status = status;
    this.response = Response.failed(response != null ? response : Response.text(status, message), this);
    this.ownBody = ownBody;
  }

  /**
   * An error that answers with {@code response} (3xx to 5xx) as it is: error pages leave its body
   * alone. {@code message} is for logs.
   */
  public static HttpError of(Response response, String message) {
    return new HttpError(response.status(), message, response, true);
  }

  public int status() {
    return status;
  }

  /**
   * The response this error stands for, remembering this error as its {@link Response#failure()}:
   * the message as {@code text/plain} until the error mapping renders it for the client
   * (problem+json or HTML by {@code Accept}), the redirect, or the response given to {@link #of}.
   */
  public Response toResponse() {
    return response;
  }

  /**
   * Whether the answer's body is the error's own ({@link #of}, a redirect), which error pages leave
   * alone, rather than its message, which they render for the client.
   */
  public boolean hasOwnBody() {
    return ownBody || status < 400;
  }

  /** The same error answering with {@code name: value} too (a {@code Retry-After}, say); checked as {@link Response#withHeader}. */
  public HttpError withHeader(String name, String value) {
    Response base = response.withHeader(name, value);
    return new HttpError(status, getMessage(), base, ownBody);
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  public static HttpError unauthorized(String message) {
    return new HttpError(401, message);
  }

  public static HttpError forbidden(String message) {
    return new HttpError(403, message);
  }

  public static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  /** 405 with the {@code Allow} header listing the methods the resource supports. */
  public static HttpError methodNotAllowed(Set<HttpMethod> allowed) {
    String allow = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
    return new HttpError(405, "Method Not Allowed").withHeader("Allow", allow);
  }

  public static HttpError conflict(String message) {
    return new HttpError(409, message);
  }

  public static HttpError gone(String message) {
    return new HttpError(410, message);
  }

  public static HttpError payloadTooLarge(String message) {
    return new HttpError(413, message);
  }

  public static HttpError unsupportedMediaType(String message) {
    return new HttpError(415, message);
  }

  public static HttpError unprocessableContent(String message) {
    return new HttpError(422, message);
  }

  public static HttpError tooManyRequests(String message) {
    return new HttpError(429, message);
  }

  public static HttpError internalServerError(String message) {
    return new HttpError(500, message);
  }

  public static HttpError notImplemented(String message) {
    return new HttpError(501, message);
  }

  public static HttpError serviceUnavailable(String message) {
    return new HttpError(503, message);
  }

  /** 302 Found: aiohttp's {@code HTTPFound}. */
  public static HttpError found(String location) {
    return redirect(302, location);
  }

  /** 302 Found to a URL built by the generated {@code <App>Urls}. */
  public static HttpError found(Url location) {
    return redirect(302, location.toString());
  }

  public static HttpError seeOther(String location) {
    return redirect(303, location);
  }

  public static HttpError movedPermanently(String location) {
    return redirect(301, location);
  }

  public static HttpError temporaryRedirect(String location) {
    return redirect(307, location);
  }

  public static HttpError permanentRedirect(String location) {
    return redirect(308, location);
  }

  private static HttpError redirect(int status, String location) {
    return new HttpError(status, "Redirect to " + location, Response.redirect(status, location), true);
  }
}
