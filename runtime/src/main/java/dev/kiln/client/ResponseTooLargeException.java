package dev.kiln.client;

/**
 * An answer whose body is larger than the client reads ({@code clientMaxBodySize}, 10 MiB unless
 * set): the connection is dropped at the limit rather than the body held in memory.
 */
public final class ResponseTooLargeException extends ClientException {
  private final long limit;

  ResponseTooLargeException(String call, long limit, long declared) {
    super(call + ": the answer's body is larger than the " + limit + " bytes this client reads"
        + (declared >= 0 ? " (Content-Length " + declared + ")" : "")
        + "; raise clientMaxBodySize, or ClientRequest.maxBodySize for this call", null);
    this.limit = limit;
  }

  /** The limit it went past, in bytes. */
  public long limit() {
    return limit;
  }
}
