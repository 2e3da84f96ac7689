package dev.kiln.websocket;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.nio.charset.StandardCharsets;

/** Close codes and reasons as RFC 6455 (section 7.4) allows them on the wire. */
final class CloseCodes {
  /** The first code past the range RFC 6455 defines. */
  static final int UNDEFINED = 5000;

  private CloseCodes() {}

  /** Whether an app may send {@code code}: 1000 to 1003, 1007 to 1014, or 3000 to 4999. */
  static boolean sendable(int code) {
    return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code < UNDEFINED;
  }

  /** A close frame's reason, empty for none. */
  static String reason(CloseWebSocketFrame close) {
    String reason = close.reasonText();
    return reason == null ? "" : reason;
  }

  /** A reason that fits a control frame: at most 123 bytes of UTF-8, cut at a character. */
  static String shorten(String reason) {
    String text = reason == null ? "" : reason;
    while (text.getBytes(StandardCharsets.UTF_8).length > 123) {
      text = text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, text.length()) - 1));
    }
    return text;
  }
}
