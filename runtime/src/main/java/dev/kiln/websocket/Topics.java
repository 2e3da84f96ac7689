package dev.kiln.websocket;

import java.util.concurrent.CompletionStage;

/**
 * Broadcast to WebSockets by topic: every socket subscribed to a topic gets what is published on it.
 * {@link #inProcess()} reaches the sockets of this process; kiln-redis's {@code RedisTopics} reaches
 * those of every instance sharing a Redis, through its PUB/SUB.
 *
 * <pre>{@code
 * public void onOpen(WebSocket socket) { topics.subscribe("projects", socket); }   // left again when it closes
 *
 * topics.publish("projects", json);                                                 // from any handler, on any instance
 * }</pre>
 *
 * <p>A subscriber too slow for its send queue is treated as any slow client: closed with 1008 (or
 * the message dropped for it alone, {@link WebSocketLimits.Builder#dropWhenSlow()}), never holding
 * the others back.
 */
public interface Topics {
  /** Subscribes {@code socket} to {@code topic}, until it unsubscribes or closes. */
  void subscribe(String topic, WebSocket socket);

  void unsubscribe(String topic, WebSocket socket);

  /**
   * Sends {@code text} to every socket subscribed to {@code topic}. Completes once it is handed to
   * them (in process) or to Redis (across instances), not when each client has it.
   */
  CompletionStage<Void> publish(String topic, String text);

  /** Sockets of this process subscribed to {@code topic}. */
  int subscribers(String topic);

  /** Topics of this process only. */
  static Topics inProcess() {
    return new LocalTopics();
  }
}
