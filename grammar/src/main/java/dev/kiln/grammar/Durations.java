package dev.kiln.grammar;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people write them: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT30S}. */
public final class Durations {
  /** What a duration may be, for messages. */
  public static final String FORMS = "a duration such as 30s, 5m, 250ms or PT1H";

  private Durations() {}

  /** The duration, or {@code null} when the text (surrounding spaces aside) is none of the forms above. */
  public static Duration parse(String text) {
    String value = text.strip();
    if (value.length() > 1 && (value.charAt(0) == 'P' || value.charAt(0) == 'p')) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    int unit = 0;
    while (unit < value.length() && value.charAt(unit) >= '0' && value.charAt(unit) <= '9') {
      unit++;
    }
    if (unit == 0 || unit > 15) {
      return null;
    }
    long amount = Long.parseLong(value.substring(0, unit));
    return switch (value.substring(unit)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> null;
    };
  }
}
