package dev.kiln.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the HTTP codec and keeps the one deadline a connection has at any moment: between
 * requests the idle timeout (then the connection is closed; before the first request the header
 * timeout, if shorter), while a request head trickles in the header timeout (a slowloris client:
 * 408), while a request is read and handled its request timeout (408 if the body has not all come,
 * else 503).
 *
 * <p>One timer per connection serves all three. Moving the deadline later, as every request does,
 * costs two field writes: the timer fires at the earlier time, finds the deadline moved and waits
 * again for the rest. Only an earlier deadline (a route with a short timeout, a head split across
 * reads) moves the timer. So that a request's default timeout is never earlier than the timer, as
 * it would be after an idle period longer than it, the timer is never set further ahead than the
 * shortest default period: a connection idle for long wakes once per such period.
 *
 * <p>An idle connection whose client has not yet taken the last answer is not idle while the answer
 * still moves: it is closed after an idle period in which the client took none of it.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  /** What the connection's deadline is for. */
  private enum Waiting {
    /** The next request: idle timeout. */
    IDLE,
    /** The rest of a head that has started: header timeout. */
    HEAD,
    /** The answer to the request being handled: request timeout. */
    REQUEST,
    /** Nothing: a request without a deadline of its own (404, 405) is being answered. */
    NOTHING
  }

  private final long idleNanos;
  private final long headerNanos;
  /** The furthest ahead the timer is set: the shortest of the default periods. */
  private final long horizonNanos;
  private final Runnable check = this::check;
  /** What a connection's deadline passing asks of the exchange, as a user event. */
  enum Expired {
    /** A request head did not all come within the header timeout: 408. */
    HEAD,
    /** A request was not answered within its timeout: 408 if its body has not all come, else 503. */
    REQUEST
  }

  private ChannelHandlerContext ctx;
  private ReadPacing requests;
  private Waiting waiting = Waiting.IDLE;
  private long deadline;
  /** When a head's first bytes came, while waiting for the rest; 0 before. */
  private long headStarted;
  private ScheduledFuture<?> timer;
  /** When the pending timer fires; meaningful while {@link #timer} is set. */
  private long timerAt;
  /** Bytes of answers the client had not taken when the idle period last began. */
  private long unsentWhenIdleBegan;

  ConnectionTimeouts(Duration idle, Duration header, Duration request) {
    this.idleNanos = idle.toNanos();
    this.headerNanos = header.toNanos();
    this.horizonNanos = Math.min(idleNanos, Math.min(headerNanos, request.toNanos()));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** A new connection must start its first request within the header timeout, not the idle one. */
  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    waitUntil(Waiting.IDLE, System.nanoTime() + Math.min(idleNanos, headerNanos));
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (waiting == Waiting.IDLE && headStarted == 0 && msg instanceof ByteBuf bytes && bytes.isReadable()) {
      headStarted = System.nanoTime();
    }
    super.channelRead(ctx, msg);
  }

  /** The handler that knows whether whole requests are held (their heads have all come). */
  void watch(ReadPacing requests) {
    this.requests = requests;
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    super.channelReadComplete(ctx);
    if (waiting == Waiting.IDLE && headStarted != 0 && !requests.isHolding()) {
      // The read ended inside a head: the rest must come within the header timeout of its first byte.
      // (Not when whole requests wait behind answers the client has not taken: their heads are here.)
      waitUntil(Waiting.HEAD, headStarted + headerNanos);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    waiting = Waiting.NOTHING;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    super.channelInactive(ctx);
  }

  /** A request head arrived; a request with a timeout of its own says so with {@link #requestStarted}. */
  void headReceived() {
    headStarted = 0;
    waiting = Waiting.NOTHING;
  }

  /**
   * An answer is being written that takes its time (a stream): no deadline until {@link #idle}, since
   * the stream's writer gives up on a client that takes nothing.
   */
  void answering() {
    waiting = Waiting.NOTHING;
  }

  /** The request being handled must be answered within {@code nanos}. */
  void requestStarted(long nanos) {
    waitUntil(Waiting.REQUEST, System.nanoTime() + nanos);
  }

  /**
   * An answer was written: within the idle timeout the client must take it (or some of it), and on a
   * kept-alive connection send its next request.
   */
  void idle() {
    headStarted = 0;
    unsentWhenIdleBegan = unsentBytes(); // what the client must start taking within the period
    waitUntil(Waiting.IDLE, System.nanoTime() + idleNanos);
  }

  private void waitUntil(Waiting what, long at) {
    waiting = what;
    deadline = at;
    if (timer == null || at - timerAt < 0) {
      arm(at);
    }
  }

  private void arm(long at) {
    if (timer != null) {
      timer.cancel(false);
    }
    long now = System.nanoTime();
    timerAt = at - (now + horizonNanos) > 0 ? now + horizonNanos : at;
    timer = ctx.executor().schedule(check, Math.max(0, timerAt - now), TimeUnit.NANOSECONDS);
  }

  /** Bytes written but not yet taken by the socket; a message counts until it is all written, so less its progress. */
  private long unsentBytes() {
    ChannelOutboundBuffer outbound = ctx.channel().unsafe().outboundBuffer();
    return outbound == null ? 0 : outbound.totalPendingWriteBytes() - outbound.currentProgress();
  }

  private void check() {
    timer = null;
    if (waiting == Waiting.NOTHING || !ctx.channel().isActive()) {
      return;
    }
    if (System.nanoTime() - deadline < 0) {
      arm(deadline); // moved later since the timer was set
      return;
    }
    switch (waiting) {
      case IDLE -> {
        long unsent = unsentBytes();
        if (unsent > 0 && unsent != unsentWhenIdleBegan) {
          unsentWhenIdleBegan = unsent; // a slow reader, still taking it: another idle period
          waitUntil(Waiting.IDLE, System.nanoTime() + idleNanos);
        } else {
          ctx.close();
        }
      }
      case HEAD -> ctx.fireUserEventTriggered(Expired.HEAD);
      case REQUEST -> ctx.fireUserEventTriggered(Expired.REQUEST);
      default -> throw new AssertionError(waiting);
    }
  }
}
