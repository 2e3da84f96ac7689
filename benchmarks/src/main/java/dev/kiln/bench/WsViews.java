package dev.kiln.bench;

import dev.kiln.NonBlocking;
import dev.kiln.Route;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocket;
import dev.kiln.websocket.WebSocketHandler;

/**
 * The WebSocket benchmark's routes: an echo, and a room where whatever one socket sends goes to
 * every socket in it. {@link RawNettyServer} serves the same two by hand.
 */
public final class WsViews {
  private final Topics topics = Topics.inProcess();

  @NonBlocking
  @Route(path = "/ws/echo")
  public WebSocketHandler echo() {
    return new WebSocketHandler() {
      @Override
      public void onText(WebSocket socket, String text) {
        socket.sendText(text);
      }
    };
  }

  @NonBlocking
  @Route(path = "/ws/broadcast")
  public WebSocketHandler broadcast() {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        topics.subscribe("all", socket);
      }

      @Override
      public void onText(WebSocket socket, String text) {
        topics.publish("all", text);
      }
    };
  }
}
