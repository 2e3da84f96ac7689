package dev.kiln.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline: the benchmark's endpoints written directly on Netty as lean as the stack allows,
 * the physical limit Kiln is measured against. {@code HttpServerCodec} plus one handler that answers
 * on the request's head (the benchmark's requests have no body, so nothing aggregates), header
 * validation off both ways, cached {@code AsciiString} header values, {@code voidPromise()} writes
 * and one flush at the end of each socket read, as Netty's own HTTP hello-world example does. JSON
 * is serialized per request, as TechEmpower's rules require; the headers are Kiln's. With a JDBC
 * URL, the database tests run plain JDBC prepared statements over HikariCP on a pool of
 * {@link BenchServer#POOL} threads, as many as connections, the answer written back on the
 * connection's event loop. With {@code ws}, Netty's own WebSocket server protocol handler serves the
 * WebSocket suite's echo and broadcast. {@code RawNettyServer <port> [<jdbc url> | ws]}.
 */
public final class RawNettyServer {
  private static final byte[] HELLO = BenchViews.HELLO.getBytes(StandardCharsets.UTF_8);
  /** TechEmpower's rule for the JSON test: a new object per request, serialized per request. */
  private static final ObjectWriter JSON = new ObjectMapper().writerFor(BenchViews.Message.class);
  private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final AsciiString SERVER = AsciiString.cached("Netty");
  private static final AsciiString PLAIN = AsciiString.cached("text/plain; charset=utf-8");
  private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
  private static final ObjectWriter WORLD = new ObjectMapper().writerFor(World.class);
  private static final ObjectWriter WORLDS = new ObjectMapper().writerFor(new TypeReference<List<World>>() {});

  private RawNettyServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    ExecutorService blocking = Executors.newFixedThreadPool(64);
    boolean webSockets = args.length > 1 && args[1].equals("ws");
    Worlds worlds = args.length > 1 && !webSockets ? new Worlds(args[1]) : null;
    HttpDecoderConfig decoder = new HttpDecoderConfig().setValidateHeaders(false);
    Handler handler = new Handler(blocking, worlds);
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(decoder));
              if (webSockets) {
                // Only for the WebSocket suite: the aggregator would cost the HTTP endpoints.
                ch.pipeline().addLast(new HttpObjectAggregator(64 * 1024),
                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws")
                        .checkStartsWith(true).maxFramePayloadLength(64 * 1024).withUTF8Validator(true).build()),
                    WebSocketBaseline.INSTANCE);
              }
              ch.pipeline().addLast(handler);
            }
          })
          .bind("127.0.0.1", port).sync().channel();
      System.out.println("netty ready on " + port);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> channel.close().syncUninterruptibly()));
      channel.closeFuture().sync();
    } finally {
      group.shutdownGracefully();
      blocking.shutdown();
      if (worlds != null) {
        worlds.close();
      }
    }
  }

  /**
   * The WebSocket routes by hand: {@code /ws/echo} sends each text message back, {@code /ws/broadcast}
   * sends it to every socket of that route through a {@link ChannelGroup}, which shares the frame's bytes.
   */
  @ChannelHandler.Sharable
  private static final class WebSocketBaseline extends ChannelInboundHandlerAdapter {
    static final WebSocketBaseline INSTANCE = new WebSocketBaseline();
    private static final AttributeKey<Boolean> BROADCASTING = AttributeKey.valueOf("broadcasting");
    private final ChannelGroup room = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake
          && handshake.requestUri().startsWith("/ws/broadcast")) {
        ctx.channel().attr(BROADCASTING).set(true);
        room.add(ctx.channel());
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (!(message instanceof TextWebSocketFrame frame)) {
        ctx.fireChannelRead(message);
        return;
      }
      String text = frame.text();
      frame.release();
      if (Boolean.TRUE.equals(ctx.channel().attr(BROADCASTING).get())) {
        room.writeAndFlush(new TextWebSocketFrame(text));
      } else {
        ctx.writeAndFlush(new TextWebSocketFrame(text));
      }
    }
  }

  @ChannelHandler.Sharable
  private static final class Handler extends ChannelInboundHandlerAdapter {
    private static volatile AsciiString date = AsciiString.EMPTY_STRING;
    private static volatile long dateSecond;
    private final ExecutorService blocking;
    private final Worlds worlds;

    Handler(ExecutorService blocking, Worlds worlds) {
      this.blocking = blocking;
      this.worlds = worlds;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (!(message instanceof HttpRequest request)) {
        ReferenceCountUtil.release(message); // the (empty) body of a request already answered
        return;
      }
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      String uri = request.uri();
      if (uri.equals("/plaintext") || uri.equals("/mw/plaintext") || uri.startsWith("/repos/")) {
        write(ctx, HELLO, PLAIN, keepAlive);
      } else if (uri.equals("/json")) {
        write(ctx, json(new BenchViews.Message(BenchViews.HELLO)), APPLICATION_JSON, keepAlive);
      } else if (uri.equals("/blocking")) {
        blocking.execute(() -> {
          LockSupport.parkNanos(1_000_000);
          ctx.executor().execute(() -> {
            write(ctx, HELLO, PLAIN, keepAlive);
            ctx.flush();
          });
        });
      } else if (worlds != null && (uri.equals("/db") || uri.startsWith("/queries") || uri.startsWith("/updates"))) {
        worlds.executor.execute(() -> {
          byte[] body = worlds.answer(uri);
          ctx.executor().execute(() -> {
            write(ctx, body, APPLICATION_JSON, keepAlive);
            ctx.flush();
          });
        });
      } else {
        write(ctx, new byte[0], PLAIN, keepAlive);
      }
    }

    private static void write(ChannelHandlerContext ctx, byte[] body, AsciiString type, boolean keepAlive) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(body), HEADERS, HEADERS);
      response.headers()
          .set(HttpHeaderNames.DATE, date())
          .set(HttpHeaderNames.SERVER, SERVER)
          .set(HttpHeaderNames.CONTENT_TYPE, type)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      if (!keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.write(response, ctx.voidPromise());
      }
    }

    /** The end of a socket read: one flush for every answer it produced (pipelined requests). */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    private static byte[] json(BenchViews.Message message) {
      try {
        return JSON.writeValueAsBytes(message);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static AsciiString date() {
      long second = System.currentTimeMillis() / 1000;
      if (second != dateSecond) {
        date = new AsciiString(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        dateSecond = second;
      }
      return date;
    }
  }

  /** TechEmpower's database tests in plain JDBC: the same SQL as {@link DbViews}, over HikariCP. */
  private static final class Worlds implements AutoCloseable {
    private final HikariDataSource pool;
    final ExecutorService executor = Executors.newFixedThreadPool(BenchServer.POOL);

    Worlds(String url) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("postgres");
      config.setMaximumPoolSize(BenchServer.POOL);
      pool = new HikariDataSource(config);
    }

    byte[] answer(String uri) {
      try (Connection connection = pool.getConnection()) {
        if (uri.equals("/db")) {
          return WORLD.writeValueAsBytes(find(connection, DbViews.randomId()));
        }
        List<String> values = new QueryStringDecoder(uri).parameters().get("queries");
        int count = DbViews.count(values == null ? "" : values.get(0));
        List<World> worlds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          World found = find(connection, DbViews.randomId());
          worlds.add(uri.startsWith("/updates") ? new World(found.id(), DbViews.randomId()) : found);
        }
        if (uri.startsWith("/updates")) {
          worlds.sort(Comparator.comparingInt(World::id));
          try (PreparedStatement update = connection.prepareStatement(
              "update world set randomnumber = ? where id = ?")) {
            for (World world : worlds) {
              update.setInt(1, world.randomNumber());
              update.setInt(2, world.id());
              update.addBatch();
            }
            update.executeBatch();
          }
        }
        return WORLDS.writeValueAsBytes(worlds);
      } catch (SQLException | JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static World find(Connection connection, int id) throws SQLException {
      try (PreparedStatement select = connection.prepareStatement("select id, randomnumber from world where id = ?")) {
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return new World(row.getInt(1), row.getInt(2));
        }
      }
    }

    @Override
    public void close() {
      executor.shutdown();
      pool.close();
    }
  }
}
