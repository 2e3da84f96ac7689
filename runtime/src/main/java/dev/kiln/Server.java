package dev.kiln;

import dev.kiln.server.HttpServer;
import dev.kiln.server.ServerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves a {@link Router} over HTTP/1.1 with Netty: keep-alive and pipelining, routing before the
 * body is read, blocking handlers on their own executor, timeouts, limits and graceful shutdown.
 *
 * <pre>{@code
 * try (Server server = Server.builder(SampleAppRoutes.create(new ProjectViews(store)))
 *     .port(8000)
 *     .start()) {
 *   server.awaitShutdown();   // until SIGTERM or close()
 * }
 * }</pre>
 */
public final class Server implements AutoCloseable {
  private final HttpServer server;
  private final Object stopped = new Object();
  private boolean closed;

  private Server(HttpServer server) {
    this.server = server;
  }

  public static Builder builder(Router router) {
    return new Builder(router);
  }

  /** The bound port; the ephemeral one when started with port 0. */
  public int port() {
    return server.port();
  }

  /** Blocks until {@link #close()} has run, e.g. from the shutdown hook that SIGTERM triggers. */
  public void awaitShutdown() throws InterruptedException {
    synchronized (stopped) {
      while (!closed) {
        stopped.wait();
      }
    }
  }

  /** Stops accepting, finishes in-flight requests within the shutdown timeout, releases everything. */
  @Override
  public void close() {
    server.close();
    synchronized (stopped) {
      closed = true;
      stopped.notifyAll();
    }
  }

  /** Server settings; every one has a production default. */
  public static final class Builder {
    private final Router router;
    private ServerConfig config = ServerConfig.defaults();
    private boolean shutdownHook;

    private Builder(Router router) {
      this.router = Objects.requireNonNull(router, "router");
    }

    /** The address to bind; {@code 0.0.0.0} for every interface. Default {@code 127.0.0.1}. */
    public Builder host(String host) {
      return with(new ServerConfig(Objects.requireNonNull(host), c().port(), c().eventLoopThreads(), c().reusePort(),
          c().maxBodyBytes(), c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(),
          c().requestTimeout(), c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** The port; 0 picks a free one, readable from {@link Server#port()}. Default 8000. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      return with(new ServerConfig(c().host(), port, c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(), c().blockingQueue(),
          c().accessLog()));
    }

    /** Event-loop threads (gunicorn's {@code -w}); default twice the cores. */
    public Builder eventLoopThreads(int threads) {
      return with(new ServerConfig(c().host(), c().port(), positive(threads, "eventLoopThreads"), c().reusePort(),
          c().maxBodyBytes(), c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(),
          c().requestTimeout(), c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** Bind with {@code SO_REUSEPORT} so several processes share the port (Linux, epoll). */
    public Builder reusePort(boolean reusePort) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), reusePort, c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(), c().blockingQueue(),
          c().accessLog()));
    }

    /** The largest request body accepted; larger ones get 413 before being read. Default 1 MiB. */
    public Builder maxBodySize(long bytes) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(),
          positive(bytes, "maxBodySize"), c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(),
          c().requestTimeout(), c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** Request line limit (414 above it) and header block limit (431 above it). Default 8 KiB each. */
    public Builder maxHeadSize(int requestLine, int headers) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          positive(requestLine, "requestLine"), positive(headers, "headers"), c().maxConnections(),
          c().requestTimeout(), c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** Connections beyond this are closed on accept. Default 10,000. */
    public Builder maxConnections(int connections) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), positive(connections, "maxConnections"),
          c().requestTimeout(), c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** From a request's head to its response (gunicorn's {@code -t}); then 503. Default 60 s. */
    public Builder requestTimeout(Duration timeout) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), positive(timeout, "requestTimeout"),
          c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(), c().blockingQueue(),
          c().accessLog()));
    }

    /** How long a kept-alive connection may wait for its next request. Default 75 s. */
    public Builder idleTimeout(Duration timeout) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          positive(timeout, "idleTimeout"), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** How long a started request head may take to arrive (slowloris); then 408. Default 10 s. */
    public Builder headerTimeout(Duration timeout) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), positive(timeout, "headerTimeout"), c().shutdownTimeout(), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** How long {@link Server#close()} lets in-flight requests finish. Default 30 s. */
    public Builder shutdownTimeout(Duration timeout) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), c().headerTimeout(), positive(timeout, "shutdownTimeout"), c().blockingThreads(),
          c().blockingQueue(), c().accessLog()));
    }

    /** Threads and queue of the blocking executor; a full queue answers 503. */
    public Builder blockingPool(int threads, int queue) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), positive(threads, "threads"),
          positive(queue, "queue"), c().accessLog()));
    }

    /** Whether to log each response on the {@code kiln.access} logger. Default on. */
    public Builder accessLog(boolean enabled) {
      return with(new ServerConfig(c().host(), c().port(), c().eventLoopThreads(), c().reusePort(), c().maxBodyBytes(),
          c().maxInitialLineLength(), c().maxHeaderSize(), c().maxConnections(), c().requestTimeout(),
          c().idleTimeout(), c().headerTimeout(), c().shutdownTimeout(), c().blockingThreads(), c().blockingQueue(),
          enabled));
    }

    /** Close gracefully when the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public Builder closeOnShutdownSignal() {
      this.shutdownHook = true;
      return this;
    }

    public Server start() {
      Server server = new Server(HttpServer.start(router, config));
      if (shutdownHook) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kiln-shutdown"));
      }
      return server;
    }

    private ServerConfig c() {
      return config;
    }

    private Builder with(ServerConfig config) {
      this.config = config;
      return this;
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static long positive(long value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
