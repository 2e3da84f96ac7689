package dev.kiln.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisTopics;
import dev.kiln.redis.Subscription;
import dev.kiln.testing.TestServer;
import dev.kiln.websocket.WebSocketLimits;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fan-out across instances: two servers, each with its own Redis client of one (embedded, real)
 * Redis, and a room whose members are connected to different instances.
 */
class FanOutTest {
  @Test
  void aMessageSaidOnOneInstanceReachesTheRoomOnTheOther() throws Exception {
    BlockingQueue<Subscription.Gap> gaps = new LinkedBlockingQueue<>();
    try (Redis redisA = Redis.open(TestSettings.of(Map.of()));
        Redis redisB = Redis.open(TestSettings.of(Map.of("redisUrl", redisA.url())));
        RedisTopics topicsA = RedisTopics.start(redisA, gaps::add);
        RedisTopics topicsB = RedisTopics.start(redisB, gaps::add)) {
      topicsA.ready().toCompletableFuture().get(10, TimeUnit.SECONDS);
      topicsB.ready().toCompletableFuture().get(10, TimeUnit.SECONDS);
      WebSocketLimits limits = WebSocketLimits.fromSettings(TestSettings.of(Map.of()));
      try (TestServer a = TestServer.start(new WebSocketTestApp(topicsA).router(),
              s -> s.app(App.builder().set(WebSocketLimits.KEY, limits).start()).accessLog(false));
          TestServer b = TestServer.start(new WebSocketTestApp(topicsB).router(),
              s -> s.app(App.builder().set(WebSocketLimits.KEY, limits).start()).accessLog(false));
          RawWebSocket ada = RawWebSocket.connect(a.port(), "/ws/rooms/lobby?name=ada").answerPings();
          RawWebSocket bob = RawWebSocket.connect(b.port(), "/ws/rooms/lobby?name=bob").answerPings()) {
        assertThat(ada.nextMessage().text()).isEqualTo("joined lobby as ada");
        assertThat(bob.nextMessage().text()).isEqualTo("joined lobby as bob");

        ada.text("hello from A");
        assertThat(bob.nextMessage().text()).as("published on A, heard on B").isEqualTo("ada: hello from A");
        assertThat(ada.nextMessage().text()).as("and by its own instance, once").isEqualTo("ada: hello from A");
        bob.text("hello from B");
        assertThat(ada.nextMessage().text()).isEqualTo("bob: hello from B");
        assertThat(bob.nextMessage().text()).isEqualTo("bob: hello from B");
        assertThat(topicsA.subscribers("room:lobby")).isEqualTo(1);
      }
      assertThat(gaps).as("no reconnect, no gap").isEmpty();
    }
  }
}
