package dev.kiln.settings;

import java.util.List;

/** Settings that are missing or do not convert, every one of them, with where each value came from. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super(problems.size() == 1 ? "Invalid setting: " + problems.get(0)
        : problems.size() + " invalid settings:\n  " + String.join("\n  ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** One line per problem. */
  public List<String> problems() {
    return problems;
  }
}
