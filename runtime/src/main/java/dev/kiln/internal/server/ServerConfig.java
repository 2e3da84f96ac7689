package dev.kiln.internal.server;

import dev.kiln.App;
import dev.kiln.internal.body.MultipartLimits;
import java.time.Duration;

/**
 * Everything the server is tuned by; built by {@link dev.kiln.server.Server.Builder}.
 *
 * @param addresses where to listen, at least one (gunicorn's {@code --bind})
 * @param eventLoopThreads event-loop threads (the talk's gunicorn {@code -w}); 0 for Netty's default
 * @param reusePort bind with {@code SO_REUSEPORT} so several processes can share the port (epoll only)
 * @param maxBodyBytes request bodies above this are refused with 413 (aiohttp's {@code client_max_size})
 * @param requestTimeout from a request's head to its response; then 503 and the connection closes
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param headerTimeout how long a request head may take to arrive once it has started (slowloris)
 * @param drainDelay how long a shutdown keeps accepting, every response closing its connection and
 *     readiness failing, before the listener closes: the time a load balancer needs to stop sending
 * @param shutdownTimeout how long {@code close()} lets in-flight requests finish
 * @param blockingThreads threads of the blocking executor (when the JVM has no virtual threads)
 * @param blockingQueue tasks waiting for a blocking thread before new ones get 503
 * @param multipart how multipart bodies are decoded and spooled
 * @param trustedProxies the proxies whose forwarding headers are believed
 * @param app the application requests reach, closed with the server
 */
public record ServerConfig(
    java.util.List<BindAddress> addresses,
    int eventLoopThreads,
    boolean reusePort,
    long maxBodyBytes,
    int maxInitialLineLength,
    int maxHeaderSize,
    int maxConnections,
    Duration requestTimeout,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration drainDelay,
    Duration shutdownTimeout,
    int blockingThreads,
    int blockingQueue,
    boolean accessLog,
    MultipartLimits multipart,
    dev.kiln.internal.http.TrustedProxies trustedProxies,
    App app) {

  /** The settings being assembled by {@link dev.kiln.server.Server.Builder}, starting from the defaults. */
  public static final class Draft {
    public String host = "127.0.0.1";
    public int port = 8000;
    /** Empty: {@link #host} and {@link #port}. */
    public java.util.List<String> bind = java.util.List.of();
    public int eventLoopThreads;
    public boolean reusePort;
    public long maxBodyBytes = 1024 * 1024;
    public int maxInitialLineLength = 8192;
    public int maxHeaderSize = 8192;
    public int maxConnections = 10_000;
    public Duration requestTimeout = Duration.ofSeconds(60);
    public Duration idleTimeout = Duration.ofSeconds(75);
    public Duration headerTimeout = Duration.ofSeconds(10);
    public Duration drainDelay = Duration.ZERO;
    public Duration shutdownTimeout = Duration.ofSeconds(30);
    /** Blocking handlers mostly wait (on a database, a remote call): threads, not cores, are the limit. */
    public int blockingThreads = 200;
    public int blockingQueue = 1024;
    public boolean accessLog = true;
    public MultipartLimits multipart = MultipartLimits.DEFAULTS;
    public dev.kiln.internal.http.TrustedProxies trustedProxies = dev.kiln.internal.http.TrustedProxies.NONE;
    /** {@code null}: an app of its own, so no two servers share a JSON codec's caches. */
    public App app;

    public ServerConfig build() {
      java.util.List<BindAddress> addresses = bind.isEmpty() ? java.util.List.of(new BindAddress(host, port))
          : bind.stream().map(text -> BindAddress.parse(text, port)).toList();
      return new ServerConfig(addresses, eventLoopThreads, reusePort, maxBodyBytes, maxInitialLineLength,
          maxHeaderSize, maxConnections, requestTimeout, idleTimeout, headerTimeout, drainDelay, shutdownTimeout,
          blockingThreads, blockingQueue, accessLog, multipart, trustedProxies, app != null ? app : App.builder().start());
    }
  }
}
