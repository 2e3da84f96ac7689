package dev.kiln.redis;

import dev.kiln.middleware.RateLimiter;
import io.lettuce.core.ScriptOutputType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RateLimiter} buckets in Redis, shared by every instance of the app: each take is one Lua
 * script, so it is atomic however many instances count at once, and uses Redis's clock, so the
 * instances' clocks do not matter. A bucket expires once it would be full again.
 *
 * <pre>{@code
 * new RateLimiter(20, 5, RateLimiter::clientAddress, RedisRateLimits.store(redis, "api", FailurePolicy.OPEN))
 * }</pre>
 *
 * <p>When Redis is away the store fails <b>open</b> by default: requests pass uncounted (and the
 * outage is logged once), since a limiter protects capacity and an outage should not take the API
 * down with it. {@link FailurePolicy#CLOSED} fails the request instead, as a 503 through
 * {@link RedisOutage}: for limits that guard something costly or abusable.
 */
public final class RedisRateLimits implements RateLimiter.Store {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimits.class);

  /** Tokens refilled from the time passed since the last take, at Redis's own clock (microseconds). */
  static final String SCRIPT = """
      local now_parts = redis.call('TIME')
      local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])
      local burst = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
      local tokens = tonumber(bucket[1])
      local updated = tonumber(bucket[2])
      if tokens == nil or updated == nil then
        tokens = burst
        updated = now
      end
      tokens = math.min(burst, tokens + math.max(0, now - updated) / 1000000 * rate)
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
      else
        wait = (1 - tokens) / rate
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
      return tostring(wait)
      """;
  private static final LuaScript TAKE = new LuaScript(SCRIPT);

  /** What a take does when Redis does not answer. */
  public enum FailurePolicy {
    /** The request passes, uncounted. */
    OPEN,
    /** The request fails: a 503 with {@link RedisOutage}. */
    CLOSED
  }

  private final Redis redis;
  private final String prefix;
  private final FailurePolicy onFailure;
  private volatile boolean failing;

  private RedisRateLimits(Redis redis, String prefix, FailurePolicy onFailure) {
    this.redis = redis;
    this.prefix = "kiln:ratelimit:" + prefix + ":";
    this.onFailure = onFailure;
  }

  /**
   * A store whose buckets are keyed {@code kiln:ratelimit:<name>:<client>}: limiters of one name
   * share buckets across instances, limiters of different names do not.
   */
  public static RedisRateLimits store(Redis redis, String name, FailurePolicy onFailure) {
    return new RedisRateLimits(redis, name, onFailure);
  }

  @Override
  public CompletionStage<Double> take(String client, int burst, double perSecond) {
    String[] keys = {prefix + client};
    String burstText = Integer.toString(burst);
    String rateText = Double.toString(perSecond);
    CompletableFuture<String> result = TAKE.run(redis.commands(), ScriptOutputType.VALUE, keys, burstText, rateText);
    return result.handle((wait, failure) -> {
      if (failure == null) {
        failing = false;
        return CompletableFuture.completedFuture(Double.parseDouble(wait));
      }
      if (!failing) {
        failing = true;
        LOG.warn("Rate limiting through Redis failed ({}); failing {} until it answers", LuaScript.unwrap(failure).toString(),
            onFailure == FailurePolicy.OPEN ? "open (requests pass uncounted)" : "closed (503)");
      }
      return onFailure == FailurePolicy.OPEN ? CompletableFuture.completedFuture(0.0)
          : CompletableFuture.<Double>failedFuture(LuaScript.unwrap(failure));
    }).thenCompose(stage -> stage);
  }
}
