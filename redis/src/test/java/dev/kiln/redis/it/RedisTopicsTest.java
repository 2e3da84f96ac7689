package dev.kiln.redis.it;

import static dev.kiln.redis.TestRedisAccess.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.TypedKey;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisTopics;
import dev.kiln.redis.Subscription;
import dev.kiln.redis.TestRedisAccess;
import dev.kiln.websocket.CloseStatus;
import dev.kiln.websocket.WebSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RedisTopics over a real Redis that goes away and comes back: the subscription returns by itself,
 * the app is told that messages may have been missed, and publishing works again. The subscribers
 * are stand-ins for sockets that record what they are sent (the WebSocket path itself is tested
 * over sockets in integration-tests/websocket).
 */
class RedisTopicsTest {
  @Test
  void afterAnOutageTheSubscriptionReturnsAndTheAppIsTold() throws Exception {
    BlockingQueue<Subscription.Gap> gaps = new LinkedBlockingQueue<>();
    try (TestRedisAccess server = TestRedisAccess.start(); Redis redis = Redis.open(server.settings());
        RedisTopics topics = RedisTopics.start(redis, gaps::add)) {
      topics.ready().toCompletableFuture().get(10, TimeUnit.SECONDS);
      Recorder socket = new Recorder();
      topics.subscribe("projects", socket);
      topics.publish("projects", "before").toCompletableFuture().get(5, TimeUnit.SECONDS);
      await("the message before the outage", () -> socket.sent.contains("before"));

      server.stop();
      assertThat(topics.publish("projects", "lost").toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS);
      server.startAgain();
      assertThat(gaps.poll(30, TimeUnit.SECONDS)).isEqualTo(Subscription.Gap.RESUBSCRIBED);
      // The command connection, which publishes, reconnects on its own schedule, apart from PUB/SUB's.
      await("publishing works again", () -> {
        try {
          topics.publish("projects", "after").toCompletableFuture().get(5, TimeUnit.SECONDS);
          return true;
        } catch (java.util.concurrent.ExecutionException notYet) {
          return false;
        }
      });
      await("the message after the outage", () -> socket.sent.contains("after"));
      assertThat(socket.sent).containsExactly("before", "after");

      socket.close();
      assertThat(topics.subscribers("projects")).as("a closed socket leaves its topic").isZero();
    }
  }

  /** A socket that keeps what it is sent. */
  private static final class Recorder implements WebSocket {
    final List<String> sent = new CopyOnWriteArrayList<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<Void> sendText(String text) {
      sent.add(text);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> sendBinary(byte[] data) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<CloseStatus> close(int code, String reason) {
      closed.complete(new CloseStatus(code, reason, CloseStatus.Cause.APP));
      return closed;
    }

    @Override
    public CompletionStage<CloseStatus> closed() {
      return closed;
    }

    @Override
    public boolean isOpen() {
      return !closed.isDone();
    }

    @Override
    public boolean isWritable() {
      return isOpen();
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return null;
    }

    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public <T> T attribute(TypedKey<T> key) {
      return null;
    }

    @Override
    public <T> void attribute(TypedKey<T> key, T value) {}
  }
}
