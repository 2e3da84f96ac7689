package dev.kiln.internal.server;

import dev.kiln.Response;
import dev.kiln.ResponseBody;
import dev.kiln.internal.http.DefaultPages;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link Answer}s as HTTP: the status line and headers ({@code Date}, {@code Server}, {@code
 * Content-Length} or chunked, {@code Connection}), then the body by its kind: bytes in the same
 * message, a file as a {@code FileRegion} ({@code sendfile}) unless something in the pipeline must
 * see its bytes (TLS), then in chunks, and a stream from its writer on the blocking executor, paused
 * while the client is slow. Anything else written passes through.
 */
final class ResponseEncoder extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseEncoder.class);
  /**
   * Response headers without Netty's checks: the names here are constants, and what handlers set was
   * checked when they set it ({@link Response#withHeader}).
   */
  private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final AsciiString SERVER = AsciiString.cached("Kiln");
  private static final int FILE_CHUNK = 64 * 1024;

  private final Executor blocking;
  private final dev.kiln.JsonCodec json;
  private final boolean zeroCopy;
  private final long stallMillis;
  private String lastContentType;
  private AsciiString lastContentTypeAscii;
  /** The stream being written, woken when the socket can take more or has gone. */
  private ResponseStream stream;

  /**
   * @param json the application's codec, for JSON values not written yet
   * @param zeroCopy whether the transport sends file regions itself ({@code sendfile})
   * @param stallMillis how long a stream's writer waits for a client that takes nothing before the
   *     connection is closed
   */
  ResponseEncoder(Executor blocking, dev.kiln.JsonCodec json, boolean zeroCopy, long stallMillis) {
    this.blocking = blocking;
    this.json = json;
    this.zeroCopy = zeroCopy;
    this.stallMillis = stallMillis;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof Answer answer)) {
      ctx.write(msg, promise);
      return;
    }
    // A JSON value no handler thread wrote yet (a non-blocking handler's, a middleware's, an error page's).
    Response response = answer.response.rendered(json);
    ResponseBody body = response.body();
    int status = response.status();
    boolean hasContent = status >= 200 && status != 204 && status != 304;
    boolean sendsBody = hasContent && !answer.head;
    HttpResponseStatus line = status == 200 ? HttpResponseStatus.OK : HttpResponseStatus.valueOf(status);
    // HTTP/1.0 has no chunks: a body of unknown length ends when the connection does.
    boolean keepAlive = answer.keepAlive && (body.length() >= 0 || answer.version == HttpVersion.HTTP_1_1 || !sendsBody);
    if (answer.keepAlive && !keepAlive) {
      promise.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }
    HttpHeaders headers = headers(answer, response, hasContent, keepAlive);
    if (!sendsBody || body instanceof ResponseBody.Empty || body instanceof ResponseBody.Bytes) {
      byte[] bytes = sendsBody && body instanceof ResponseBody.Bytes b ? b.bytes() : null;
      answer.bodyBytes = bytes == null ? 0 : bytes.length;
      ctx.write(new DefaultFullHttpResponse(answer.version, line,
          bytes == null || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes),
          headers, EmptyHttpHeaders.INSTANCE), promise);
      answer.written();
    } else if (body instanceof ResponseBody.FileRegion file) {
      writeFile(ctx, answer, new DefaultHttpResponse(answer.version, line, headers), file, promise);
    } else if (body instanceof ResponseBody.Stream streamed) {
      ResponseStream writer = new ResponseStream(ctx, this, answer, new DefaultHttpResponse(answer.version, line, headers),
          streamed, promise, stallMillis);
      stream = writer;
      try {
        blocking.execute(writer);
      } catch (RejectedExecutionException busy) {
        stream = null;
        writeInstead(ctx, answer, dev.kiln.HttpError.serviceUnavailable("too many requests waiting")
            .withHeader("Retry-After", "1").toResponse(), promise);
      }
    }
  }

  private void writeFile(ChannelHandlerContext ctx, Answer answer, DefaultHttpResponse head, ResponseBody.FileRegion file,
      ChannelPromise promise) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file.file(), StandardOpenOption.READ);
    } catch (IOException e) {
      LOG.warn("Cannot open {} for {}", file.file(), answer.request == null ? "-" : answer.request.uri(), e);
      writeInstead(ctx, answer, dev.kiln.Response.failed(dev.kiln.Response.text(500, "Internal Server Error"), e),
          promise);
      return;
    }
    answer.bodyBytes = file.length();
    ctx.write(head);
    if (zeroCopy && ctx.pipeline().get(SslHandler.class) == null) {
      ctx.write(new DefaultFileRegion(channel, file.offset(), file.length())); // closes the file once sent
      ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, promise);
    } else {
      try {
        if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
          ctx.pipeline().addBefore(ctx.name(), "chunked-writer", new ChunkedWriteHandler());
        }
        ctx.write(new HttpChunkedInput(new ChunkedNioFile(channel, file.offset(), file.length(), FILE_CHUNK)), promise);
      } catch (IOException e) {
        closeQuietly(channel);
        promise.tryFailure(e);
        ctx.close();
      }
    }
    answer.written();
  }

  /**
   * Answers with {@code response} instead of what could not be sent (a file that went away, a stream
   * that failed before its first byte): the server's default page, and the connection closed.
   */
  void writeInstead(ChannelHandlerContext ctx, Answer answer, Response response, ChannelPromise promise) {
    Response page = DefaultPages.forClient(answer.request == null ? null : answer.request.headers().get(HttpHeaderNames.ACCEPT),
        null, response);
    Answer instead = new Answer(page, answer.request, answer.version, answer.head, false, answer.startNanos);
    write(ctx, instead, promise);
    answer.bodyBytes = instead.bodyBytes;
    promise.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    answer.written();
  }

  /** The stream has finished; called on the event loop. */
  void streamEnded(ResponseStream ended) {
    if (stream == ended) {
      stream = null;
    }
  }

  /**
   * The content type as an {@code AsciiString}, which the codec copies whole rather than char by
   * char. Responses share their type's string (a constant of {@code Response.text}, say), so the
   * last one is kept, per connection, by identity.
   */
  private CharSequence contentType(String type) {
    if (type != lastContentType) {
      lastContentType = type;
      lastContentTypeAscii = new AsciiString(type);
    }
    return lastContentTypeAscii;
  }

  private HttpHeaders headers(Answer answer, Response response, boolean hasContent, boolean keepAlive) {
    HttpHeaders headers = RESPONSE_HEADERS.newHeaders();
    headers.set(HttpHeaderNames.DATE, HttpDate.now());
    headers.set(HttpHeaderNames.SERVER, SERVER);
    if (response.contentType() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, contentType(response.contentType()));
    }
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    long length = response.body().length();
    if (hasContent) {
      if (length >= 0) {
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length < Integer.MAX_VALUE ? ContentLengths.of((int) length)
            : Long.toString(length));
      } else if (answer.version == HttpVersion.HTTP_1_1) {
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (response.status() == 101) {
      return headers; // Connection: Upgrade, set with the response
    }
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (answer.version == HttpVersion.HTTP_1_0) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return headers;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (stream != null) {
      stream.wake();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (stream != null) {
      stream.wake();
    }
    super.channelInactive(ctx);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was read from it
    }
  }
}
