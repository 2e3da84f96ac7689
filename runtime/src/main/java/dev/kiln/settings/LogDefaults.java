package dev.kiln.settings;

/**
 * The log format and Kiln's level that debug mode implies, handed to the logging backend (kiln-logback)
 * as two system properties before its first line: {@code kiln.log.format} ({@code TEXT} in debug
 * mode, {@code JSON} otherwise) and {@code kiln.log.level} ({@code DEBUG} or {@code INFO}) for
 * Kiln's loggers. A value set beforehand ({@code -Dkiln.log.format=TEXT}) wins.
 */
public final class LogDefaults {
  public static final String FORMAT_PROPERTY = "kiln.log.format";
  public static final String LEVEL_PROPERTY = "kiln.log.level";

  private LogDefaults() {}

  /** Sets the two properties for debug mode on or off, each unless already set. */
  public static void forDebug(boolean debug) {
    setUnlessSet(FORMAT_PROPERTY, debug ? "TEXT" : "JSON");
    setUnlessSet(LEVEL_PROPERTY, debug ? "DEBUG" : "INFO");
  }

  /** Readable lines, whatever debug mode says later: for development reload, whose own lines come first. */
  public static void readable() {
    setUnlessSet(FORMAT_PROPERTY, "TEXT");
  }

  private static void setUnlessSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
