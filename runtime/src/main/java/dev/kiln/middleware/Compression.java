package dev.kiln.middleware;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.ResponseBody;
import dev.kiln.internal.text.Preferences;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses response bodies with gzip or deflate, as the request's {@code Accept-Encoding} allows
 * (q-values honoured, gzip preferred on a tie). Leaves alone bodies below the minimum size, bodies
 * already encoded, and media types that are compressed already (images, audio, video, archives).
 * Bytes are compressed at once; a file or a stream is compressed as it is sent, as a stream of
 * unknown length.
 */
public final class Compression implements Middleware.Handler {
  private final int minimumSize;

  /** Compresses bodies of 1 KiB and more. */
  public Compression() {
    this(1024);
  }

  public Compression(int minimumSize) {
    this.minimumSize = minimumSize;
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String coding = negotiate(request.header("Accept-Encoding"));
    // HEAD too: its headers must say what GET's would, Content-Encoding and length included.
    return next.handle(request).thenApply(response -> compress(response.rendered(request.app().json()), coding));
  }

  private Response compress(Response response, String coding) {
    ResponseBody body = response.body();
    long length = body.length();
    if (response.status() < 200 || response.status() == 204 || response.status() == 304
        || body instanceof ResponseBody.Empty || (length >= 0 && length < minimumSize)
        || response.header("Content-Encoding") != null || isCompressed(response.contentType())
        // A range-capable answer (static files) is sent as it is: ranges count its bytes, its ETag names them.
        || response.header("Accept-Ranges") != null || response.header("Content-Range") != null) {
      return response;
    }
    String vary = response.header("Vary");
    Response varied = response.replaceHeader("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
    if (coding == null) {
      return varied;
    }
    Response encoded;
    if (body instanceof ResponseBody.Bytes bytes) {
      encoded = varied.withBody(encode(bytes.bytes(), coding));
    } else {
      // A file or a stream is compressed as it is sent: never read whole, and no sendfile (its bytes change).
      encoded = varied.withBody(new ResponseBody.Stream(out -> {
        try (OutputStream encoder = encoder(out, coding)) {
          copy(body, encoder);
        }
      }, -1));
    }
    return encoded.withHeader("Content-Encoding", coding);
  }

  private static OutputStream encoder(OutputStream out, String coding) throws IOException {
    return coding.equals("gzip") ? new GZIPOutputStream(out, 8192) : new DeflaterOutputStream(out, new java.util.zip.Deflater(), 8192);
  }

  /** Writes a file or stream body to {@code out}. */
  private static void copy(ResponseBody body, OutputStream out) throws IOException {
    if (body instanceof ResponseBody.Stream stream) {
      stream.writer().writeTo(out);
    } else if (body instanceof ResponseBody.FileRegion file) {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file.file())) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16 * 1024);
        long position = file.offset();
        long end = file.offset() + file.length();
        while (position < end) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
          int read = channel.read(buffer, position);
          if (read < 0) {
            throw new java.io.EOFException(file.file() + " is shorter than the " + file.length() + " bytes to send");
          }
          out.write(buffer.array(), 0, read);
          position += read;
        }
      }
    }
  }

  /** "gzip", "deflate" or {@code null} for identity, from an {@code Accept-Encoding} value. */
  static String negotiate(String acceptEncoding) {
    if (acceptEncoding == null) {
      return null;
    }
    double gzip = -1;
    double deflate = -1;
    double any = -1;
    for (Preferences.Preference preference : Preferences.parse(acceptEncoding)) {
      double q = preference.quality();
      switch (preference.token()) {
        case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
        case "deflate" -> deflate = Math.max(deflate, q);
        case "*" -> any = q;
        default -> { }
      }
    }
    gzip = gzip < 0 ? any : gzip;
    deflate = deflate < 0 ? any : deflate;
    if (gzip <= 0 && deflate <= 0) {
      return null;
    }
    return gzip >= deflate ? "gzip" : "deflate";
  }

  private static boolean isCompressed(String contentType) {
    if (contentType == null) {
      return true; // no body type: nothing worth guessing about
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return (type.startsWith("image/") && !type.startsWith("image/svg")) || type.startsWith("audio/")
        || type.startsWith("video/") || type.startsWith("font/woff") || type.startsWith("application/zip")
        || type.startsWith("application/gzip") || type.startsWith("application/x-gzip")
        || type.startsWith("application/x-7z") || type.startsWith("application/x-bzip2")
        || type.startsWith("application/zstd");
  }

  private static byte[] encode(byte[] body, String coding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (OutputStream encoder = encoder(out, coding)) {
      encoder.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("compressing in memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
