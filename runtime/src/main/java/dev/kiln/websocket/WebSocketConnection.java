package dev.kiln.websocket;

import dev.kiln.TypedKey;
import dev.kiln.internal.server.ProtocolHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection, after Netty's frame decoder (which refuses unmasked frames, reserved
 * bits, unknown opcodes, long or fragmented control frames and frames over the frame limit, sending
 * the close frame itself) and the UTF-8 validator: joins fragments up to the message limit, answers
 * pings, runs the close handshake with its timeout, pings on its own schedule whatever the app does,
 * ({@link Heartbeat}), and hands whole messages to the handler, on the event loop or, for a blocking route, one at a
 * time on the blocking executor.
 *
 * <p>State other than the send path is touched on the event loop only.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter implements WebSocket {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final WebSocketHandler handler;
  private final WebSocketLimits limits;
  private final Callbacks callbacks;
  private final String id = "ws-" + IDS.incrementAndGet();
  private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final Map<TypedKey<?>, Object> attributes = new ConcurrentHashMap<>();
  private volatile Channel channel;
  private volatile boolean closing;
  /** Whether a close frame went out: RFC 6455 allows one. */
  private boolean closeSent;

  private ChannelHandlerContext ctx;
  private CompositeByteBuf fragments;
  private boolean fragmentsText;
  private CloseStatus status;
  private Heartbeat heartbeat;
  private ScheduledFuture<?> forcedClose;

  WebSocketConnection(WebSocketHandler handler, WebSocketLimits limits, Executor blockingPool) {
    this.handler = handler;
    this.limits = limits;
    this.callbacks = new Callbacks(blockingPool, this::handlerFailed,
        () -> fail(CloseStatus.INTERNAL_ERROR, "server busy", CloseStatus.Cause.HANDLER_ERROR));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.channel = ctx.channel();
    callbacks.attach(channel);
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(limits.sendLowWater(), limits.sendHighWater()));
    heartbeat = new Heartbeat(ctx, limits, () -> fail(CloseStatus.GOING_AWAY,
        "no pong within " + limits.pongTimeout().toMillis() + " ms", CloseStatus.Cause.NO_PONG));
    heartbeat.start();
    // After the hand-over that adds this handler has finished: the HTTP codec is gone by then.
    ctx.executor().execute(() -> callbacks.run(() -> handler.onOpen(this)));
  }

  // Inbound

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      if (frame instanceof PingWebSocketFrame) {
        if (!closing) {
          ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
      } else if (frame instanceof PongWebSocketFrame) {
        heartbeat.pong();
      } else if (frame instanceof CloseWebSocketFrame close) {
        closeFrame(close);
      } else if (closing) {
        // Data after our close frame: the client had sent it before reading ours. Dropped.
      } else if (frame instanceof ContinuationWebSocketFrame) {
        if (append(frame.content()) && frame.isFinalFragment()) {
          CompositeByteBuf message = fragments;
          fragments = null;
          try {
            deliver(fragmentsText, message);
          } finally {
            message.release();
          }
        }
      } else if (frame.isFinalFragment()) {
        if (frame.content().readableBytes() > limits.maxMessageSize()) {
          tooBig();
        } else {
          deliver(frame instanceof TextWebSocketFrame, frame.content());
        }
      } else {
        fragments = ctx.alloc().compositeBuffer(1024);
        fragmentsText = frame instanceof TextWebSocketFrame;
        append(frame.content());
      }
    } finally {
      frame.release();
    }
  }

  /** Adds a fragment; false after closing with 1009 because the message would pass its limit. */
  private boolean append(ByteBuf content) {
    if (fragments == null) {
      return false; // Netty's decoder refuses a continuation outside a message; nothing to join
    }
    if (fragments.readableBytes() + content.readableBytes() > limits.maxMessageSize()) {
      tooBig();
      return false;
    }
    fragments.addComponent(true, content.retain());
    return true;
  }

  private void tooBig() {
    releaseFragments();
    fail(CloseStatus.TOO_BIG, "message over " + limits.maxMessageSize() + " bytes", CloseStatus.Cause.TOO_BIG);
  }

  private void deliver(boolean text, ByteBuf content) {
    if (text) {
      String message = content.toString(StandardCharsets.UTF_8);
      callbacks.run(() -> handler.onText(this, message));
    } else {
      byte[] message = ByteBufUtil.getBytes(content);
      callbacks.run(() -> handler.onBinary(this, message));
    }
  }

  private void closeFrame(CloseWebSocketFrame close) {
    int code = close.statusCode();
    if (code >= CloseCodes.UNDEFINED) {
      // Netty takes any code from 3000 up; RFC 6455 defines none past 4999.
      fail(CloseStatus.PROTOCOL_ERROR, "close code " + code + " is undefined", CloseStatus.Cause.PROTOCOL_ERROR);
      return;
    }
    if (status == null) {
      status = new CloseStatus(code == -1 ? CloseStatus.NO_STATUS : code, CloseCodes.reason(close), CloseStatus.Cause.CLIENT);
    }
    if (closing) {
      ctx.close(); // the client answered ours: the handshake is done
      return;
    }
    closing = true;
    closeSent = true;
    CloseWebSocketFrame answer = code == -1 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
    ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
  }


  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException corrupted) {
      // Netty's decoder or the UTF-8 validator found a violation and reads no further: say which, and close.
      int code = corrupted.closeStatus() == null ? CloseStatus.PROTOCOL_ERROR : corrupted.closeStatus().code();
      CloseStatus.Cause why = code == CloseStatus.TOO_BIG ? CloseStatus.Cause.TOO_BIG
          : code == CloseStatus.INVALID_DATA ? CloseStatus.Cause.INVALID_DATA : CloseStatus.Cause.PROTOCOL_ERROR;
      LOG.debug("{} closed with {}: {}", id, code, corrupted.getMessage());
      fail(code, String.valueOf(corrupted.getMessage()), why);
      return;
    } else if (cause instanceof DecoderException undecodable) {
      // permessage-deflate's inflater: past its cap (the message limit), or not DEFLATE at all.
      boolean tooBig = undecodable instanceof DecompressionException && String.valueOf(undecodable.getMessage())
          .contains("maximum size");
      LOG.debug("{} sent a compressed frame it cannot have: {}", id, undecodable.getMessage());
      if (tooBig) {
        releaseFragments();
        fail(CloseStatus.TOO_BIG, "message over " + limits.maxMessageSize() + " bytes", CloseStatus.Cause.TOO_BIG);
      } else {
        fail(CloseStatus.PROTOCOL_ERROR, "undecodable compressed frame", CloseStatus.Cause.PROTOCOL_ERROR);
      }
      return;
    } else {
      if (status == null) {
        status = new CloseStatus(CloseStatus.ABNORMAL, String.valueOf(cause.getMessage()), CloseStatus.Cause.CONNECTION_LOST);
      }
      LOG.debug("{} failed", id, cause);
    }
    ctx.close();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == ProtocolHandler.DRAINING) {
      startClose(CloseStatus.GOING_AWAY, "server shutting down", CloseStatus.Cause.SHUTDOWN);
    } else if (event instanceof ChannelInputShutdownEvent) {
      // The server keeps half-closed connections open for HTTP's sake; a WebSocket client that
      // stopped sending has gone, with or without a close frame.
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && !closing) {
      callbacks.run(() -> handler.onWritable(this));
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    heartbeat.stop();
    cancel(forcedClose);
    releaseFragments();
    CloseStatus last = status != null ? status
        : new CloseStatus(CloseStatus.ABNORMAL, "connection lost", CloseStatus.Cause.CONNECTION_LOST);
    status = last;
    callbacks.run(() -> {
      try {
        handler.onClose(this, last);
      } finally {
        closed.complete(last);
      }
    });
  }

  // Heartbeat and closing

  /** Sends a close frame and waits for the client's, at most the close timeout. */
  private void startClose(int code, String reason, CloseStatus.Cause cause) {
    if (closing) {
      return;
    }
    closing = true;
    closeSent = true;
    status = new CloseStatus(code, reason, cause);
    ctx.writeAndFlush(new CloseWebSocketFrame(code, CloseCodes.shorten(reason)));
    forcedClose = ctx.executor().schedule(() -> {
      ctx.close();
    }, limits.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Sends a close frame and closes the connection at once: the client broke a rule or is gone. */
  private void fail(int code, String reason, CloseStatus.Cause cause) {
    if (status == null) {
      status = new CloseStatus(code, reason, cause);
    }
    closing = true;
    if (closeSent) {
      ctx.close();
      return;
    }
    closeSent = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(code, CloseCodes.shorten(reason))).addListener(ChannelFutureListener.CLOSE);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void releaseFragments() {
    if (fragments != null) {
      fragments.release();
      fragments = null;
    }
  }

  // Callbacks

  private void handlerFailed(Throwable error) {
    LOG.error("WebSocket handler {} failed on {}", handler.getClass().getName(), id, error);
    try {
      handler.onError(this, error);
    } catch (RuntimeException again) {
      LOG.error("WebSocket handler {} failed in onError too", handler.getClass().getName(), again);
    }
    Channel current = channel;
    if (current.eventLoop().inEventLoop()) {
      fail(CloseStatus.INTERNAL_ERROR, "internal error", CloseStatus.Cause.HANDLER_ERROR);
    } else {
      current.eventLoop().execute(() -> fail(CloseStatus.INTERNAL_ERROR, "internal error",
          CloseStatus.Cause.HANDLER_ERROR));
    }
  }

  // WebSocket

  @Override
  public CompletionStage<Void> sendText(String text) {
    return send(new TextWebSocketFrame(text));
  }

  @Override
  public CompletionStage<Void> sendBinary(byte[] data) {
    return send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data.clone())));
  }

  /** Sends a text frame over bytes shared with other sockets (a broadcast): no copy, no stage. */
  void sendShared(ByteBuf utf8) {
    if (closing || !channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      tooSlow();
      return;
    }
    channel.writeAndFlush(new TextWebSocketFrame(utf8.retainedDuplicate()), channel.voidPromise());
  }

  private CompletionStage<Void> send(WebSocketFrame frame) {
    Channel current = channel;
    if (closing || !current.isActive()) {
      frame.release();
      return CompletableFuture.failedFuture(new IllegalStateException("the WebSocket " + id + " is closed"));
    }
    if (!current.isWritable()) {
      frame.release();
      tooSlow();
      return CompletableFuture.failedFuture(new IllegalStateException("the WebSocket " + id
          + " has more than " + limits.sendHighWater() + " bytes waiting for a client that does not read"));
    }
    CompletableFuture<Void> sent = new CompletableFuture<>();
    ChannelFuture write = current.writeAndFlush(frame);
    write.addListener(done -> {
      if (done.isSuccess()) {
        sent.complete(null);
      } else {
        sent.completeExceptionally(done.cause());
      }
    });
    return sent;
  }

  private void tooSlow() {
    if (!limits.dropWhenSlow()) {
      closing = true; // no send is taken from now on
      channel.eventLoop().execute(() -> fail(CloseStatus.POLICY_VIOLATION, "client too slow",
          CloseStatus.Cause.SLOW_CLIENT));
    }
  }

  @Override
  public CompletionStage<CloseStatus> close(int code, String reason) {
    if (!CloseCodes.sendable(code)) {
      throw new IllegalArgumentException("close code " + code + " may not be sent: use 1000 to 1003, 1007 to 1014, "
          + "or 3000 to 4999 (4000 and up are the app's own)");
    }
    channel.eventLoop().execute(() -> startClose(code, reason, CloseStatus.Cause.APP));
    return closed;
  }

  @Override
  public CompletionStage<CloseStatus> closed() {
    return closed;
  }

  @Override
  public boolean isOpen() {
    return !closing && channel.isActive();
  }

  @Override
  public boolean isWritable() {
    return isOpen() && channel.isWritable();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T attribute(TypedKey<T> key) {
    return (T) attributes.get(key);
  }

  @Override
  public <T> void attribute(TypedKey<T> key, T value) {
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, key.cast(value));
    }
  }

  @Override
  public String toString() {
    return "WebSocket[" + id + "]";
  }
}
