package dev.kiln.internal.server;

import dev.kiln.HttpError;
import dev.kiln.Multipart;
import dev.kiln.internal.body.MultipartLimits;
import dev.kiln.internal.body.MultipartReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A request body being read, within the route's limit: aggregated into bytes, or, for {@code
 * multipart/form-data}, decoded part by part as it arrives so no more than a part's spool threshold
 * stays in memory. Whoever started it releases it, whether it finished or not.
 */
abstract sealed class RequestBody {
  /** The body, once all of it has come. */
  record Complete(byte[] bytes, Multipart multipart) {}

  static final byte[] NO_BYTES = new byte[0];

  final long maxBytes;
  long received;

  private RequestBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Starts reading the body {@code head} announces.
   *
   * @throws HttpError 400 or 413 when the multipart head is unusable or over the limits
   */
  static RequestBody start(HttpRequest head, ByteBufAllocator alloc, MultipartLimits limits, long maxBytes) {
    if (MultipartReader.isMultipart(head.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
      return new Parts(MultipartReader.start(head, limits, maxBytes), maxBytes);
    }
    return new Aggregated(alloc.compositeBuffer(1024), maxBytes);
  }

  /**
   * Takes the next piece; the caller still owns and releases {@code content}.
   *
   * @return the body once {@code content} was its last piece, else {@code null}
   * @throws HttpError 400 for broken framing or parts, 413 past the limit
   */
  final Complete offer(HttpContent content) {
    if (content.decoderResult().isFailure()) {
      throw HttpError.badRequest("malformed body framing");
    }
    received += content.content().readableBytes();
    if (received > maxBytes) {
      throw HttpError.payloadTooLarge("request body larger than " + maxBytes + " bytes");
    }
    return take(content, content instanceof LastHttpContent);
  }

  abstract Complete take(HttpContent content, boolean last);

  /** Frees what was read; the decoded parts of a finished multipart body are freed by {@link #releaseUploads}. */
  abstract void release();

  /** The spooled files of a decoded multipart body, kept until its answer is written. */
  abstract void releaseUploads();

  private static final class Aggregated extends RequestBody {
    private CompositeByteBuf bytes;

    Aggregated(CompositeByteBuf bytes, long maxBytes) {
      super(maxBytes);
      this.bytes = bytes;
    }

    @Override
    Complete take(HttpContent content, boolean last) {
      ByteBuf piece = content.content();
      if (piece.isReadable()) {
        bytes.addComponent(true, piece.retain());
      }
      if (!last) {
        return null;
      }
      byte[] array = ByteBufUtil.getBytes(bytes);
      release();
      return new Complete(array, null);
    }

    @Override
    void release() {
      if (bytes != null) {
        bytes.release();
        bytes = null;
      }
    }

    @Override
    void releaseUploads() {}
  }

  private static final class Parts extends RequestBody {
    private final MultipartReader reader;
    private boolean finished;

    Parts(MultipartReader reader, long maxBytes) {
      super(maxBytes);
      this.reader = reader;
    }

    @Override
    Complete take(HttpContent content, boolean last) {
      reader.offer(content);
      if (!last) {
        return null;
      }
      Multipart multipart = reader.finish();
      finished = true;
      return new Complete(NO_BYTES, multipart);
    }

    @Override
    void release() {
      if (!finished) {
        reader.release();
      }
    }

    @Override
    void releaseUploads() {
      reader.release();
    }
  }
}
