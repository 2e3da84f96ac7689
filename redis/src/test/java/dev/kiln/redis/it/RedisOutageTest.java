package dev.kiln.redis.it;

import static dev.kiln.redis.TestRedisAccess.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.middleware.RateLimiter;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisOutage;
import dev.kiln.redis.RedisRateLimits;
import dev.kiln.redis.RedisSessionStore;
import dev.kiln.redis.RedisRateLimits.FailurePolicy;
import dev.kiln.redis.TestRedisAccess;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Over a real socket and a real Redis: requests that need Redis get a 503 at once while it is down
 * and work again when it is back, with no restart; other requests never notice; and the Redis rate
 * limiter counts across two instances. Sessions in Redis fail the same way and recover the same way.
 */
class RedisOutageTest {
  private static TestServer serve(Redis redis, RateLimiter limiter) {
    return TestServer.start(RedisTestAppRoutes.builder().redisTestApp(new RedisTestApp(redis)).rateLimiter(limiter)
        .sessions(Sessions.builder(RedisSessionStore.of(redis)).secure(false).build()).build(), s -> s.accessLog(false));
  }

  @Test
  void requestsThatNeedRedisGet503WhileItIsDownAndWorkAgainAfter() throws Exception {
    try (TestRedisAccess server = TestRedisAccess.start(); Redis redis = Redis.open(server.settings());
        TestServer app = serve(redis, new RateLimiter(100, 100))) {
      TestClient client = app.client();
      assertThat(client.get("/count").text()).isEqualTo("count 1");
      assertThat(client.get("/blocking-count").text()).isEqualTo("count 2");

      server.stop();
      await("the command connection did not notice", () -> client.get("/count").status() == 503);
      assertThat(client.get("/count").header("Retry-After")).isEqualTo("1");
      assertThat(client.get("/count").text()).contains("Redis is unavailable");
      assertThat(client.get("/blocking-count").status()).isEqualTo(503);
      assertThat(client.get("/hello").text()).isEqualTo("hello");
      assertThat(redis.healthy().toCompletableFuture().get(5, TimeUnit.SECONDS)).isFalse();

      server.startAgain();
      await("commands did not work again", () -> client.get("/count").status() == 200);
      assertThat(client.get("/blocking-count").status()).isEqualTo(200);
      assertThat(redis.healthy().toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void sessionsGet503WhileRedisIsDownAndWorkAgainAfter() throws Exception {
    try (TestRedisAccess server = TestRedisAccess.start(); Redis redis = Redis.open(server.settings());
        TestServer app = serve(redis, new RateLimiter(100, 100))) {
      TestClient client = app.client();
      assertThat(client.get("/session/count").text()).isEqualTo("session count 1");
      assertThat(client.get("/session/count").text()).isEqualTo("session count 2");

      server.stop();
      await("sessions did not notice", () -> client.get("/session/count").status() == 503);
      assertThat(client.get("/session/count").text()).contains("Redis is unavailable");
      assertThat(client.get("/hello").text()).as("routes without a session never notice").isEqualTo("hello");

      server.startAgain(); // an empty Redis: the session is gone, so the first answer after starts a new one
      await("sessions did not work again", () -> client.get("/session/count").status() == 200);
      assertThat(client.get("/session/count").text()).isEqualTo("session count 2");
    }
  }

  @Test
  void aRequestsCommandsAreRecordedByNameWithoutTheirKeysOrValues() throws Exception {
    try (TestRedisAccess server = TestRedisAccess.start(); Redis redis = Redis.open(server.settings());
        TestServer app = serve(redis, new RateLimiter(100, 100))) {
      var recorded = app.client().get("/recorded");
      assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
      assertThat(recorded.text()).isEqualTo("SET GET INCR PUBLISH(recorded-channel)").doesNotContain("secret");
      assertThat(app.client().get("/blocking-count").status()).as("unrecorded routes still work").isEqualTo(200);
    }
  }

  @Test
  void theRedisRateLimiterCountsAcrossInstances() throws Exception {
    try (TestRedisAccess server = TestRedisAccess.start(); Redis first = Redis.open(server.settings());
        Redis second = Redis.open(server.settings());
        TestServer one = serve(first, new RateLimiter(3, 0.01, request -> "everyone",
            RedisRateLimits.store(first, "test", FailurePolicy.OPEN)));
        TestServer two = serve(second, new RateLimiter(3, 0.01, request -> "everyone",
            RedisRateLimits.store(second, "test", FailurePolicy.OPEN)))) {
      assertThat(one.client().get("/limited").status()).isEqualTo(200);
      assertThat(two.client().get("/limited").status()).isEqualTo(200);
      assertThat(one.client().get("/limited").status()).isEqualTo(200);
      var refused = two.client().get("/limited");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
      assertThat(one.client().get("/limited").status()).isEqualTo(429);
    }
  }

  @Test
  void withRedisAwayTheLimiterFailsOpenOrClosedAsConfigured() throws Exception {
    try (TestRedisAccess server = TestRedisAccess.start(); Redis redis = Redis.open(server.settings());
        TestServer open = serve(redis, new RateLimiter(1, 0.01, request -> "everyone",
            RedisRateLimits.store(redis, "open", FailurePolicy.OPEN)));
        TestServer closed = serve(redis, new RateLimiter(1, 0.01, request -> "everyone",
            RedisRateLimits.store(redis, "closed", FailurePolicy.CLOSED)))) {
      assertThat(open.client().get("/limited").status()).isEqualTo(200);
      assertThat(open.client().get("/limited").status()).isEqualTo(429);

      server.stop();
      await("the outage was not noticed", () -> closed.client().get("/limited").status() == 503);
      assertThat(open.client().get("/limited").status()).isEqualTo(200);
      assertThat(open.client().get("/limited").status()).isEqualTo(200);
    }
  }
}
