package dev.kiln.internal.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Sits after the HTTP codec and judges each request head ({@link HeadCheck}): a head it refuses, or
 * one Netty could not parse, goes on marked with a failed {@link DecoderResult} whose cause is a
 * {@link RejectedHead} carrying the status (400, 414, 431, 501, 505) and the reason. The exchange
 * answers it in its turn, after the answers to the requests pipelined before it, and closes.
 */
@ChannelHandler.Sharable
final class HeadValidator extends ChannelInboundHandlerAdapter {
  private final int maxInitialLine;
  private final int maxHeaders;

  HeadValidator(int maxInitialLine, int maxHeaders) {
    this.maxInitialLine = maxInitialLine;
    this.maxHeaders = maxHeaders;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest head && !(head.decoderResult().cause() instanceof RejectedHead)) {
      HeadCheck.Rejection rejection = HeadCheck.check(head, maxInitialLine, maxHeaders);
      if (rejection != null) {
        head.setDecoderResult(DecoderResult.failure(new RejectedHead(rejection.status(), rejection.reason())));
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** Why a head was refused: the status to answer with and a reason for the client. */
  static final class RejectedHead extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    RejectedHead(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }

    /** The status and reason of a head's failed decoding: 400 for a failure nobody judged. */
    static RejectedHead of(DecoderResult result) {
      return result.cause() instanceof RejectedHead rejected ? rejected : new RejectedHead(400, "malformed request");
    }
  }
}
