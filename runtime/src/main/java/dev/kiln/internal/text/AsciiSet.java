package dev.kiln.internal.text;

/**
 * A set of ASCII characters as two 64-bit masks: one branch-free test per character for the
 * grammars checked on every request (path characters, host names, header tokens).
 */
public final class AsciiSet {
  /** {@code tchar} (RFC 9110 §5.6.2): header names, transfer codings, media type parts. */
  public static final AsciiSet TOKEN = alphanumeric().with("!#$%&'*+-.^_`|~");

  private final long low;
  private final long high;

  private AsciiSet(long low, long high) {
    this.low = low;
    this.high = high;
  }

  /** The characters of {@code chars}, each of which must be ASCII. */
  public static AsciiSet of(String chars) {
    long low = 0;
    long high = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c >= 128) {
        throw new IllegalArgumentException("not ASCII: " + c);
      }
      if (c < 64) {
        low |= 1L << c;
      } else {
        high |= 1L << (c - 64);
      }
    }
    return new AsciiSet(low, high);
  }

  /** ASCII letters and digits. */
  public static AsciiSet alphanumeric() {
    return of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  }

  public AsciiSet with(String chars) {
    AsciiSet more = of(chars);
    return new AsciiSet(low | more.low, high | more.high);
  }

  public boolean contains(int c) {
    return c < 64 ? c >= 0 && (low & (1L << c)) != 0 : c < 128 && (high & (1L << (c - 64))) != 0;
  }
}
