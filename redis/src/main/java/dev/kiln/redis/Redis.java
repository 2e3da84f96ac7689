package dev.kiln.redis;

import dev.kiln.TypedKey;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis for an application (the talk's aioredis): one Lettuce client, one shared connection for
 * commands, one {@link PubSub} link, and the embedded Redis when no {@code redisUrl} is set. Opened
 * by a startup hook and closed with the app:
 *
 * <pre>{@code
 * App.builder().onStartup("redis", s -> s.set(Redis.KEY, s.closeAtShutdown(Redis.open(settings))))
 * // in a handler or middleware:
 * Redis redis = request.app().get(Redis.KEY);
 * return redis.commands().incr("visits").thenApply(n -> Response.text("visit " + n));
 * }</pre>
 *
 * <p>Lettuce's defaults suit a batch job, not a web server; these replace them:
 * <ul>
 *   <li>commands are <b>rejected while disconnected</b> (Lettuce queues them until it reconnects),
 *       so a request fails at once, as a 503 with {@link RedisOutage}, instead of hanging;
 *   <li>a <b>bounded request queue</b> ({@code redisRequestQueueSize}; Lettuce's is unbounded), so an
 *       outage cannot fill the heap;
 *   <li>a <b>command timeout</b> of 2 s ({@code redisCommandTimeout}; Lettuce's default waits 60 s
 *       in the sync API and for ever in the async one), so a request never waits on a stuck Redis
 *       longer than that;
 *   <li><b>TCP keep-alive</b> on (Lettuce's is off), so a connection a NAT or a firewall dropped is
 *       noticed; and a 2 s connect timeout ({@code redisConnectTimeout}; Lettuce's is 10 s).
 * </ul>
 * The command connection reconnects by itself after an outage. The async API's stages complete on
 * Lettuce's I/O threads: continue with non-blocking work only, as on the event loop (Kiln runs a
 * non-blocking handler after an asynchronous middleware on its connection's event loop again).
 * Blocking handlers may use {@link #sync()}.
 *
 * <p>Redis must answer when the app starts: a startup that cannot connect fails with a message
 * naming the URL (its password masked).
 */
public final class Redis implements AutoCloseable {
  /** Where a startup hook keeps it in the app: {@code request.app().get(Redis.KEY)}. */
  public static final TypedKey<Redis> KEY = TypedKey.of("redis", Redis.class);

  private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

  private final EmbeddedRedis embedded;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final PubSub pubSub;
  private final Duration commandTimeout;
  private final String shownUrl;

  private Redis(EmbeddedRedis embedded, RedisClient client, StatefulRedisConnection<String, String> connection,
      PubSub pubSub, Duration commandTimeout, String shownUrl) {
    this.embedded = embedded;
    this.client = client;
    this.connection = connection;
    this.pubSub = pubSub;
    this.commandTimeout = commandTimeout;
    this.shownUrl = shownUrl;
  }

  /**
   * Connects to {@code redisUrl}, or starts the embedded Redis and connects to it when it is unset.
   *
   * @throws io.lettuce.core.RedisConnectionException when Redis does not answer
   */
  public static Redis open(RedisSettings settings) {
    EmbeddedRedis embedded = settings.redisUrl().filter(url -> !url.isBlank()).isPresent() ? null
        : EmbeddedRedis.start(settings.redisEmbeddedPort());
    String url = embedded != null ? embedded.url() : settings.redisUrl().get().strip();
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      closeQuietly(embedded);
      throw new IllegalArgumentException("redisUrl is not a Redis URL (redis://[:password@]host:port[/db] or "
          + "rediss://...): " + e.getMessage(), e);
    }
    uri.setTimeout(settings.redisCommandTimeout());
    String shown = masked(url, uri);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(commandOptions(settings, true));
    client.addListener(new CommandRecorder()); // before connecting: a connection takes the listeners it is made with
    RedisClient pubSubClient = RedisClient.create(uri);
    // The PUB/SUB link is reconnected by PubSub's heartbeat, which also notices a silent link.
    pubSubClient.setOptions(commandOptions(settings, false));
    StatefulRedisConnection<String, String> connection = null;
    try {
      connection = client.connect();
      PubSub pubSub = PubSub.start(pubSubClient, connection, settings);
      LOG.info("Redis at {}", shown);
      return new Redis(embedded, client, connection, pubSub, settings.redisCommandTimeout(), shown);
    } catch (RuntimeException e) {
      if (connection != null) {
        connection.close();
      }
      client.shutdown(0, 2, TimeUnit.SECONDS);
      pubSubClient.shutdown(0, 2, TimeUnit.SECONDS);
      closeQuietly(embedded);
      throw new io.lettuce.core.RedisConnectionException("could not connect to Redis at " + shown + ": "
          + e.getMessage(), e);
    }
  }

  static ClientOptions commandOptions(RedisSettings settings, boolean autoReconnect) {
    return ClientOptions.builder()
        .autoReconnect(autoReconnect)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(settings.redisRequestQueueSize())
        .timeoutOptions(TimeoutOptions.enabled(settings.redisCommandTimeout()))
        .socketOptions(SocketOptions.builder()
            .keepAlive(true)
            .connectTimeout(settings.redisConnectTimeout())
            .build())
        .build();
  }

  /** The asynchronous commands, for non-blocking handlers and middlewares: stages, never a wait. */
  public RedisAsyncCommands<String, String> commands() {
    return connection.async();
  }

  /** The blocking commands, for blocking handlers; each waits at most the command timeout. */
  public RedisCommands<String, String> sync() {
    return connection.sync();
  }

  /** The one PUB/SUB link of this process: subscribe to channels and patterns, and publish. */
  public PubSub pubSub() {
    return pubSub;
  }

  /** Publishes {@code message} on {@code channel}; completes with the number of subscribers that got it. */
  public CompletionStage<Long> publish(String channel, String message) {
    return commands().publish(channel, message);
  }

  /** Whether Redis answers a PING within the command timeout: for a health check. Never fails. */
  public CompletionStage<Boolean> healthy() {
    return commands().ping()
        .toCompletableFuture()
        .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((pong, failure) -> failure == null && "PONG".equals(pong));
  }

  /** The URL in use, its password masked: for logs and health pages. */
  public String url() {
    return shownUrl;
  }

  /** Whether this is the embedded Redis Kiln started. */
  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    pubSub.close();
    connection.close();
    client.shutdown(0, 2, TimeUnit.SECONDS);
    closeQuietly(embedded);
  }

  private static String masked(String url, RedisURI uri) {
    String scheme = uri.isSsl() ? "rediss://" : "redis://";
    int authority = url.indexOf("://") + 3;
    int end = url.indexOf('/', authority);
    String credentials = url.substring(authority, end < 0 ? url.length() : end).contains("@") ? "***@" : "";
    return scheme + credentials + uri.getHost() + ":" + uri.getPort() + (uri.getDatabase() != 0 ? "/"
        + uri.getDatabase() : "");
  }

  private static void closeQuietly(EmbeddedRedis embedded) {
    if (embedded != null) {
      embedded.close();
    }
  }
}
