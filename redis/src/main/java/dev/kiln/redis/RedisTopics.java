package dev.kiln.redis;

import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocket;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * WebSocket topics shared by every instance of the app through Redis PUB/SUB: a message published
 * on one instance reaches the sockets subscribed to its topic on all of them, this one included.
 * Each topic is the Redis channel {@code kiln:topic:<topic>}; every instance listens to them all with
 * one pattern subscription, kept up by {@link PubSub} (heartbeat, reconnect, resubscribe).
 *
 * <pre>{@code
 * Topics topics = s.closeAtShutdown(RedisTopics.start(redis, gap -> LOG.warn("Live updates may have missed messages: {}", gap)));
 * }</pre>
 *
 * <p>Redis keeps no messages for a link that was down: when it comes back, the app is told through
 * {@code onGap} ({@link Subscription.Gap#RESUBSCRIBED}), so it can tell its clients to reload what
 * the messages maintain. A publish while Redis is away fails its stage.
 */
public final class RedisTopics implements Topics, AutoCloseable {
  private static final String PREFIX = "kiln:topic:";

  private final Redis redis;
  private final Topics local = Topics.inProcess();
  private final Subscription subscription;

  private RedisTopics(Redis redis, Consumer<Subscription.Gap> onGap) {
    this.redis = redis;
    this.subscription = redis.pubSub().psubscribe(PREFIX + "*", new Subscription.Listener() {
      @Override
      public void onMessage(Message message) {
        local.publish(message.channel().substring(PREFIX.length()), message.body());
      }

      @Override
      public void onGap(Subscription.Gap gap) {
        onGap.accept(gap);
      }
    });
  }

  /** Topics over {@code redis}, telling {@code onGap} when messages may have been missed. */
  public static RedisTopics start(Redis redis, Consumer<Subscription.Gap> onGap) {
    return new RedisTopics(Objects.requireNonNull(redis, "redis"), Objects.requireNonNull(onGap, "onGap"));
  }

  /** Completes when Redis has confirmed the subscription: messages published after it are heard. */
  public CompletionStage<Void> ready() {
    return subscription.ready();
  }

  @Override
  public void subscribe(String topic, WebSocket socket) {
    local.subscribe(topic, socket);
  }

  @Override
  public void unsubscribe(String topic, WebSocket socket) {
    local.unsubscribe(topic, socket);
  }

  /** Publishes on Redis; every instance, this one included, delivers it to its subscribers as it hears it. */
  @Override
  public CompletionStage<Void> publish(String topic, String text) {
    return redis.publish(PREFIX + topic, text).thenApply(listeners -> null);
  }

  @Override
  public int subscribers(String topic) {
    return local.subscribers(topic);
  }

  @Override
  public void close() {
    subscription.close();
  }
}
