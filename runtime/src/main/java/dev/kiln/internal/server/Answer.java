package dev.kiln.internal.server;

import dev.kiln.Response;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A final answer on its way out: the response and what the encoder must know of the request it
 * answers. The exchange writes it; {@link ReadPacing} learns from {@link #whenWritten} when all of it
 * (a stream's last chunk included) has been handed to the socket's buffer, so the next pipelined
 * request is not answered in the middle of it; {@link AccessLog} logs it once it is sent.
 */
final class Answer {
  final Response response;
  /** The head it answers, {@code null} when none could be read; for the access log. */
  final HttpRequest request;
  final HttpVersion version;
  /** Whether it answers a HEAD request: headers only. */
  final boolean head;
  final boolean keepAlive;
  final long startNanos;
  /** Body bytes sent, as the encoder counted them; for the access log. */
  long bodyBytes;
  /** At most two are waiting: the read pacing's and the timeouts'; kept apart, so none allocates a chain. */
  private Runnable first;
  private Runnable second;
  private boolean written;

  Answer(Response response, HttpRequest request, HttpVersion version, boolean head, boolean keepAlive, long startNanos) {
    this.response = response;
    this.request = request;
    this.version = version;
    this.head = head;
    this.keepAlive = keepAlive;
    this.startNanos = startNanos;
  }

  /** Runs {@code action} on the event loop once the whole answer is written (at once if it is). */
  void whenWritten(Runnable action) {
    if (written) {
      action.run();
    } else if (first == null) {
      first = action;
    } else if (second == null) {
      second = action;
    } else {
      throw new IllegalStateException("an answer has two listeners: the pacing's and the timeouts'");
    }
  }

  /** Called by the encoder, on the event loop, after the answer's last piece. */
  void written() {
    if (!written) {
      written = true;
      if (first != null) {
        first.run();
      }
      if (second != null) {
        second.run();
      }
    }
  }
}
