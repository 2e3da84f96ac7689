package dev.kiln.internal.server;

import dev.kiln.internal.text.AsciiSet;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks a request head must pass before anything routes it, on top of Netty's parser. Each
 * failure is a status and a reason; the connection is closed after answering, because a head the
 * server misread leaves no trustworthy boundary for the next request (request smuggling).
 */
final class HeadCheck {
  /** Why a head was refused. */
  record Rejection(int status, String reason) {}

  private HeadCheck() {}

  /**
   * {@code null} when the head is acceptable.
   *
   * @param maxInitialLine the request line limit; Netty's own is set a little higher, so that a line
   *     exactly at the limit is judged the same whether it arrives whole or a byte at a time
   * @param maxHeaders the limit on the header lines' total size, likewise
   */
  static Rejection check(HttpRequest head, int maxInitialLine, int maxHeaders) {
    DecoderResult result = head.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Rejection(414, "request line too long");
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return new Rejection(431, "request header fields too large");
      }
      if (cause instanceof TooLongFrameException) {
        return new Rejection(431, "request head too large");
      }
      return new Rejection(400, "malformed request");
    }
    HttpVersion version = head.protocolVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
      // Netty reuses its constants for the exact texts "HTTP/1.0" and "HTTP/1.1"; "http/1.1" is not one.
      boolean otherVersion = version.majorVersion() != 1 || version.minorVersion() > 1;
      return otherVersion
          ? new Rejection(505, "only HTTP/1.0 and HTTP/1.1 are supported")
          : new Rejection(400, "malformed HTTP version");
    }
    int lineLength = head.method().name().length() + head.uri().length() + version.text().length() + 2;
    if (lineLength > maxInitialLine) {
      return new Rejection(414, "request line too long");
    }
    boolean http11 = version.minorVersion() >= 1;

    // One pass over the headers as sent, without turning names and values into Strings.
    long headerSize = 0;
    int hosts = 0;
    CharSequence host = null;
    List<CharSequence> encodings = null;
    int lengths = 0;
    CharSequence length = null;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = head.headers().iteratorCharSequence(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      CharSequence name = header.getKey();
      headerSize += name.length() + 2 + header.getValue().length();
      if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST)) {
        hosts++;
        host = header.getValue();
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRANSFER_ENCODING)) {
        if (encodings == null) {
          encodings = new ArrayList<>(1);
        }
        encodings.add(header.getValue());
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONTENT_LENGTH)) {
        lengths++;
        length = header.getValue();
      }
    }
    if (headerSize > maxHeaders) {
      return new Rejection(431, "request header fields too large");
    }
    if (hosts > 1) {
      return new Rejection(400, "more than one Host header");
    }
    if (hosts == 0 && http11) {
      return new Rejection(400, "missing Host header");
    }
    if (host != null && !isHost(host)) {
      return new Rejection(400, "malformed Host header");
    }
    if (encodings != null) {
      if (!http11) {
        return new Rejection(400, "Transfer-Encoding in an HTTP/1.0 request");
      }
      if (lengths > 0) {
        return new Rejection(400, "both Transfer-Encoding and Content-Length");
      }
      Rejection coding = checkTransferCoding(encodings);
      if (coding != null) {
        return coding;
      }
    }
    if (lengths > 1) {
      return new Rejection(400, "more than one Content-Length");
    }
    if (lengths == 1 && !isDecimal(length)) {
      return new Rejection(400, "malformed Content-Length");
    }
    if (!isOriginOrAbsoluteForm(head.uri())) {
      return new Rejection(400, "malformed request target");
    }
    return null;
  }

  /** Only {@code chunked} is supported, exactly once and last (RFC 9112 §6.3). */
  private static Rejection checkTransferCoding(List<CharSequence> headerValues) {
    int chunked = 0;
    String last = null;
    for (CharSequence value : headerValues) {
      for (String token : value.toString().split(",", -1)) {
        String coding = token.strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty()) {
          return new Rejection(400, "empty transfer coding");
        }
        if (!coding.equals("chunked")) {
          return isToken(coding)
              ? new Rejection(501, "transfer coding '" + coding + "' is not supported")
              : new Rejection(400, "malformed Transfer-Encoding");
        }
        chunked++;
        last = coding;
      }
    }
    if (chunked != 1 || !"chunked".equals(last)) {
      return new Rejection(400, "chunked must appear once, as the last transfer coding");
    }
    return null;
  }

  /** ASCII digits only: no sign, no spaces, no other scripts' digits; at most 18 of them. */
  static boolean isDecimal(CharSequence value) {
    if (value.length() == 0 || value.length() > 18) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isToken(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!AsciiSet.TOKEN.contains(value.charAt(i))) {
        return false;
      }
    }
    return !value.isEmpty();
  }

  private static final AsciiSet HOST = AsciiSet.alphanumeric().with("-._~!$&'()*+;=:[]%");

  /** {@code host[:port]} with RFC 3986 reg-name, IPv4 or IP-literal characters only. */
  private static boolean isHost(CharSequence value) {
    if (value.length() == 0) {
      return true; // allowed for targets without an authority (RFC 9112 §3.2)
    }
    for (int i = 0; i < value.length(); i++) {
      if (!HOST.contains(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code /path?query} or {@code http://authority/path?query}: printable ASCII without spaces, and
   * neither a fragment nor a backslash, which clients never send and proxies read differently.
   */
  private static boolean isOriginOrAbsoluteForm(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7F || c == '#' || c == '\\') {
        return false;
      }
    }
    if (uri.startsWith("/")) {
      return true;
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The origin-form of a target: absolute-form loses its scheme and authority. */
  static String originForm(String uri) {
    if (uri.startsWith("/")) {
      return uri;
    }
    int authority = uri.indexOf("//") + 2;
    int path = uri.indexOf('/', authority);
    int query = uri.indexOf('?', authority);
    if (path < 0 || (query >= 0 && query < path)) {
      return query < 0 ? "/" : "/" + uri.substring(query);
    }
    return uri.substring(path);
  }
}
