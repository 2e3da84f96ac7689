package dev.kiln.redis;

import dev.kiln.Default;
import dev.kiln.Doc;
import dev.kiln.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/**
 * Redis's settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}: each is a flag ({@code --redis-url}), a system property and an
 * environment variable ({@code REDIS_URL}) like the application's own.
 */
public interface RedisSettings {
  @Doc("Redis to use: redis://[:password@]host:port[/db] or rediss:// for TLS; unset starts an embedded Redis")
  @Secret
  Optional<String> redisUrl();

  @Doc("Port of the embedded Redis started when redisUrl is unset; 0 for any free port")
  @Default("0")
  @Min(0)
  @Max(65535)
  int redisEmbeddedPort();

  @Doc("Longest a Redis command may take before it fails (and the request with a 503)")
  @Default("2s")
  @Positive
  Duration redisCommandTimeout();

  @Doc("Longest connecting to Redis may take")
  @Default("2s")
  @Positive
  Duration redisConnectTimeout();

  @Doc("Commands waiting on the connection at most; beyond, a command fails at once")
  @Default("10000")
  @Positive
  int redisRequestQueueSize();

  @Doc("How often the PUB/SUB link is checked with a PING; a silent link is replaced within this plus the command timeout")
  @Default("5s")
  @Positive
  Duration redisHeartbeat();

  @Doc("Messages queued for one slow subscription at most; beyond, new ones are dropped and the subscription told")
  @Default("10000")
  @Positive
  int redisSubscriberQueue();
}
