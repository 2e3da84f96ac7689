package dev.kiln.internal.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * The checks behind the {@code jakarta.validation.constraints} annotations, called by generated
 * validation code. As in Jakarta Validation, {@code null} satisfies every constraint but
 * {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty}.
 */
public final class Constraints {
  private Constraints() {}

  public static boolean notBlank(CharSequence value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  public static boolean notEmpty(CharSequence value) {
    return value != null && value.length() > 0;
  }

  public static boolean notEmpty(Collection<?> value) {
    return value != null && !value.isEmpty();
  }

  public static boolean notEmpty(Map<?, ?> value) {
    return value != null && !value.isEmpty();
  }

  public static boolean notEmpty(Object[] value) {
    return value != null && value.length > 0;
  }

  public static boolean size(CharSequence value, int min, int max) {
    return value == null || within(value.length(), min, max);
  }

  public static boolean size(Collection<?> value, int min, int max) {
    return value == null || within(value.size(), min, max);
  }

  public static boolean size(Map<?, ?> value, int min, int max) {
    return value == null || within(value.size(), min, max);
  }

  public static boolean size(Object[] value, int min, int max) {
    return value == null || within(value.length, min, max);
  }

  private static boolean within(int size, int min, int max) {
    return size >= min && size <= max;
  }

  /** {@code @Min}, {@code @PositiveOrZero} and friends on a primitive integer. */
  public static boolean atLeast(long value, long min) {
    return value >= min;
  }

  public static boolean atLeast(double value, long min) {
    return value >= min;
  }

  public static boolean atLeast(Number value, long min) {
    return value == null || compare(value, BigDecimal.valueOf(min)) >= 0;
  }

  public static boolean atMost(long value, long max) {
    return value <= max;
  }

  public static boolean atMost(double value, long max) {
    return value <= max;
  }

  public static boolean atMost(Number value, long max) {
    return value == null || compare(value, BigDecimal.valueOf(max)) <= 0;
  }

  /** {@code @Positive} and {@code @Negative}: strictly above or below zero. */
  public static boolean above(double value, long bound) {
    return value > bound;
  }

  public static boolean above(long value, long bound) {
    return value > bound;
  }

  public static boolean above(Number value, long bound) {
    return value == null || compare(value, BigDecimal.valueOf(bound)) > 0;
  }

  public static boolean below(long value, long bound) {
    return value < bound;
  }

  public static boolean below(double value, long bound) {
    return value < bound;
  }

  public static boolean below(Number value, long bound) {
    return value == null || compare(value, BigDecimal.valueOf(bound)) < 0;
  }

  /** {@code @DecimalMin}: {@code min} is the annotation's value, checked by the processor. */
  public static boolean decimalMin(double value, String min, boolean inclusive) {
    return decimalMin((Number) value, min, inclusive);
  }

  public static boolean decimalMin(Number value, String min, boolean inclusive) {
    if (value == null) {
      return true;
    }
    int order = compare(value, new BigDecimal(min));
    return inclusive ? order >= 0 : order > 0;
  }

  public static boolean decimalMax(double value, String max, boolean inclusive) {
    return decimalMax((Number) value, max, inclusive);
  }

  public static boolean decimalMax(Number value, String max, boolean inclusive) {
    if (value == null) {
      return true;
    }
    int order = compare(value, new BigDecimal(max));
    return inclusive ? order <= 0 : order < 0;
  }

  /** {@code @Digits}: at most {@code integer} digits before the point and {@code fraction} after it. */
  public static boolean digits(double value, int integer, int fraction) {
    return digits((Number) value, integer, fraction);
  }

  public static boolean digits(Number value, int integer, int fraction) {
    if (value == null) {
      return true;
    }
    BigDecimal decimal = decimal(value);
    if (decimal == null) {
      return false;
    }
    decimal = decimal.stripTrailingZeros();
    int fractionDigits = Math.max(decimal.scale(), 0);
    int integerDigits = decimal.precision() - decimal.scale();
    return integerDigits <= integer && fractionDigits <= fraction;
  }

  /** {@code @Email}: a local part and a domain of dot-separated labels, as mail systems accept them. */
  public static boolean email(CharSequence value) {
    if (value == null || value.length() == 0) {
      return true;
    }
    String text = value.toString();
    int at = text.lastIndexOf('@');
    if (at <= 0 || at > 64 || at == text.length() - 1) {
      return false;
    }
    return isLocalPart(text, 0, at) && isDomain(text, at + 1, text.length());
  }

  private static boolean isLocalPart(String text, int start, int end) {
    char previous = '.';
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean ok = c == '.' ? previous != '.'
          : Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0 || c > 0x7f;
      if (!ok) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }

  private static boolean isDomain(String text, int start, int end) {
    if (end - start > 255) {
      return false;
    }
    int labelStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else {
        char c = text.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code @Past} / {@code @PastOrPresent} ({@code present} true), against the system clock. */
  public static boolean past(Object value, boolean present) {
    if (value == null) {
      return true;
    }
    int order = compareToNow(value);
    return present ? order <= 0 : order < 0;
  }

  /** {@code @Future} / {@code @FutureOrPresent} ({@code present} true), against the system clock. */
  public static boolean future(Object value, boolean present) {
    if (value == null) {
      return true;
    }
    int order = compareToNow(value);
    return present ? order >= 0 : order > 0;
  }

  private static int compareToNow(Object value) {
    if (value instanceof Instant instant) {
      return instant.compareTo(Instant.now());
    }
    if (value instanceof LocalDate date) {
      return date.compareTo(LocalDate.now());
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.compareTo(LocalDateTime.now());
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant().compareTo(Instant.now());
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant().compareTo(Instant.now());
    }
    throw new IllegalArgumentException("not a supported date or time: " + value.getClass().getName());
  }

  private static int compare(Number value, BigDecimal bound) {
    BigDecimal decimal = decimal(value);
    if (decimal == null) { // NaN or infinite
      double d = value.doubleValue();
      return Double.isNaN(d) ? -1 : d > 0 ? 1 : -1;
    }
    return decimal.compareTo(bound);
  }

  private static BigDecimal decimal(Number value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return BigDecimal.valueOf(value.longValue());
  }
}
