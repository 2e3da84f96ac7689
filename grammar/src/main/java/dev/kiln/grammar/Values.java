package dev.kiln.grammar;

import java.util.Locale;

/**
 * The text forms of scalar values, as Kiln reads them from paths, query strings, headers, forms and
 * settings, and as the processor checks {@code @Default} values and literal path segments. Checks
 * take a region, so the router can test a path segment in place without allocating.
 */
public final class Values {
  /** What a lenient boolean may be, for messages. */
  public static final String BOOLEAN_FORMS = "a boolean (true/false, yes/no, on/off, 1/0)";

  private static final String INT_MAX = String.valueOf(Integer.MAX_VALUE);
  private static final String INT_MIN_DIGITS = String.valueOf(Integer.MIN_VALUE).substring(1);
  private static final String LONG_MAX = String.valueOf(Long.MAX_VALUE);
  private static final String LONG_MIN_DIGITS = String.valueOf(Long.MIN_VALUE).substring(1);

  private Values() {}

  /** An optional {@code -} then ASCII digits, within {@code int}'s range; no {@code +}, no spaces. */
  public static boolean isInt(CharSequence s, int start, int end) {
    return isInteger(s, start, end, INT_MAX, INT_MIN_DIGITS);
  }

  public static boolean isInt(CharSequence s) {
    return isInt(s, 0, s.length());
  }

  /** An optional {@code -} then ASCII digits, within {@code long}'s range; no {@code +}, no spaces. */
  public static boolean isLong(CharSequence s, int start, int end) {
    return isInteger(s, start, end, LONG_MAX, LONG_MIN_DIGITS);
  }

  public static boolean isLong(CharSequence s) {
    return isLong(s, 0, s.length());
  }

  private static boolean isInteger(CharSequence s, int start, int end, String max, String minDigits) {
    boolean negative = start < end && s.charAt(start) == '-';
    int first = negative ? start + 1 : start;
    if (first >= end) {
      return false;
    }
    for (int i = first; i < end; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    while (first < end - 1 && s.charAt(first) == '0') {
      first++; // leading zeros do not change the value: "007" is 7
    }
    String limit = negative ? minDigits : max;
    int count = end - first;
    if (count != limit.length()) {
      return count < limit.length();
    }
    for (int i = 0; i < count; i++) {
      char c = s.charAt(first + i);
      char l = limit.charAt(i);
      if (c != l) {
        return c < l;
      }
    }
    return true;
  }

  /** A decimal number: {@code -?(digits[.digits]|.digits)([eE][+-]?digits)?}; no {@code +}, NaN, infinity or hex. */
  public static boolean isDecimal(CharSequence s, int start, int end) {
    int i = start;
    if (i < end && s.charAt(i) == '-') {
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

  public static boolean isDecimal(CharSequence s) {
    return isDecimal(s, 0, s.length());
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

  public static boolean isUuid(CharSequence s) {
    return isUuid(s, 0, s.length());
  }

  /** A path segment's boolean: {@code true} or {@code false}, ignoring case, and nothing else (a URL has one spelling). */
  public static boolean isPathBoolean(CharSequence s, int start, int end) {
    return equalsIgnoreCase(s, start, end, "true") || equalsIgnoreCase(s, start, end, "false");
  }

  public static boolean isPathBoolean(CharSequence s) {
    return isPathBoolean(s, 0, s.length());
  }

  /** A boolean as people write one in a query, form or setting ({@link #BOOLEAN_FORMS}), ignoring case; {@code null} otherwise. */
  public static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Boolean.TRUE;
      case "false", "no", "off", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean equalsIgnoreCase(CharSequence s, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toLowerCase(s.charAt(start + i)) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
