package dev.kiln.internal.server;

import dev.kiln.Router;
import dev.kiln.internal.routing.RouteTable;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty server behind {@link dev.kiln.server.Server}: binds, gives each connection its pipeline
 * ({@link ServerPipeline}), and shuts down gracefully.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final ServerConfig config;
  private final Transport transport;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ExecutorService blocking;
  private final ServerState state = new ServerState();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.List<Channel> listeners = new java.util.ArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
  /** Whether new connections are refused on accept: once the listeners are closing. */
  private volatile boolean closed;

  private HttpServer(Router router, ServerConfig config) throws InterruptedException {
    this.config = config;
    this.transport = Transport.best();
    this.bossGroup = transport.eventLoops(1, "kiln-accept");
    this.workerGroup = transport.eventLoops(config.eventLoopThreads(), "kiln-loop");
    this.blocking = BlockingExecutor.create(config.blockingThreads(), config.blockingQueue());
    ServerPipeline pipeline = new ServerPipeline(RouteTable.of(router), config, new Execution(blocking), state, true);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(bossGroup, workerGroup)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.AUTO_READ, false)
        // A client that half-closes after its request still gets the answer (ReadPacing closes after it).
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            if (connections.incrementAndGet() > config.maxConnections() || closed) {
              connections.decrementAndGet();
              channel.close();
              return;
            }
            channel.closeFuture().addListener(f -> connections.decrementAndGet());
            pipeline.initialize(channel.pipeline());
          }
        });
    if (config.reusePort() && transport == Transport.EPOLL) {
      bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
    }
    try {
      for (BindAddress address : config.addresses()) {
        listeners.add(bootstrap.bind(address.host(), address.port()).sync().channel());
      }
    } catch (RuntimeException | InterruptedException e) {
      listeners.forEach(Channel::close);
      workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      blocking.shutdown();
      throw e;
    }
    LOG.info("Kiln serving {} routes on {} ({})", router.routes().size(), urls(),
        transport.name().toLowerCase(java.util.Locale.ROOT));
    LOG.debug("Limits: body {} bytes, request timeout {}, idle {}, head {}, drain {}, shutdown {}, {} connections; "
        + "trusted proxies {}", config.maxBodyBytes(), config.requestTimeout(), config.idleTimeout(),
        config.headerTimeout(), config.drainDelay(), config.shutdownTimeout(), config.maxConnections(),
        config.trustedProxies());
  }

  /** Binds and starts serving; returns once the port is open. */
  public static HttpServer start(Router router, ServerConfig config) {
    try {
      return new HttpServer(router, config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    }
  }

  /** The first address's host, as configured. */
  public String host() {
    return config.addresses().get(0).host();
  }

  /** Every address listened on, with the ports bound. */
  public java.util.List<InetSocketAddress> addresses() {
    return listeners.stream().map(listener -> (InetSocketAddress) listener.localAddress()).toList();
  }

  private String urls() {
    java.util.List<String> urls = new java.util.ArrayList<>();
    for (int i = 0; i < listeners.size(); i++) {
      urls.add("http://" + config.addresses().get(i).authority(((InetSocketAddress) listeners.get(i).localAddress())
          .getPort()));
    }
    return String.join(", ", urls);
  }

  /** Accepted connections not yet closed. */
  public int openConnections() {
    return connections.get();
  }

  /** The first address's bound port (the ephemeral one when configured with port 0). */
  public int port() {
    return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
  }

  /**
   * Shuts down gracefully: readiness fails and every response closes its connection at once; after
   * the drain delay the listeners close, in-flight requests get the shutdown timeout to finish, and
   * what is left is closed. Then the application closes (its shutdown hooks and resources) and the
   * event loops and the blocking executor are released.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    config.app().beginStopping();
    state.startDraining();
    if (!config.drainDelay().isZero()) {
      LOG.info("Draining: readiness fails, listeners close in {}", config.drainDelay());
      try {
        Thread.sleep(config.drainDelay().toMillis()); // the load balancer's time to notice; nothing to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closed = true;
    listeners.forEach(listener -> listener.close().syncUninterruptibly());
    try {
      state.drained().get(config.shutdownTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // some requests outlived the deadline: closed below
    }
    if (state.openConnections() > 0) {
      LOG.warn("Closing {} connections still busy after {}", state.openConnections(), config.shutdownTimeout());
      state.closeAll();
    }
    blocking.shutdown();
    config.app().close(); // its pools outlive every request, and no longer
    workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    LOG.info("Kiln stopped");
  }
}
