package dev.kiln.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import redis.embedded.RedisServer;

/**
 * A real Redis for a test, which the test can stop, start again, freeze (SIGSTOP) and thaw: the
 * binary of the embedded-redis jar on a free port.
 */
final class TestRedis implements AutoCloseable {
  final int port;
  private final RedisServer server;
  private long pid;

  private TestRedis(int port) throws IOException {
    this.port = port;
    this.server = RedisServer.newRedisServer().port(port).setting("save \"\"")
        .setting("appendonly no").onShutdownForceStop(true).build();
    server.start();
    pid = newestRedisProcess();
  }

  /** The redis-server this JVM started last: Redis rewrites its command line, so the port is not in it. */
  private static long newestRedisProcess() {
    return ProcessHandle.current().descendants()
        .filter(process -> process.info().command().orElse("").contains("redis-server"))
        .max(java.util.Comparator.comparing(process -> process.info().startInstant().orElse(java.time.Instant.MIN)))
        .orElseThrow(() -> new AssertionError("no redis-server process started")).pid();
  }

  static TestRedis start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new TestRedis(port);
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  void stop() throws IOException {
    server.stop();
  }

  void startAgain() throws IOException {
    server.start();
    pid = newestRedisProcess();
  }

  /** Freezes the process: connections stay open and nothing answers, as with a link dropped without a FIN. */
  void freeze() throws Exception {
    signal("STOP");
  }

  void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }

  /** Settings for {@code url} with short timeouts, so outages are noticed quickly in a test. */
  static RedisSettings settings(String url, int subscriberQueue) {
    return new Settings(Optional.of(url), 0, Duration.ofMillis(500), Duration.ofMillis(500), 1000,
        Duration.ofMillis(200), subscriberQueue);
  }

  static RedisSettings settings(String url) {
    return settings(url, 10_000);
  }

  record Settings(Optional<String> redisUrl, int redisEmbeddedPort, Duration redisCommandTimeout,
      Duration redisConnectTimeout, int redisRequestQueueSize, Duration redisHeartbeat, int redisSubscriberQueue)
      implements RedisSettings {}

  /** Waits for {@code condition}, failing after 30 s with {@code what}. */
  static void await(String what, TestRedisAccess.Condition condition) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
