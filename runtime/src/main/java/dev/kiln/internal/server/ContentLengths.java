package dev.kiln.internal.server;

import io.netty.util.AsciiString;

/**
 * {@code Content-Length} values as header text: those of small bodies (most API answers) made once,
 * so a response neither boxes its length nor formats it; larger ones are formatted per response.
 */
final class ContentLengths {
  private static final AsciiString[] SMALL = new AsciiString[2048];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = AsciiString.cached(Integer.toString(i));
    }
  }

  private ContentLengths() {}

  static CharSequence of(int length) {
    return length < SMALL.length ? SMALL[length] : Integer.toString(length);
  }
}
