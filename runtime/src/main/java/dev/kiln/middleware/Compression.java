package dev.kiln.middleware;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
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
    return next.handle(request).thenApply(response -> compress(response, coding));
  }

  private Response compress(Response response, String coding) {
    if (response.status() < 200 || response.status() == 204 || response.status() == 304
        || response.body().length < minimumSize || response.header("Content-Encoding") != null
        || isCompressed(response.contentType())) {
      return response;
    }
    String vary = response.header("Vary");
    Response varied = response.replaceHeader("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
    if (coding == null) {
      return varied;
    }
    return varied.withBody(encode(response.body(), coding)).withHeader("Content-Encoding", coding);
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
    try (OutputStream encoder = coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      encoder.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("compressing in memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
