package dev.kiln.internal.routing;

import dev.kiln.internal.text.PercentCodec;

/**
 * Allocation-free tests on one segment {@code path[start, end)} of a canonical path, called by the
 * generated matchers. A typed path parameter narrows its segment with these: {@code /projects/abc}
 * does not match {@code {projectId}} of type {@code long}, and neither does a value that overflows.
 */
public final class Segments {
  private static final String LONG_MAX = "9223372036854775807";
  private static final String LONG_MIN_DIGITS = "9223372036854775808";
  private static final String INT_MAX = "2147483647";
  private static final String INT_MIN_DIGITS = "2147483648";

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

  /** An optional {@code -} then ASCII digits, within {@code long}'s range. */
  public static boolean isLong(String path, int start, int end) {
    return isInteger(path, start, end, LONG_MAX, LONG_MIN_DIGITS);
  }

  /** An optional {@code -} then ASCII digits, within {@code int}'s range. */
  public static boolean isInt(String path, int start, int end) {
    return isInteger(path, start, end, INT_MAX, INT_MIN_DIGITS);
  }

  private static boolean isInteger(String path, int start, int end, String max, String minDigits) {
    boolean negative = start < end && path.charAt(start) == '-';
    int first = negative ? start + 1 : start;
    if (first >= end) {
      return false;
    }
    for (int i = first; i < end; i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    while (first < end - 1 && path.charAt(first) == '0') {
      first++; // leading zeros do not change the value: "007" is 7
    }
    String limit = negative ? minDigits : max;
    int count = end - first;
    if (count != limit.length()) {
      return count < limit.length();
    }
    for (int i = 0; i < count; i++) {
      char c = path.charAt(first + i);
      char l = limit.charAt(i);
      if (c != l) {
        return c < l;
      }
    }
    return true;
  }

  /** A decimal number: {@code -?(digits[.digits]|.digits)([eE][+-]?digits)?}; no NaN, no hex. */
  public static boolean isDecimal(CharSequence s, int start, int end) {
    int i = start;
    if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int intDigits = 0;
    while (i < end && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fractionDigits = 0;
    if (i < end && s.charAt(i) == '.') {
      i++;
      while (i < end && isDigit(s.charAt(i))) {
        i++;
        fractionDigits++;
      }
    }
    if (intDigits + fractionDigits == 0) {
      return false;
    }
    if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < end && isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == end;
  }

  /** {@code true} or {@code false}, ignoring case. */
  public static boolean isBoolean(String path, int start, int end) {
    return path.regionMatches(true, start, "true", 0, 4) && end - start == 4
        || path.regionMatches(true, start, "false", 0, 5) && end - start == 5;
  }

  /** A UUID in its 36-character text form, hex digits in either case. */
  public static boolean isUuid(CharSequence s, int start, int end) {
    if (end - start != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(start + i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!isHexDigit(c)) {
        return false;
      }
    }
    return true;
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

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
