package dev.kiln.internal.text;

import dev.kiln.grammar.PercentEncoding;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of paths (RFC 3986), shared by request matching and URL building so both sides
 * agree on one canonical form.
 *
 * <p>The canonical form of a path keeps every {@code pchar} and {@code /} as is, decodes escapes of
 * unreserved characters ({@code %41} is {@code A}), upper-cases the hex of every other escape, and
 * escapes anything else as UTF-8. Routes match on the canonical form, so an encoded {@code %2F}
 * stays inside the segment it was sent in; parameters are decoded only when bound.
 */
public final class PercentCodec {
  private static final AsciiSet UNRESERVED = AsciiSet.alphanumeric().with("-._~");
  /** What a canonical path keeps unescaped: {@link PercentEncoding}'s segment characters, and {@code /}. */
  private static final AsciiSet PATH = UNRESERVED.with(PercentEncoding.PATH_SAFE + "/");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /**
   * The canonical form of a raw path; the same instance when it is already canonical.
   *
   * @throws IllegalArgumentException on a {@code %} not followed by two hex digits
   */
  public static String canonicalPath(String raw) {
    int length = raw.length();
    int i = 0;
    while (i < length) {
      char c = raw.charAt(i);
      if (c == '%' || !isPathChar(c)) {
        break;
      }
      i++;
    }
    if (i == length) {
      return raw;
    }
    StringBuilder out = new StringBuilder(length + 16).append(raw, 0, i);
    while (i < length) {
      char c = raw.charAt(i);
      if (c == '%') {
        int value = escapedByte(raw, i);
        if (isUnreserved(value)) {
          out.append((char) value);
        } else {
          appendEscape(out, value);
        }
        i += 3;
      } else if (isPathChar(c)) {
        out.append(c);
        i++;
      } else {
        int codePoint = raw.codePointAt(i);
        appendUtf8(out, codePoint);
        i += Character.charCount(codePoint);
      }
    }
    return out.toString();
  }

  /** Whether {@code path} holds only path characters and well-formed escapes. */
  public static boolean isEncodedPath(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!isPathChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Decodes {@code source[start, end)}: every escape becomes its byte and the bytes are read as
   * UTF-8; {@code +} stays a plus (this is a path, not a form).
   *
   * @throws IllegalArgumentException on a malformed escape or bytes that are not UTF-8
   */
  public static String decode(String source, int start, int end) {
    int firstEscape = source.indexOf('%', start);
    if (firstEscape < 0 || firstEscape >= end) {
      return source.substring(start, end);
    }
    ByteBuffer bytes = ByteBuffer.allocate(end - start);
    for (int i = start; i < end; ) {
      char c = source.charAt(i);
      if (c == '%') {
        bytes.put((byte) escapedByte(source, i));
        i += 3;
      } else if (c < 0x80) {
        bytes.put((byte) c);
        i++;
      } else {
        // Only reachable for non-canonical input; keep the character as UTF-8.
        int codePoint = source.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        if (bytes.remaining() < utf8.length) {
          ByteBuffer larger = ByteBuffer.allocate(bytes.capacity() + utf8.length + 16);
          bytes.flip();
          bytes = larger.put(bytes);
        }
        bytes.put(utf8);
        i += Character.charCount(codePoint);
      }
    }
    bytes.flip();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent-encoded bytes are not UTF-8: " + source.substring(start, end));
    }
  }

  /**
   * Encodes a value for one path segment: everything but unreserved characters is escaped, and a
   * value of only dots is escaped too, so clients that resolve {@code .}/{@code ..} leave it alone.
   */
  public static String encodeSegment(String value) {
    boolean onlyDots = !value.isEmpty() && value.chars().allMatch(c -> c == '.');
    if (onlyDots) {
      return "%2E".repeat(value.length());
    }
    return encode(value);
  }

  /** Encodes a query-string name or value: everything but unreserved characters is escaped. */
  public static String encodeQueryComponent(String value) {
    return encode(value);
  }

  private static String encode(String value) {
    int length = value.length();
    int i = 0;
    while (i < length && isUnreserved(value.charAt(i))) {
      i++;
    }
    if (i == length) {
      return value;
    }
    StringBuilder out = new StringBuilder(length + 16).append(value, 0, i);
    while (i < length) {
      int codePoint = value.codePointAt(i);
      if (isUnreserved(codePoint)) {
        out.append((char) codePoint);
      } else {
        appendUtf8(out, codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /** Unreserved characters (RFC 3986 §2.3): never need escaping, and escaping them changes nothing. */
  public static boolean isUnreserved(int c) {
    return UNRESERVED.contains(c);
  }

  /** A {@code pchar} other than an escape (RFC 3986 §3.3), or {@code /}. */
  private static boolean isPathChar(char c) {
    return PATH.contains(c);
  }

  private static int escapedByte(String s, int percent) {
    if (percent + 2 >= s.length()) {
      throw new IllegalArgumentException("incomplete percent-escape at index " + percent + " of " + s);
    }
    int high = Character.digit(s.charAt(percent + 1), 16);
    int low = Character.digit(s.charAt(percent + 2), 16);
    if (high < 0 || low < 0 || s.charAt(percent + 1) > 'f' || s.charAt(percent + 2) > 'f') {
      throw new IllegalArgumentException("invalid percent-escape at index " + percent + " of " + s);
    }
    return (high << 4) | low;
  }

  private static void appendEscape(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  private static void appendUtf8(StringBuilder out, int codePoint) {
    if (codePoint < 0x80) {
      appendEscape(out, codePoint);
    } else if (codePoint < 0x800) {
      appendEscape(out, 0xC0 | (codePoint >> 6));
      appendEscape(out, 0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      if (Character.isSurrogate((char) codePoint)) {
        throw new IllegalArgumentException("unpaired surrogate in a path");
      }
      appendEscape(out, 0xE0 | (codePoint >> 12));
      appendEscape(out, 0x80 | ((codePoint >> 6) & 0x3F));
      appendEscape(out, 0x80 | (codePoint & 0x3F));
    } else {
      appendEscape(out, 0xF0 | (codePoint >> 18));
      appendEscape(out, 0x80 | ((codePoint >> 12) & 0x3F));
      appendEscape(out, 0x80 | ((codePoint >> 6) & 0x3F));
      appendEscape(out, 0x80 | (codePoint & 0x3F));
    }
  }
}
