package dev.kiln.internal.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the socket is read and when answers are flushed, so that the exchange behind it sees
 * one request at a time.
 *
 * <p>Auto-read is off: this handler asks for the next read at the end of each read, so a connection
 * that answers at once costs no change of its epoll interest. Messages that arrive while a request
 * waits for its answer (pipelined requests), or while the client has not taken earlier answers, are
 * held in order and passed on once the answer is written; reading goes on while fewer than {@link
 * #MAX_HELD} messages or {@link #MAX_HELD_BYTES} wait, so a blocking handler costs no epoll change
 * either, and stops beyond that. Answers are flushed once per read, or per batch of held requests,
 * so pipelined requests share a write.
 *
 * <p>A client that half-closes after its requests still gets every answer; the connection closes
 * after the last. A draining server ({@link ServerState#DRAINING}) closes it between requests.
 */
final class ReadPacing extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ReadPacing.class);
  /**
   * Held messages (a bodyless request is two: head and end) or body bytes beyond which the socket is
   * not read until the request waiting has its answer.
   */
  static final int MAX_HELD = 16;
  static final int MAX_HELD_BYTES = 64 * 1024;

  private ChannelHandlerContext ctx;
  private ArrayDeque<Object> held;
  private long heldBytes;
  /** Between a socket read's first message and its end, where answers are flushed and reading goes on. */
  private boolean inRead;
  /** Passing held messages on: answers are flushed, and the next read asked for, once at the end. */
  private boolean resuming;
  private boolean unflushed;
  /** Inside {@link #write}: an answer written at once is flushed by it, not by {@link #answered}. */
  private boolean writing;
  /** An answer that ends the connection is written: nothing more is read or passed on. */
  private boolean closing;
  private boolean inputShutdown;
  /** A head has been passed on and its body's end has not. */
  private boolean inRequest;
  /** {@link #answered}, made once rather than per answer. */
  private final Runnable onAnswered = this::answered;
  /** Requests passed on whole, and final answers written whole: more of the first means one waits. */
  private long requestsEnded;
  private long answersWritten;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    ctx.read();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    inRead = false;
    closing = true;
    releaseHeld();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    if (closing) {
      ReferenceCountUtil.release(msg);
    } else if ((held != null && !held.isEmpty()) || busy()) {
      if (held == null) {
        held = new ArrayDeque<>();
      }
      held.add(msg);
      heldBytes += sizeOf(msg);
    } else {
      pass(msg);
    }
  }

  /** The end of a socket read: flush what it answered and read on. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    endBatch();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof Answer answer) {
      if (!answer.keepAlive) {
        closing = true;
        releaseHeld();
      }
      answer.whenWritten(onAnswered);
    }
    writing = true;
    try {
      ctx.write(msg, promise);
    } finally {
      writing = false;
    }
    unflushed = true;
    if (!inRead && !resuming) {
      resume(); // answered from a task (a blocking or asynchronous handler, a timeout): flush, go on
    }
  }

  /** An answer's last piece is written: the next request may be passed on. */
  private void answered() {
    answersWritten++;
    if (!inRead && !resuming && !writing && ctx.channel().isActive()) {
      resume();
    }
  }

  /**
   * The client has sent all it will send (a half-close, as {@code nc} does after a request): what it
   * sent is still answered, and the connection closed after the last answer.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event == ServerState.DRAINING) {
      if (isIdle()) {
        closeAfterWrites(); // requests held behind answers the client has not taken are dropped
      }
      return;
    }
    if (event instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (inRequest) {
        closeAfterWrites(); // a body that will never be complete (Netty's decoder says 400 first)
      } else {
        closeIfDone();
      }
    }
    super.userEventTriggered(ctx, event);
  }

  /** The socket took what was queued for it: go on with held requests. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable() && !inRead) {
      resume();
    }
    super.channelWritabilityChanged(ctx);
  }

  /**
   * Whether the next message must wait: a request has all come and waits for its answer, or none is
   * in progress and the socket has not taken the answers written so far (a client that pipelines
   * without reading).
   */
  private boolean busy() {
    return requestsEnded > answersWritten || (!inRequest && !ctx.channel().isWritable());
  }

  /** Whether the exchange is between requests: nothing read is waiting for an answer. */
  boolean isIdle() {
    return !inRequest && requestsEnded <= answersWritten;
  }

  /** Whether requests wait to be passed on (pipelined behind one being answered): their heads are all here. */
  boolean isHolding() {
    return held != null && !held.isEmpty();
  }

  /** Whether the last request the client will send is being answered now: its answer says so and closes. */
  boolean isLastRequest() {
    return inputShutdown && !isHolding();
  }

  private void pass(Object msg) {
    if (msg instanceof HttpRequest) {
      inRequest = true;
    }
    if (msg instanceof LastHttpContent && inRequest) {
      inRequest = false;
      // An answer written before the body ended (a 404, a 413) already counts for this request.
      requestsEnded = Math.max(requestsEnded + 1, answersWritten);
    }
    ctx.fireChannelRead(msg);
  }

  /** Passes held messages on until one must wait again, then flushes and reads on; called off a read. */
  private void resume() {
    if (resuming) {
      return; // an answer written while resuming: the loop below goes on
    }
    resuming = true;
    try {
      while (!closing && held != null && !held.isEmpty() && !busy()) {
        Object msg = held.poll();
        heldBytes -= sizeOf(msg);
        pass(msg);
      }
    } catch (RuntimeException | Error e) {
      // Off a read nothing would report it (an answer from a task, a writability change).
      LOG.error("Failed handling a request from {}", ctx.channel().remoteAddress(), e);
      ctx.close();
    } finally {
      resuming = false;
      endBatch();
    }
  }

  /** Flushes the answers written since the last flush and asks for the next read unless too much waits. */
  private void endBatch() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
    if (inputShutdown) {
      closeIfDone();
      return;
    }
    if (!closing && (held == null || (held.size() < MAX_HELD && heldBytes < MAX_HELD_BYTES)) && ctx.channel().isActive()) {
      ctx.read(); // at the end of a read, before Netty would drop read interest: no epoll change
    }
  }

  /** After a half-close: closes once nothing is in progress or held. */
  private void closeIfDone() {
    if (isIdle() && !isHolding()) {
      closeAfterWrites();
    }
  }

  /** Closes once what is written has gone out; nothing more is read or passed on. */
  private void closeAfterWrites() {
    if (!closing) {
      closing = true;
      releaseHeld();
      unflushed = false;
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void releaseHeld() {
    if (held != null) {
      for (Object msg; (msg = held.poll()) != null; ) {
        ReferenceCountUtil.release(msg);
      }
    }
    heldBytes = 0;
  }

  private static int sizeOf(Object msg) {
    return msg instanceof HttpContent content ? content.content().readableBytes() : 0;
  }
}
