package dev.kiln.settings;

/**
 * What the processor knows of one setting, written into the generated {@code <Name>Values.SETTINGS}
 * for the loader, {@code --help} and {@code describe()}.
 *
 * @param name the accessor's name, {@code defaultLocale}
 * @param flag the command-line flag without dashes, {@code default-locale}
 * @param property the system property and properties-file key, {@code sample.defaultLocale}
 * @param environment the environment variable, {@code SAMPLE_DEFAULT_LOCALE}
 * @param type the type as {@code --help} shows it, {@code Duration}
 * @param defaultValue the default as written, or {@code null} for none
 * @param optional whether the setting is an {@code Optional}, so it may stay unset
 * @param secret whether its value is never shown
 * @param doc its description, or empty
 * @param min the least value it takes ({@code @Min}, {@code @Positive}, {@code @PositiveOrZero}), or
 *     {@code null}; for a {@code Duration}, in nanoseconds
 * @param max the greatest value it takes ({@code @Max}), or {@code null}
 */
public record Setting(String name, String flag, String property, String environment, String type,
    String defaultValue, boolean optional, boolean secret, String doc, Long min, Long max) {

  /** A setting that takes any value of its type. */
  public Setting(String name, String flag, String property, String environment, String type, String defaultValue,
      boolean optional, boolean secret, String doc) {
    this(name, flag, property, environment, type, defaultValue, optional, secret, doc, null, null);
  }

  /** What it takes beyond its type, {@code "0..65535"} or {@code "> 0"}, for messages and {@code --help}; empty when anything. */
  public String range() {
    if (type.equals("Duration")) {
      return min == null ? "" : min > 0 ? "> 0" : ">= 0";
    }
    if (min != null && max != null) {
      return min + ".." + max;
    }
    return min != null ? ">= " + min : max != null ? "<= " + max : "";
  }

  /** Whether {@code value} (a number, or a {@code Duration}) is within its bounds. */
  public boolean accepts(Object value) {
    if (min == null && max == null) {
      return true;
    }
    long measure;
    if (value instanceof Number number) {
      measure = number.longValue();
    } else if (value instanceof java.time.Duration duration) {
      measure = duration.isNegative() ? -1 : duration.compareTo(java.time.Duration.ofNanos(Long.MAX_VALUE)) > 0
          ? Long.MAX_VALUE : duration.toNanos();
    } else {
      return true;
    }
    return (min == null || measure >= min) && (max == null || measure <= max);
  }

  /** Whether the program cannot start without a value for it. */
  public boolean required() {
    return defaultValue == null && !optional;
  }

  /** Whether it is a switch: {@code --debug} alone means true. */
  public boolean isSwitch() {
    return type.equals("boolean") || type.equals("Boolean");
  }

  /** {@code value} as it may be shown: masked when secret. */
  public String show(String value) {
    return value == null ? "(unset)" : secret ? "****" : value;
  }
}
