package dev.kiln.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the HTTP codec and watches the connection between requests: a kept-alive connection
 * that sends nothing for the idle timeout is closed, and a request head that has started but not
 * finished within the header timeout (a slowloris client) is answered 408 and closed. The request
 * handler tells it when a head is complete and when the connection is idle again.
 *
 * <p>It also keeps reading while a message is only partly received: with auto-read off, a socket
 * read that ends inside a request head or body chunk (a large head, a slow client) would otherwise
 * be the last one.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  private final long idleNanos;
  private final long headerNanos;
  private ChannelHandlerContext ctx;
  private RequestHandler requests;
  private ScheduledFuture<?> timer;
  private boolean awaitingHead = true;
  private boolean headStarted;

  ConnectionTimeouts(Duration idle, Duration header) {
    this.idleNanos = idle.toNanos();
    this.headerNanos = header.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    schedule(idleNanos, false);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (awaitingHead && !headStarted && msg instanceof ByteBuf bytes && bytes.isReadable()) {
      headStarted = true;
      schedule(headerNanos, true);
    }
    super.channelRead(ctx, msg);
  }

  /** The handler whose wish for a message decides whether a read that produced none goes on. */
  void watch(RequestHandler requests) {
    this.requests = requests;
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    super.channelReadComplete(ctx);
    if (requests != null && requests.isAwaitingMessage() && ctx.channel().isActive()) {
      requests.readMoreLater(); // through the flow control, which counts what it owes
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  /** The head of a request arrived: its handling has its own timeout. */
  void headReceived() {
    awaitingHead = false;
    cancel();
  }

  /** A response was written and the connection is kept alive: wait for the next request. */
  void idle() {
    awaitingHead = true;
    headStarted = false;
    schedule(idleNanos, false);
  }

  private void schedule(long nanos, boolean head) {
    cancel();
    timer = ctx.executor().schedule(() -> expire(head), nanos, TimeUnit.NANOSECONDS);
  }

  private void expire(boolean head) {
    if (!awaitingHead || !ctx.channel().isActive()) {
      return;
    }
    if (head) {
      RequestHandler handler = ctx.pipeline().get(RequestHandler.class);
      if (handler != null) {
        handler.rejectHead(408, "request head not received in time");
        return;
      }
    }
    ctx.close();
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
