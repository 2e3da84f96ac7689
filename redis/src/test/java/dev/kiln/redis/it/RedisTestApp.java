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
import dev.kiln.session.Session;
import dev.kiln.session.SessionKey;
import dev.kiln.session.Sessions;
import java.util.concurrent.CompletionStage;

/** Routes that use Redis (asynchronously and blocking) beside one that does not, a rate-limited one and one with a session. */
@Application
@Install(value = RedisOutage.class, order = 10)
@Install(value = RateLimiter.class, order = 20, paths = "/limited")
@Install(value = RecordRedisCommands.class, order = 10, optIn = true)
@Install(value = Sessions.class, order = 30, paths = "/session")
public final class RedisTestApp {
  private static final SessionKey<Integer> COUNT = SessionKey.of("count", Integer.class);
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

  /** The commands this request sent, as its CommandLog has them: names, and a publish's channel. */
  @Use(RecordRedisCommands.class)
  @Route(path = "/recorded")
  public String recorded(Request request) {
    redis.sync().set("recorded-key", "a-secret-value");
    redis.sync().get("recorded-key");
    redis.commands().incr("recorded-count").toCompletableFuture().join();
    redis.sync().publish("recorded-channel", "a-secret-message");
    // A command's record is added on Lettuce's thread as it completes, which may be just after the caller sees it.
    CommandLog log = request.attribute(CommandLog.KEY);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (log.commands().size() < 4 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return log.commands().stream()
        .map(command -> command.name() + (command.channel() != null ? "(" + command.channel() + ")" : "")
            + (command.failed() ? "!" : "") + (command.took().isNegative() ? "?" : ""))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  /** Counts in the browser's session, kept in Redis by {@link dev.kiln.redis.RedisSessionStore}. */
  @NonBlocking
  @Route(path = "/session/count")
  public String sessionCount(Session session) {
    int count = session.get(COUNT).orElse(0) + 1;
    session.put(COUNT, count);
    return "session count " + count;
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
