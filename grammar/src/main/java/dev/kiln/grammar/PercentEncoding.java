package dev.kiln.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical percent-encoded form of path text (RFC 3986): unreserved characters, sub-delimiters,
 * {@code :} and {@code @} stay as they are, every other byte of the UTF-8 text is escaped with
 * upper-case hex. The runtime brings every request path to this form before matching, and the
 * processor writes literal segments in it, so the two compare as plain strings.
 */
public final class PercentEncoding {
  /** Characters besides the unreserved ones that a path segment carries unescaped. */
  public static final String PATH_SAFE = "!$&'()*+,;=:@";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Letters, digits and {@code -._~}, which never need escaping. */
  public static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** Whether the ASCII character {@code c} stays unescaped in a canonical path segment. */
  public static boolean isPathSafe(int c) {
    return isUnreserved(c) || (c < 0x80 && PATH_SAFE.indexOf(c) >= 0);
  }

  /** {@code text} (decoded, any characters) in canonical form, for one segment: a {@code /} in it is escaped. */
  public static String canonicalSegment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isPathSafe(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** The text a canonical segment stands for: its escapes decoded as UTF-8. */
  public static String decodeCanonical(String canonical) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(canonical.length());
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '%' && i + 2 < canonical.length()) {
        bytes.write(Integer.parseInt(canonical, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
