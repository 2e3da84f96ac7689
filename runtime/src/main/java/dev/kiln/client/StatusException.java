package dev.kiln.client;

/**
 * An answer with a status the call did not expect (anything but 2xx for a typed call), when its
 * body is not a problem ({@link ProblemException} is the one for {@code application/problem+json}).
 */
public class StatusException extends ClientException {
  private static final int EXCERPT = 500;

  private final transient ClientResponse response;

  StatusException(String message, ClientResponse response) {
    super(message, null);
    this.response = response;
  }

  /** {@code GET http://... answered 500: <the body's start>}. */
  static StatusException of(String call, ClientResponse response) {
    return new StatusException(call + " answered " + response.status() + excerpt(response), response);
  }

  /** The status it answered. */
  public int status() {
    return response.status();
  }

  /** The whole answer: headers and body. */
  public ClientResponse response() {
    return response;
  }

  private static String excerpt(ClientResponse response) {
    String text = response.text().strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
  }
}
