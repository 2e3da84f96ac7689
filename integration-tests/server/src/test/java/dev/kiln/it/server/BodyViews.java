package dev.kiln.it.server;

import dev.kiln.ConnectionUpgrade;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.internal.server.ProtocolHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Responses of every body kind: files, streams of known and unknown length, failures, upgrades. */
public final class BodyViews {
  /** The size of the large file and the large stream: far more than the server may buffer. */
  static final long LARGE = 256L << 20;
  static final int BLOCK = 1 << 20;

  /** The large file a test made; its block {@code i} is filled with {@link #blockByte(long)}. */
  volatile Path largeFile;
  /** The thread writing the large stream, once it has started. */
  volatile Thread streamWriter;

  /** The byte that fills the {@code i}th mebibyte of the large file and stream. */
  static byte blockByte(long i) {
    return (byte) (i % 251);
  }

  @Route(path = "/bodies/file")
  public Response file() {
    return Response.file(largeFile);
  }

  @Route(path = "/bodies/file-range")
  public Response fileRange() {
    return Response.file(largeFile, BLOCK - 2, 4, "application/octet-stream");
  }

  @Route(path = "/bodies/stream")
  public Response stream() {
    return Response.stream("application/octet-stream", LARGE, out -> {
      streamWriter = Thread.currentThread();
      byte[] block = new byte[BLOCK];
      for (long i = 0; i < LARGE / BLOCK; i++) {
        java.util.Arrays.fill(block, blockByte(i));
        out.write(block);
      }
    });
  }

  @Route(path = "/bodies/chunks")
  public Response chunks() {
    return Response.stream("text/plain; charset=utf-8", out -> {
      out.write("first,".getBytes(StandardCharsets.UTF_8));
      out.flush();
      out.write("second".getBytes(StandardCharsets.UTF_8));
    });
  }

  @Route(path = "/bodies/fails-early")
  public Response failsEarly() {
    return Response.stream("text/plain", out -> {
      throw new IOException("the export went away");
    });
  }

  @Route(path = "/bodies/fails-late")
  public Response failsLate() {
    return Response.stream("text/plain", out -> {
      out.write(new byte[40_000]);
      out.flush();
      throw new IOException("the export went away");
    });
  }

  @Route(path = "/bodies/wrong-length")
  public Response wrongLength() {
    return Response.stream("text/plain", 10, out -> out.write("short".getBytes(StandardCharsets.UTF_8)));
  }

  @Route(path = "/bodies/gone")
  public Response gone() {
    return Response.file(largeFile.resolveSibling("no-such-file"));
  }

  @Route(path = "/bodies/upgrade")
  public Response upgrade() {
    return Response.switchingProtocols("echo", new EchoProtocol());
  }

  @Route(path = "/bodies/foreign-upgrade")
  public Response foreignUpgrade() {
    ConnectionUpgrade foreign = () -> "echo";
    return Response.switchingProtocols("echo", foreign);
  }

  /** A protocol that sends back what it receives, in upper case. */
  static final class EchoProtocol implements ProtocolHandler {
    @Override
    public String protocol() {
      return "echo";
    }

    @Override
    public void install(ChannelPipeline pipeline, java.util.concurrent.Executor blocking) {
      pipeline.addLast("echo", new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
          ByteBuf bytes = (ByteBuf) msg;
          String text = bytes.toString(StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
          bytes.release();
          ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.US_ASCII)));
        }
      });
    }
  }
}
