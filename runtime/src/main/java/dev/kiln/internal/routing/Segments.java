package dev.kiln.internal.routing;

import dev.kiln.grammar.Values;
import dev.kiln.internal.text.PercentCodec;

/**
 * Allocation-free tests on one segment {@code path[start, end)} of a canonical path, called by the
 * generated matchers. A typed path parameter narrows its segment with these: {@code /projects/abc}
 * does not match {@code {projectId}} of type {@code long}, and neither does a value that overflows.
 */
public final class Segments {
  private Segments() {}

  /** The end of the segment starting at {@code start}: the next {@code /}, or the path's length. */
  public static int end(String path, int start) {
    int slash = path.indexOf('/', start);
    return slash < 0 ? path.length() : slash;
  }

  /** {@link String#hashCode()} of the segment, without making the substring. */
  public static int hash(String path, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + path.charAt(i);
    }
    return h;
  }

  /** Whether {@code path} is {@code prefix} or below it, segment-wise: {@code /api} covers {@code /api/x}, not {@code /apix}. */
  public static boolean isUnder(String path, String prefix) {
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/' || prefix.equals("/"));
  }

  /** Whether the segment is exactly {@code literal}. */
  public static boolean is(String path, int start, int end, String literal) {
    return end - start == literal.length() && path.startsWith(literal, start);
  }

  /** {@link Values#isLong}: an optional {@code -} then ASCII digits, within {@code long}'s range. */
  public static boolean isLong(String path, int start, int end) {
    return Values.isLong(path, start, end);
  }

  /** {@link Values#isInt}: an optional {@code -} then ASCII digits, within {@code int}'s range. */
  public static boolean isInt(String path, int start, int end) {
    return Values.isInt(path, start, end);
  }

  /** {@link Values#isDecimal}: {@code -?(digits[.digits]|.digits)([eE][+-]?digits)?}. */
  public static boolean isDecimal(CharSequence s, int start, int end) {
    return Values.isDecimal(s, start, end);
  }

  /** {@link Values#isPathBoolean}: {@code true} or {@code false}, ignoring case. */
  public static boolean isBoolean(String path, int start, int end) {
    return Values.isPathBoolean(path, start, end);
  }

  /** {@link Values#isUuid}: a UUID in its 36-character text form. */
  public static boolean isUuid(CharSequence s, int start, int end) {
    return Values.isUuid(s, start, end);
  }

  /** One of {@code names}, ignoring case: an enum parameter's constants (decoded when escaped). */
  public static boolean isOneOf(String path, int start, int end, String[] names) {
    int escape = path.indexOf('%', start);
    if (escape >= 0 && escape < end) {
      String decoded;
      try {
        decoded = PercentCodec.decode(path, start, end);
      } catch (IllegalArgumentException notUtf8) {
        return false;
      }
      return isOneOf(decoded, 0, decoded.length(), names);
    }
    int length = end - start;
    for (String name : names) {
      if (name.length() == length && path.regionMatches(true, start, name, 0, length)) {
        return true;
      }
    }
    return false;
  }
}
