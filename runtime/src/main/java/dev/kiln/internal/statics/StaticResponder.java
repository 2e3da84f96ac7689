package dev.kiln.internal.statics;

import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The answer for one static file: caching headers, conditional requests (304), one byte range
 * (206, or 416 when it cannot be met; several ranges get the whole file, 200), and the
 * precompressed sibling the client accepts. The body is a file region, sent with {@code sendfile}
 * when nothing transforms it.
 */
public final class StaticResponder {
  /** For a versioned URL, whose bytes never change: a year, and no revalidation. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  /** For a plain URL: cached, but revalidated (cheaply, by its ETag) each time. */
  static final String REVALIDATE = "no-cache";

  private StaticResponder() {}

  public static Response respond(Request request, Asset asset, boolean versioned) {
    String range = request.header("Range");
    String coding = range == null ? coding(request.header("Accept-Encoding"), asset) : null;
    String etag = asset.etag(coding);
    if (notModified(request, etag, asset.lastModified())) {
      return described(Response.status(304), asset, etag, versioned);
    }
    if (range != null && rangeApplies(request.header("If-Range"), asset)) {
      long[] span = ByteRange.single(range, asset.size());
      if (span == ByteRange.UNSATISFIABLE) {
        return described(Response.status(416), asset, etag, versioned)
            .withHeader("Content-Range", "bytes */" + asset.size());
      }
      if (span != null) {
        long length = span[1] - span[0] + 1;
        Response part = asset.bytes() != null
            ? Response.bytes(java.util.Arrays.copyOfRange(asset.bytes(), (int) span[0], (int) span[1] + 1), asset.contentType())
            : Response.file(asset.file(), span[0], length, asset.contentType());
        return described(part, asset, etag, versioned)
            .withStatus(206)
            .withHeader("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + asset.size());
      }
    }
    if (coding == null) {
      Response whole = asset.bytes() != null ? Response.bytes(asset.bytes(), asset.contentType())
          : Response.file(asset.file(), 0, asset.size(), asset.contentType());
      return described(whole, asset, etag, versioned);
    }
    Asset.Encoded encoded = coding.equals("br") ? asset.brotli() : asset.gzip();
    return described(Response.file(encoded.file(), 0, encoded.size(), asset.contentType()), asset, etag, versioned)
        .withHeader("Content-Encoding", coding);
  }

  /** What every answer about the file says: its tag and date, how long to keep it, that ranges and codings exist. */
  private static Response described(Response response, Asset asset, String etag, boolean versioned) {
    Response described = response
        .withHeader("ETag", etag)
        .withHeader("Last-Modified", asset.lastModifiedDate())
        .withHeader("Cache-Control", versioned ? IMMUTABLE : REVALIDATE)
        .withHeader("Accept-Ranges", "bytes");
    return asset.hasSiblings() ? described.withHeader("Vary", "Accept-Encoding") : described;
  }

  /**
   * {@code If-None-Match} decides when present (weak comparison, {@code *} matching any), else
   * {@code If-Modified-Since}; only for GET and HEAD, as RFC 9110 says.
   */
  private static boolean notModified(Request request, String etag, long lastModified) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return false;
    }
    String noneMatch = request.header("If-None-Match");
    if (noneMatch != null) {
      String opaque = opaque(etag);
      for (String tag : noneMatch.split(",")) {
        String candidate = tag.strip();
        if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
          return true;
        }
      }
      return false;
    }
    Long since = parseDate(request.header("If-Modified-Since"));
    return since != null && lastModified <= since;
  }

  /**
   * {@code If-Range}: the range is sent only while the file is the one the client has part of, by
   * a strong ETag or its exact {@code Last-Modified}; otherwise the whole file.
   */
  private static boolean rangeApplies(String ifRange, Asset asset) {
    if (ifRange == null) {
      return true;
    }
    String condition = ifRange.strip();
    if (condition.startsWith("\"")) {
      return condition.equals(asset.etag(null));
    }
    if (condition.startsWith("W/")) {
      return false; // a weak tag never validates a range
    }
    Long date = parseDate(condition);
    return date != null && date == asset.lastModified();
  }

  /** The precompressed sibling to send: Brotli, then gzip, each only if the client accepts it. */
  private static String coding(String acceptEncoding, Asset asset) {
    if (acceptEncoding == null || !asset.hasSiblings()) {
      return null;
    }
    if (asset.brotli() != null && accepts(acceptEncoding, "br")) {
      return "br";
    }
    return asset.gzip() != null && accepts(acceptEncoding, "gzip") ? "gzip" : null;
  }

  /** Whether {@code coding} has a q above 0, by name or through {@code *} when it is not named. */
  static boolean accepts(String acceptEncoding, String coding) {
    Boolean byStar = null;
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      boolean positive = quality(parts) > 0;
      if (name.equals(coding) || (coding.equals("gzip") && name.equals("x-gzip"))) {
        return positive;
      }
      if (name.equals("*")) {
        byStar = positive;
      }
    }
    return byStar != null && byStar;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
          && parameter.charAt(1) == '=') {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  static String httpDate(long epochMillis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis),
        ZoneOffset.UTC));
  }

  private static Long parseDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null; // an unreadable date is no condition (RFC 9110 13.1.3)
    }
  }
}
