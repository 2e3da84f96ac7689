package dev.kiln.processor.model;

import java.nio.charset.StandardCharsets;

/**
 * The canonical percent-encoded form of a literal template segment: the form Kiln's runtime brings
 * every request path to before matching (its {@code PercentCodec}), so literals compare as plain
 * strings at run time.
 */
public final class PathEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String SUB_DELIMS_AND_COLON_AT = "!$&'()*+,;=:@";

  private PathEncoding() {}

  public static String canonicalLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c) || (c < 0x80 && SUB_DELIMS_AND_COLON_AT.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** The text a canonical literal stands for: its escapes decoded as UTF-8. */
  public static String decode(String canonical) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(canonical.length());
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '%' && i + 2 < canonical.length()) {
        bytes.write(Integer.parseInt(canonical, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
