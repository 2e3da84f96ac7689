package dev.kiln.redis.it;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.NonBlocking;
import dev.kiln.Route;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisOutage;
import java.util.concurrent.CompletionStage;

/** Routes that use Redis (asynchronously and blocking) beside one that does not, and a rate-limited one. */
@Application
@Install(value = RedisOutage.class, order = 10)
@Install(value = RateLimiter.class, order = 20, paths = "/limited")
public final class RedisTestApp {
  private final Redis redis;

  public RedisTestApp(Redis redis) {
    this.redis = redis;
  }

  @NonBlocking
  @Route(path = "/count")
  public CompletionStage<String> count() {
    return redis.commands().incr("count").thenApply(count -> "count " + count);
  }

  @Route(path = "/blocking-count")
  public String blockingCount() {
    return "count " + redis.sync().incr("count");
  }

  @NonBlocking
  @Route(path = "/hello")
  public String hello() {
    return "hello";
  }

  @NonBlocking
  @Route(path = "/limited")
  public String limited() {
    return "limited";
  }
}
