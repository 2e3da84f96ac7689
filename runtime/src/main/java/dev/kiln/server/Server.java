package dev.kiln.server;

import dev.kiln.App;
import dev.kiln.Request;
import dev.kiln.Router;
import dev.kiln.ServerSettings;
import dev.kiln.internal.server.HttpServer;
import dev.kiln.internal.server.LoggingCheck;
import dev.kiln.internal.server.ServerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves a {@link Router} over HTTP/1.1 with Netty: keep-alive and pipelining, routing before the
 * body is read, blocking handlers on their own executor, timeouts, limits and graceful shutdown.
 *
 * <pre>{@code
 * try (Server server = Server.builder(SampleAppRoutes.builder().projectViews(new ProjectViews(store)).build())
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

  /** The address it listens on, as configured ({@code 127.0.0.1}, {@code 0.0.0.0}); the first one when it binds several. */
  public String host() {
    return server.host();
  }

  /** Every address it listens on, with the ports bound. */
  public java.util.List<java.net.InetSocketAddress> addresses() {
    return server.addresses();
  }

  /** Connections open now, idle ones included: for health checks, metrics and tests. */
  public int openConnections() {
    return server.openConnections();
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
    private final ServerConfig.Draft config = new ServerConfig.Draft();
    private boolean shutdownHook;

    private Builder(Router router) {
      this.router = Objects.requireNonNull(router, "router");
    }

    /** The address to bind; {@code 0.0.0.0} for every interface. Default {@code 127.0.0.1}. */
    public Builder host(String host) {
      config.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Listens on each of {@code addresses} instead of {@link #host}/{@link #port} (gunicorn's repeatable
     * {@code --bind}): {@code host:port}, {@code [::1]:port}, or a host alone, which takes {@link #port}.
     * An empty list means host and port again.
     *
     * @throws IllegalArgumentException naming the first malformed address
     */
    public Builder bind(java.util.List<String> addresses) {
      java.util.List<String> copy = java.util.List.copyOf(addresses);
      copy.forEach(address -> dev.kiln.internal.server.BindAddress.parse(address, 0));
      config.bind = copy;
      return this;
    }

    /** The port; 0 picks a free one, readable from {@link Server#port()}. Default 8000. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      config.port = port;
      return this;
    }

    /** Event-loop threads (gunicorn's {@code -w}); default twice the cores. */
    public Builder eventLoopThreads(int threads) {
      config.eventLoopThreads = positive(threads, "eventLoopThreads");
      return this;
    }

    /** Bind with {@code SO_REUSEPORT} so several processes share the port (Linux, epoll). */
    public Builder reusePort(boolean reusePort) {
      config.reusePort = reusePort;
      return this;
    }

    /** The largest request body accepted; larger ones get 413 before being read. Default 1 MiB. */
    public Builder maxBodySize(long bytes) {
      config.maxBodyBytes = positive(bytes, "maxBodySize");
      return this;
    }

    /**
     * How {@code multipart/form-data} bodies are decoded: parts above {@code spoolThreshold} bytes
     * are written to temporary files in {@code directory} ({@code null}: the JVM's temporary
     * directory) and deleted once the response is written; a part above {@code maxPartSize} (or
     * the body limit, whichever is smaller) or more than {@code maxParts} parts get 413.
     */
    public Builder multipart(java.nio.file.Path directory, long spoolThreshold, long maxPartSize, int maxParts) {
      config.multipart = new dev.kiln.internal.body.MultipartLimits(directory, positive(spoolThreshold, "spoolThreshold"),
          positive(maxPartSize, "maxPartSize"), (int) positive(maxParts, "maxParts"));
      return this;
    }

    /**
     * The application every request reaches as {@link Request#app()}; the server closes it (its
     * shutdown hooks, then its resources) after the last request, when it is closed.
     */
    public Builder app(App app) {
      config.app = Objects.requireNonNull(app, "app");
      return this;
    }

    /**
     * Addresses, event-loop threads, timeouts, the drain, trusted proxies, SO_REUSEPORT and the access
     * log from settings.
     *
     * @throws IllegalArgumentException naming the setting whose value is malformed
     */
    public Builder settings(ServerSettings settings) {
      host(settings.host());
      port(settings.port());
      try {
        bind(settings.bind());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bind: " + e.getMessage(), e);
      }
      try {
        trustedProxies(settings.trustedProxies());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("trustedProxies: " + e.getMessage(), e);
      }
      if (settings.ioThreads() > 0) {
        eventLoopThreads(settings.ioThreads());
      }
      requestTimeout(settings.requestTimeout());
      idleTimeout(settings.keepAlive());
      drainDelay(settings.drainDelay());
      shutdownTimeout(settings.shutdownTimeout());
      reusePort(settings.reusePort());
      accessLog(settings.accessLog());
      return this;
    }

    /** Request line limit (414 above it) and header block limit (431 above it). Default 8 KiB each. */
    public Builder maxHeadSize(int requestLine, int headers) {
      config.maxInitialLineLength = positive(requestLine, "requestLine");
      config.maxHeaderSize = positive(headers, "headers");
      return this;
    }

    /** Connections beyond this are closed on accept. Default 10,000. */
    public Builder maxConnections(int connections) {
      config.maxConnections = positive(connections, "maxConnections");
      return this;
    }

    /** From a request's head to its response (gunicorn's {@code -t}); then 503. Default 60 s. */
    public Builder requestTimeout(Duration timeout) {
      config.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** How long a kept-alive connection may wait for its next request (gunicorn's {@code --keep-alive}). Default 75 s. */
    public Builder idleTimeout(Duration timeout) {
      config.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /** How long a started request head may take to arrive (slowloris); then 408. Default 10 s. */
    public Builder headerTimeout(Duration timeout) {
      config.headerTimeout = positive(timeout, "headerTimeout");
      return this;
    }

    /**
     * How long a shutdown keeps serving before its listeners close, readiness failing ({@link
     * App#isStopping()}) and every response closing its connection: long enough for the load balancer
     * to see readiness fail (its probe interval times its failure threshold). Default 0: at once.
     */
    public Builder drainDelay(java.time.Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("drainDelay must not be negative, got " + delay);
      }
      config.drainDelay = delay;
      return this;
    }

    /**
     * The proxies whose {@code Forwarded} and {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/{@code -Port}
     * headers are believed, as IP addresses and CIDR ranges ({@code 10.0.0.0/8}); from anyone else
     * they are ignored. {@link Request#clientAddress()}, {@link Request#scheme()} and {@link
     * Request#host()} read them. Default none.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or range
     */
    public Builder trustedProxies(java.util.Collection<String> proxies) {
      config.trustedProxies = dev.kiln.internal.http.TrustedProxies.of(proxies);
      return this;
    }

    /** How long {@link Server#close()} lets in-flight requests finish. Default 30 s. */
    public Builder shutdownTimeout(Duration timeout) {
      config.shutdownTimeout = positive(timeout, "shutdownTimeout");
      return this;
    }

    /**
     * Blocking handlers in flight: {@code threads} running and {@code queue} waiting; beyond that,
     * 503. On Java 21+ every blocking request gets a virtual thread and the two add up to one cap.
     */
    public Builder blockingPool(int threads, int queue) {
      config.blockingThreads = positive(threads, "threads");
      config.blockingQueue = positive(queue, "queue");
      return this;
    }

    /** Whether to log each response on the {@code kiln.access} logger. Default on. */
    public Builder accessLog(boolean enabled) {
      config.accessLog = enabled;
      return this;
    }

    /** Close gracefully when the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public Builder closeOnShutdownSignal() {
      this.shutdownHook = true;
      return this;
    }

    public Server start() {
      LoggingCheck.sayOnceIfNoProvider(System.err);
      Server server = new Server(HttpServer.start(router, config.build()));
      if (shutdownHook) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kiln-shutdown"));
      }
      return server;
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
