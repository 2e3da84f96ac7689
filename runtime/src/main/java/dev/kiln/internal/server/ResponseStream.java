package dev.kiln.internal.server;

import dev.kiln.Response;
import dev.kiln.ResponseBody;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OutputStream} a streamed body's {@link ResponseBody.Writer} writes to, on a blocking
 * thread: bytes go out in chunks of {@link #CHUNK}, and a write waits while the socket holds more
 * than its high-water mark, so a slow client holds back the writer instead of filling memory. The
 * head goes out with the first chunk, so a writer that fails before writing anything is still
 * answered with a 500; one that fails later has its connection closed, which the client sees as a
 * truncated body.
 */
final class ResponseStream extends OutputStream implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseStream.class);
  static final int CHUNK = 16 * 1024;

  private final ChannelHandlerContext ctx;
  private final ResponseEncoder encoder;
  private final Answer answer;
  private final HttpResponse head;
  private final ResponseBody.Stream body;
  private final ChannelPromise promise;
  private final long stallMillis;
  private final Object writable = new Object();
  private ByteBuf chunk;
  private boolean headSent;
  private boolean finished;
  private long sent;

  ResponseStream(ChannelHandlerContext ctx, ResponseEncoder encoder, Answer answer, HttpResponse head,
      ResponseBody.Stream body, ChannelPromise promise, long stallMillis) {
    this.ctx = ctx;
    this.encoder = encoder;
    this.answer = answer;
    this.head = head;
    this.body = body;
    this.promise = promise;
    this.stallMillis = stallMillis;
  }

  @Override
  public void run() {
    try {
      body.writer().writeTo(this);
      finish();
    } catch (Exception | Error e) {
      fail(e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    ensureChunk().writeByte(b);
    if (!chunk.isWritable()) {
      send();
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      ByteBuf current = ensureChunk();
      int n = Math.min(length, current.writableBytes());
      current.writeBytes(bytes, offset, n);
      offset += n;
      length -= n;
      if (!current.isWritable()) {
        send();
      }
    }
  }

  /** Sends what is buffered now, as a chunk. */
  @Override
  public void flush() throws IOException {
    if (chunk != null && chunk.isReadable()) {
      send();
    }
  }

  /** Ignored: the body ends when the writer returns. */
  @Override
  public void close() {}

  private ByteBuf ensureChunk() throws IOException {
    if (finished) {
      throw new IOException("the response body has ended");
    }
    if (chunk == null) {
      chunk = ctx.alloc().buffer(CHUNK, CHUNK);
    }
    return chunk;
  }

  private void send() throws IOException {
    ByteBuf out = chunk;
    chunk = null;
    sent += out.readableBytes();
    if (body.length() >= 0 && sent > body.length()) {
      out.release();
      throw new IOException("the stream wrote more than the " + body.length() + " bytes it declared");
    }
    try {
      awaitWritable();
    } catch (IOException e) {
      out.release();
      throw e;
    }
    sendHead();
    ctx.writeAndFlush(new DefaultHttpContent(out), ctx.voidPromise());
  }

  private void sendHead() {
    if (!headSent) {
      headSent = true;
      ctx.write(head, ctx.voidPromise());
    }
  }

  private void finish() throws IOException {
    flush();
    if (body.length() >= 0 && sent != body.length()) {
      throw new IOException("the stream wrote " + sent + " of the " + body.length() + " bytes it declared");
    }
    finished = true;
    answer.bodyBytes = sent;
    sendHead();
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, promise);
    ctx.executor().execute(this::ended);
  }

  private void fail(Throwable failure) {
    finished = true;
    if (chunk != null) {
      chunk.release();
      chunk = null;
    }
    answer.bodyBytes = sent;
    boolean clientGone = !ctx.channel().isActive();
    if (clientGone) {
      LOG.debug("Client went away during the streamed body of {}", answer.request == null ? "-" : answer.request.uri());
    } else {
      LOG.error("Streamed body of {} failed", answer.request == null ? "-" : answer.request.uri(), failure);
    }
    boolean answered = headSent;
    ctx.executor().execute(() -> {
      if (answered || clientGone) {
        promise.tryFailure(failure);
        ctx.close();
        ended();
      } else {
        encoder.streamEnded(this);
        encoder.writeInstead(ctx, answer, Response.failed(Response.text(500, "Internal Server Error"), failure), promise);
        ctx.flush();
      }
    });
  }

  private void ended() {
    encoder.streamEnded(this);
    answer.written();
  }

  /** Waits while the socket holds more than its high-water mark; fails once the client is gone or stalled. */
  private void awaitWritable() throws IOException {
    long deadline = System.nanoTime() + stallMillis * 1_000_000;
    synchronized (writable) {
      while (ctx.channel().isActive() && !ctx.channel().isWritable()) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          ctx.close();
          throw new IOException("the client took nothing for " + stallMillis + " ms");
        }
        try {
          writable.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while the client was slow");
        }
      }
    }
    if (!ctx.channel().isActive()) {
      throw new IOException("the client closed the connection");
    }
  }

  /** The socket can take more, or has gone: called on the event loop. */
  void wake() {
    synchronized (writable) {
      writable.notifyAll();
    }
  }
}
