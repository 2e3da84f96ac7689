package dev.kiln.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The Redis started when none is configured: the binary shipped in codemonstur's embedded-redis
 * jar, on loopback, with persistence off (nothing written to the working directory), stopped with
 * the app.
 */
final class EmbeddedRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts one on {@code port}, or on a free port when it is 0. */
  static EmbeddedRedis start(int port) {
    int chosen = port != 0 ? port : freePort();
    try {
      RedisServer server = RedisServer.newRedisServer()
          .port(chosen)
          .setting("save \"\"")
          .setting("appendonly no")
          .setting("protected-mode yes")
          .onShutdownForceStop(true)
          .build();
      server.start();
      LOG.info("No redisUrl set: started an embedded Redis on redis://127.0.0.1:{} (set --redis-url to use your own)",
          chosen);
      return new EmbeddedRedis(server, chosen);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis on port " + chosen + ": " + e.getMessage()
          + "; set --redis-url to use a Redis of your own", e);
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      LOG.warn("Stopping the embedded Redis failed", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
