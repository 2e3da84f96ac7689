package dev.kiln.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** {@code "https://host/users/{}/repos"} with each {@code {}} filled by a value, percent-encoded. */
final class UrlTemplate {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlTemplate() {}

  static URI expand(String template, Object... values) {
    StringBuilder url = new StringBuilder(template.length() + 16 * values.length);
    int used = 0;
    int from = 0;
    for (int hole = template.indexOf("{}"); hole >= 0; hole = template.indexOf("{}", from)) {
      if (used == values.length) {
        throw new IllegalArgumentException("The URL " + template + " has more {} than the " + values.length
            + " values given");
      }
      url.append(template, from, hole);
      encode(String.valueOf(values[used++]), url);
      from = hole + 2;
    }
    if (used != values.length) {
      throw new IllegalArgumentException("The URL " + template + " has " + used + " {} for " + values.length
          + " values");
    }
    url.append(template, from, template.length());
    try {
      return new URI(url.toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a URL: " + url + " (" + e.getReason() + ")", e);
    }
  }

  /**
   * Everything but RFC 3986's unreserved characters is encoded, so a value stays one path segment
   * or one query value wherever its hole is.
   */
  static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }
}
