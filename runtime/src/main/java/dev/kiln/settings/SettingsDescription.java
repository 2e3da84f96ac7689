package dev.kiln.settings;

import java.util.List;

/** The text of {@code describe()} and {@code --print-settings}: each setting, its value and its source. */
public final class SettingsDescription {
  private SettingsDescription() {}

  /**
   * One line per setting: {@code port = 9000  (--port)}; secrets masked.
   *
   * @param values the values as text, in {@code settings} order ({@code null} for unset)
   * @param sources where each came from
   */
  public static String describe(List<Setting> settings, List<String> values, List<String> sources) {
    int width = settings.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < settings.size(); i++) {
      Setting setting = settings.get(i);
      String shown = setting.show(values.get(i));
      text.append(setting.name()).append(" ".repeat(width - setting.name().length())).append(" = ")
          .append(shown).append("  (").append(sources.get(i)).append(")\n");
    }
    return text.toString();
  }

  /** {@code Name[a=1, secret=****]}. */
  public static String toString(String name, List<Setting> settings, List<String> values) {
    StringBuilder text = new StringBuilder(name).append('[');
    for (int i = 0; i < settings.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(settings.get(i).name()).append('=')
          .append(settings.get(i).show(values.get(i)));
    }
    return text.append(']').toString();
  }
}
