package dev.kiln.sample;

/**
 * Chooses the log format before logback starts: readable lines with Kiln's loggers at DEBUG in
 * debug mode, JSON lines (one object per event, for a log shipper) otherwise. {@code logback.xml}
 * reads the two system properties set here; setting them yourself wins.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    if (System.getProperty("kiln.log.format") == null) {
      System.setProperty("kiln.log.format", debug ? "TEXT" : "JSON");
    }
    if (System.getProperty("kiln.log.level") == null) {
      System.setProperty("kiln.log.level", debug ? "DEBUG" : "INFO");
    }
  }
}
