package dev.kiln.websocket;

import dev.kiln.Default;
import dev.kiln.Doc;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;

/**
 * WebSocket limits as settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}: each is a flag ({@code --websocket-max-message-size}), a system property
 * and an environment variable like the application's own. {@link WebSocketLimits#fromSettings} reads them.
 */
public interface WebSocketSettings {
  @Doc("Largest WebSocket frame a client may send, in bytes; beyond, close 1009")
  @Default("65536")
  @Positive
  int websocketMaxFrameSize();

  @Doc("Largest WebSocket message, its fragments together, in bytes; beyond, close 1009")
  @Default("1048576")
  @Positive
  int websocketMaxMessageSize();

  @Doc("How often the server pings each WebSocket, whatever the app sends or reads")
  @Default("25s")
  @Positive
  Duration websocketPingInterval();

  @Doc("How long a client has to answer a ping before its WebSocket is closed as gone")
  @Default("10s")
  @Positive
  Duration websocketPongTimeout();

  @Doc("How long a client has to answer a close frame before the connection is closed")
  @Default("5s")
  @Positive
  Duration websocketCloseTimeout();

  @Doc("Bytes queued for a slow WebSocket client before sends are refused (and the socket closed with 1008)")
  @Default("65536")
  @Positive
  int websocketSendHighWater();

  @Doc("Offer permessage-deflate to WebSocket clients that ask (inflation capped at the message limit)")
  @Default("false")
  boolean websocketCompression();

  @Doc("Origins besides the server's own that may open a WebSocket, comma-separated; * for any")
  @Default("")
  List<String> websocketAllowedOrigins();
}
