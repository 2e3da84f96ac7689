package dev.kiln.websocket;

import dev.kiln.TypedKey;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * One open WebSocket connection, as its {@link WebSocketHandler} sees it. Safe to use from any
 * thread: sends are queued on the connection's event loop in the order they are made.
 *
 * <p><b>Backpressure.</b> Sends are asynchronous. When more than the send high-water mark
 * ({@link WebSocketLimits#sendHighWater()}, 64 KiB by default) waits for a client that does not read,
 * {@link #isWritable()} turns false, and {@link WebSocketHandler#onWritable} says when it is true
 * again. A send made while it is false closes the connection with 1008 (the client is too slow) and
 * fails, unless {@link WebSocketLimits.Builder#dropWhenSlow()} says to fail only that send: memory
 * never grows with a client that stopped reading.
 */
public interface WebSocket {
  /** Sends a text message; completes when it is written to the socket. */
  CompletionStage<Void> sendText(String text);

  /** Sends a binary message; completes when it is written to the socket. */
  CompletionStage<Void> sendBinary(byte[] data);

  /**
   * Starts the close handshake with {@code code} (1000 normal, 1001 going away, 1008 policy, 4000 to
   * 4999 the app's own) and {@code reason} (at most 123 bytes of UTF-8, cut beyond); the connection
   * closes when the client answers, or after the close timeout. Completes when it is closed.
   */
  CompletionStage<CloseStatus> close(int code, String reason);

  /** Closes normally (1000). */
  default CompletionStage<CloseStatus> close() {
    return close(CloseStatus.NORMAL, "");
  }

  /** Completes with the close status once the connection is closed, however it closed. */
  CompletionStage<CloseStatus> closed();

  /** Whether the connection is open and not closing. */
  boolean isOpen();

  /** Whether the send queue is below its high-water mark, so a send is accepted. */
  boolean isWritable();

  /** The client's address. */
  InetSocketAddress remoteAddress();

  /** An id for logs, unique in this process. */
  String id();

  /** A value the app attached to this connection, or {@code null}. */
  <T> T attribute(TypedKey<T> key);

  /** Attaches {@code value} ({@code null} removes it). */
  <T> void attribute(TypedKey<T> key, T value);
}
