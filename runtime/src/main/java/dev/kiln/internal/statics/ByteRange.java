package dev.kiln.internal.statics;

/**
 * A {@code Range} header read as one byte range of a file, by RFC 9110 section 14: {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}.
 */
final class ByteRange {
  /** What {@link #single} answers for a range no byte of the file meets: a 416. */
  static final long[] UNSATISFIABLE = new long[0];

  private ByteRange() {}

  /**
   * The first and last byte of the one range {@code header} asks of a file of {@code size} bytes;
   * {@link #UNSATISFIABLE}; or {@code null} when the header is to be ignored and the whole file
   * sent: another unit, a malformed spec, or several ranges (answered whole, never as
   * multipart/byteranges).
   */
  static long[] single(String header, long size) {
    String value = header.strip();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
      return null;
    }
    String spec = value.substring(6).strip();
    if (spec.indexOf(',') >= 0) {
      return null;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    if (first.isEmpty()) {
      long suffix = digits(last);
      if (suffix < 0) {
        return null;
      }
      if (suffix == 0 || size == 0) {
        return UNSATISFIABLE;
      }
      return new long[] {Math.max(0, size - suffix), size - 1};
    }
    long start = digits(first);
    long end = last.isEmpty() ? Long.MAX_VALUE : digits(last);
    if (start < 0 || end < 0 || end < start) {
      return null;
    }
    if (start >= size) {
      return UNSATISFIABLE;
    }
    return new long[] {start, Math.min(end, size - 1)};
  }

  /** A non-negative decimal, or -1 for anything else (signs, spaces, more than 18 digits). */
  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
