package dev.kiln.client;

/**
 * An outbound call that did not get an answer: it could not connect, timed out, was refused by the
 * client's {@link AddressPolicy}, or its connection broke. {@link StatusException} is the one for an
 * answer with an unexpected status.
 */
public class ClientException extends RuntimeException {
  private final boolean timedOut;

  public ClientException(String message, Throwable cause) {
    this(message, cause, false);
  }

  ClientException(String message, Throwable cause, boolean timedOut) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /** Whether the call ran out of time: connecting, or waiting for the whole answer. */
  public boolean timedOut() {
    return timedOut;
  }
}
