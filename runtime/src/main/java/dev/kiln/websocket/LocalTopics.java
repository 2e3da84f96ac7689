package dev.kiln.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics of one process: a set of sockets per topic. A message is encoded once and its bytes shared
 * by every subscriber's frame.
 */
final class LocalTopics implements Topics {
  private final ConcurrentHashMap<String, Set<WebSocket>> topics = new ConcurrentHashMap<>();

  @Override
  public void subscribe(String topic, WebSocket socket) {
    if (!socket.isOpen()) {
      return;
    }
    topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(socket);
    socket.closed().whenComplete((status, failure) -> unsubscribe(topic, socket));
  }

  @Override
  public void unsubscribe(String topic, WebSocket socket) {
    topics.computeIfPresent(topic, (t, sockets) -> sockets.remove(socket) && sockets.isEmpty() ? null : sockets);
  }

  @Override
  public CompletionStage<Void> publish(String topic, String text) {
    Set<WebSocket> sockets = topics.get(topic);
    if (sockets == null || sockets.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    ByteBuf utf8 = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    try {
      for (WebSocket socket : sockets) {
        if (socket instanceof WebSocketConnection connection) {
          connection.sendShared(utf8);
        } else {
          socket.sendText(text);
        }
      }
    } finally {
      utf8.release();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public int subscribers(String topic) {
    Set<WebSocket> sockets = topics.get(topic);
    return sockets == null ? 0 : sockets.size();
  }
}
