package dev.kiln.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's own ping, whatever the app reads or sends: a ping every interval, and the client
 * declared gone when it answers none within the pong timeout. Runs on the connection's event loop.
 */
final class Heartbeat {
  private final ChannelHandlerContext ctx;
  private final WebSocketLimits limits;
  private final Runnable gone;
  private long lastPongNanos = System.nanoTime();
  private ScheduledFuture<?> pings;
  private boolean stopped;

  /** @param gone what to do when a ping went unanswered: close the connection */
  Heartbeat(ChannelHandlerContext ctx, WebSocketLimits limits, Runnable gone) {
    this.ctx = ctx;
    this.limits = limits;
    this.gone = gone;
  }

  void start() {
    long interval = limits.pingInterval().toNanos();
    pings = ctx.executor().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
  }

  /** A pong arrived. */
  void pong() {
    lastPongNanos = System.nanoTime();
  }

  void stop() {
    stopped = true;
    if (pings != null) {
      pings.cancel(false);
    }
  }

  private void ping() {
    if (stopped) {
      return;
    }
    long sent = System.nanoTime();
    ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copyLong(sent)));
    ctx.executor().schedule(() -> {
      if (!stopped && lastPongNanos - sent < 0) {
        gone.run();
      }
    }, limits.pongTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }
}
