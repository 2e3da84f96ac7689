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
 */
public record Setting(String name, String flag, String property, String environment, String type,
    String defaultValue, boolean optional, boolean secret, String doc) {

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
