package dev.kiln.internal.body;

import dev.kiln.FormData;
import dev.kiln.HttpError;
import dev.kiln.Multipart;
import dev.kiln.Problem;
import dev.kiln.Upload;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one {@code multipart/form-data} body as its chunks arrive, with Netty's decoder: parts up
 * to the spool threshold stay in memory, larger ones go to temporary files. {@link #release()}
 * deletes those files; the server calls it once the response is written, and when the request
 * fails or the client goes away.
 */
public final class MultipartReader {
  /** The most bytes of an unfinished part header or boundary the decoder may hold. */
  private static final int MAX_BUFFERED_BYTES = 16 * 1024;
  /** Netty's message when a part outgrows its factory's limit. */
  private static final String SIZE_EXCEEDED = "Size exceed allowed maximum capacity";

  private final HttpPostMultipartRequestDecoder decoder;
  private final long maxPartSize;
  private final int maxParts;
  private final Map<String, List<String>> fields = new LinkedHashMap<>();
  private final List<Upload> files = new ArrayList<>();
  private boolean released;

  private MultipartReader(HttpPostMultipartRequestDecoder decoder, long maxPartSize, int maxParts) {
    this.decoder = decoder;
    this.maxPartSize = maxPartSize;
    this.maxParts = maxParts;
  }

  /** Whether a {@code Content-Type} is {@code multipart/form-data}. */
  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, 19);
  }

  /**
   * Starts decoding the body of {@code head}.
   *
   * @param maxBodySize the request's body limit: no part can be larger
   * @throws HttpError 400 when the head announces no usable boundary
   */
  public static MultipartReader start(HttpRequest head, MultipartLimits limits, long maxBodySize) {
    String contentType = head.headers().get(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE);
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("boundary=")) {
      throw Problem.of(400).detail("malformed multipart body: Content-Type names no boundary").toError();
    }
    long maxPart = limits.maxPartSize() > 0 ? Math.min(limits.maxPartSize(), maxBodySize) : maxBodySize;
    DefaultHttpDataFactory factory = new DefaultHttpDataFactory(limits.spoolThreshold(), StandardCharsets.UTF_8);
    factory.setDeleteOnExit(false); // deleted when the request ends; a JVM-exit hook would only grow
    factory.setMaxLimit(maxPart);
    if (limits.directory() != null) {
      factory.setBaseDir(limits.directory().toString());
    }
    try {
      return new MultipartReader(new HttpPostMultipartRequestDecoder(factory, head, StandardCharsets.UTF_8,
          limits.maxParts(), MAX_BUFFERED_BYTES), maxPart, limits.maxParts());
    } catch (RuntimeException e) { // Netty's ErrorDataDecoderException, or worse on hostile input
      factory.cleanAllHttpData();
      throw Problem.of(400).detail("malformed multipart body" + reason(e)).toError();
    }
  }

  /**
   * Decodes a chunk, taking the parts it completes.
   *
   * @throws HttpError 413 for a part or a part count over the limits, 400 for a malformed body
   */
  public void offer(HttpContent chunk) {
    try {
      decoder.offer(chunk);
      while (decoder.hasNext()) {
        take(decoder.next());
      }
    } catch (HttpPostRequestDecoder.EndOfDataDecoderException end) {
      // the closing boundary: every part is taken
    } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
      throw Problem.of(413).detail("multipart body with more than " + maxParts + " parts").toError();
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
      if (isSizeExceeded(e)) {
        throw Problem.of(413).detail("multipart part larger than " + maxPartSize + " bytes").toError();
      }
      throw Problem.of(400).detail("malformed multipart body" + reason(e)).toError();
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | NullPointerException e) {
      // The decoder is a parser of what clients send: whatever it trips on is the client's mistake.
      throw Problem.of(400).detail("malformed multipart body").toError();
    }
  }

  /** The decoded body, once the last chunk is offered. */
  public Multipart finish() {
    if (decoder.currentPartialHttpData() != null) {
      throw Problem.of(400).detail("malformed multipart body: it ends inside a part").toError();
    }
    return Multipart.of(FormData.of(fields), files);
  }

  /**
   * Decodes a whole body held in memory (a request made in memory, for tests and tools): every part
   * is copied out, so nothing needs releasing.
   */
  public static Multipart decode(HttpHeaders headers, byte[] body) {
    FullHttpRequest whole = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
        Unpooled.wrappedBuffer(body), headers.copy(), EmptyHttpHeaders.INSTANCE);
    MultipartReader reader = start(whole, new MultipartLimits(null, Long.MAX_VALUE, -1, MultipartLimits.DEFAULTS.maxParts()),
        Long.MAX_VALUE);
    try {
      reader.offer(new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER));
      Multipart decoded = reader.finish();
      List<Upload> copies = new ArrayList<>();
      for (Upload file : decoded.files()) {
        copies.add(new CopiedUpload(file.name(), file.filename(), file.contentType(), file.bytes()));
      }
      return Multipart.of(decoded.fields(), copies);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // in memory: no I/O
    } finally {
      reader.release();
      whole.release();
    }
  }

  /** Deletes the temporary files and frees the memory; safe to call more than once. */
  public void release() {
    if (!released) {
      released = true;
      decoder.destroy();
    }
  }

  private void take(InterfaceHttpData data) {
    if (data instanceof FileUpload file) {
      files.add(new DecodedUpload(file));
    } else if (data instanceof Attribute attribute) {
      try {
        fields.computeIfAbsent(attribute.getName(), name -> new ArrayList<>(1)).add(attribute.getValue());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not read a spooled form field", e);
      }
    }
  }

  private static boolean isSizeExceeded(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException && String.valueOf(cause.getMessage()).startsWith(SIZE_EXCEEDED)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ": " and Netty's own words for what is malformed ("No Multipart delimiter found"), or nothing: the
   * text of an exception it tripped on (a NullPointerException's) would show the client our internals.
   */
  private static String reason(RuntimeException e) {
    return e instanceof HttpPostRequestDecoder.ErrorDataDecoderException && e.getCause() == null && e.getMessage() != null
        ? ": " + e.getMessage() : "";
  }

}
