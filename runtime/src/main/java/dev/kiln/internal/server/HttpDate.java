package dev.kiln.internal.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted once a second rather than once a response. */
final class HttpDate {
  private static volatile Cached cached = new Cached(0, "");

  private record Cached(long second, String text) {}

  private HttpDate() {}

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Cached current = cached;
    if (current.second != second) {
      current = new Cached(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(
          Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
      cached = current;
    }
    return current.text;
  }
}
