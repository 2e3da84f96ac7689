package dev.kiln.redis.it;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.NonBlocking;
import dev.kiln.Request;
import dev.kiln.Route;
import dev.kiln.Use;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.redis.CommandLog;
import dev.kiln.redis.RecordRedisCommands;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisOutage;
import java.util.concurrent.CompletionStage;

/** Routes that use Redis (asynchronously and blocking) beside one that does not, and a rate-limited one. */
@Application
@Install(value = RedisOutage.class, order = 10)
@Install(value = RateLimiter.class, order = 20, paths = "/limited")
@Install(value = RecordRedisCommands.class, order = 10, optIn = true)
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

  /** The commands this request sent, as its CommandLog has them: names only. */
  @Use(RecordRedisCommands.class)
  @Route(path = "/recorded")
  public String recorded(Request request) {
    redis.sync().set("recorded-key", "a-secret-value");
    redis.sync().get("recorded-key");
    redis.commands().incr("recorded-count").toCompletableFuture().join();
    // A command's record is added on Lettuce's thread as it completes, which may be just after the caller sees it.
    CommandLog log = request.attribute(CommandLog.KEY);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (log.commands().size() < 3 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return log.commands().stream()
        .map(command -> command.name() + (command.failed() ? "!" : "") + (command.took().isNegative() ? "?" : ""))
        .collect(java.util.stream.Collectors.joining(" "));
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
