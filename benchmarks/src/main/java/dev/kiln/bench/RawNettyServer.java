package dev.kiln.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline: the benchmark's endpoints written directly on Netty, as a hand-tuned server would
 * (aggregated requests, a preallocated plaintext body, JSON serialized per request as TechEmpower's
 * rules require, epoll, answers written during a read and flushed once
 * at its end, as Netty's own HTTP hello-world example does), with the same headers as Kiln's answers.
 * {@code RawNettyServer <port>}.
 */
public final class RawNettyServer {
  private static final byte[] HELLO = BenchViews.HELLO.getBytes(StandardCharsets.UTF_8);
  /** TechEmpower's rule for the JSON test: a new object per request, serialized per request. */
  private static final ObjectWriter JSON = new ObjectMapper().writerFor(BenchViews.Message.class);

  private RawNettyServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    ExecutorService blocking = Executors.newFixedThreadPool(64);
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler(blocking));
            }
          })
          .bind("127.0.0.1", port).sync().channel();
      System.out.println("netty ready on " + port);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> channel.close().syncUninterruptibly()));
      channel.closeFuture().sync();
    } finally {
      group.shutdownGracefully();
      blocking.shutdown();
    }
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static volatile String date = "";
    private static volatile long dateSecond;
    private final ExecutorService blocking;

    Handler(ExecutorService blocking) {
      this.blocking = blocking;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      String uri = request.uri();
      if (uri.equals("/plaintext") || uri.equals("/mw/plaintext") || uri.startsWith("/repos/")) {
        write(ctx, HELLO, "text/plain; charset=utf-8", keepAlive);
      } else if (uri.equals("/json")) {
        write(ctx, json(new BenchViews.Message(BenchViews.HELLO)), "application/json", keepAlive);
      } else if (uri.equals("/blocking")) {
        blocking.execute(() -> {
          LockSupport.parkNanos(1_000_000);
          ctx.executor().execute(() -> {
            write(ctx, HELLO, "text/plain; charset=utf-8", keepAlive);
            ctx.flush();
          });
        });
      } else {
        write(ctx, new byte[0], "text/plain", keepAlive);
      }
    }

    private static void write(ChannelHandlerContext ctx, byte[] body, String type, boolean keepAlive) {
      ByteBuf content = Unpooled.wrappedBuffer(body);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
      response.headers()
          .set(HttpHeaderNames.DATE, date())
          .set(HttpHeaderNames.SERVER, "Netty")
          .set(HttpHeaderNames.CONTENT_TYPE, type)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      if (!keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(f -> ctx.close());
      } else {
        ctx.write(response);
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

    private static String date() {
      long second = System.currentTimeMillis() / 1000;
      if (second != dateSecond) {
        date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        dateSecond = second;
      }
      return date;
    }
  }
}
