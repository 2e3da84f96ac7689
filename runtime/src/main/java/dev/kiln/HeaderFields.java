package dev.kiln;

import dev.kiln.internal.text.AsciiSet;

/**
 * Checks a response header when it is set, so a mistake fails the handler that made it (a 500
 * naming the header) instead of reaching the wire: a value with a line break would let text chosen
 * by a client (a redirect target, a file name) start headers of its own.
 */
final class HeaderFields {
  private HeaderFields() {}

  static String checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    for (int i = 0; i < name.length(); i++) {
      if (!AsciiSet.TOKEN.contains(name.charAt(i))) {
        throw new IllegalArgumentException("header name \"" + name + "\" has '" + name.charAt(i)
            + "' at index " + i + ": a name is letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 §5.1)");
      }
    }
    if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
      throw new IllegalArgumentException(name + " is set by the server from the body; do not set it");
    }
    return name;
  }

  /** Visible ASCII, space, tab and bytes above 127 of ISO-8859-1; no line breaks or other controls. */
  static String checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
        throw new IllegalArgumentException("value of header " + name + " has " + describe(c) + " at index " + i
            + ": encode it (percent-encoding, RFC 8187) or leave it out (RFC 9110 §5.5)");
      }
    }
    return value;
  }

  private static String describe(char c) {
    return switch (c) {
      case '\r' -> "a carriage return";
      case '\n' -> "a line feed";
      default -> c > 0xFF ? "'" + c + "', not a Latin-1 character," : String.format("control character U+%04X", (int) c);
    };
  }
}
