package dev.kiln.websocket;

/**
 * What a WebSocket route does with its connection: a route method returning one is a WebSocket
 * route. Its parameters bind at the handshake (path, query, headers, cookies, provided values such
 * as the session), its middlewares run on the handshake request and may refuse it with any HTTP
 * answer, and the handler it returns gets the connection's events:
 *
 * <pre>{@code
 * @Route(path = "/ws/rooms/{room}", name = "room")
 * public WebSocketHandler room(String room, CurrentUser user) {
 *   return new WebSocketHandler() {
 *     public void onOpen(WebSocket socket) { topics.subscribe("room:" + room, socket); }
 *     public void onText(WebSocket socket, String text) { topics.publish("room:" + room, user.name() + ": " + text); }
 *   };
 * }
 * }</pre>
 *
 * <p>Events come one at a time and in order, on the event loop when the route is non-blocking
 * ({@code @NonBlocking}), else on the blocking executor, as for HTTP handlers. A callback that throws
 * gets {@link #onError} and the connection is closed with 1011. Every method has a default that
 * does nothing, so a handler overrides what it needs.
 */
public interface WebSocketHandler {
  /** The handshake is done: the socket can send. */
  default void onOpen(WebSocket socket) throws Exception {}

  /** A whole text message, its fragments joined; valid UTF-8, at most the message limit. */
  default void onText(WebSocket socket, String text) throws Exception {}

  /** A whole binary message, its fragments joined; at most the message limit. */
  default void onBinary(WebSocket socket, byte[] data) throws Exception {}

  /** The send queue drained below its low-water mark after {@link WebSocket#isWritable()} turned false. */
  default void onWritable(WebSocket socket) throws Exception {}

  /** A callback threw {@code error}; the connection is closed with 1011 after this. */
  default void onError(WebSocket socket, Throwable error) {}

  /** The connection is closed, and why; always the last event, exactly once. */
  default void onClose(WebSocket socket, CloseStatus status) throws Exception {}
}
