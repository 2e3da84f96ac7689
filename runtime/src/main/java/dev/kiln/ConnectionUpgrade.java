package dev.kiln;

/**
 * What takes a connection over after a {@code 101 Switching Protocols} answer ({@link
 * Response#switchingProtocols}): Kiln's WebSocket support makes one for each accepted handshake.
 * Only the server's own implementations are accepted; a 101 with any other is answered with a 500.
 */
public interface ConnectionUpgrade {
  /** The protocol the connection switches to, as the {@code Upgrade} header names it ({@code websocket}). */
  String protocol();
}
