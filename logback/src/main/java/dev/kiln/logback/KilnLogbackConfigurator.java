package dev.kiln.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Kiln's logging when the application has no logback configuration of its own: one console
 * appender, readable lines in debug mode and one JSON object per line otherwise (for a log
 * shipper), Kiln's loggers at DEBUG in debug mode.
 *
 * <p>Logback finds this class through {@code ServiceLoader} when it starts. A {@code logback.xml}
 * or {@code logback-test.xml} on the class path, or the {@code logback.configurationFile} system
 * property, wins: this configurator then steps aside. The format and level come from the
 * {@code kiln.log.format} ({@code TEXT} or {@code JSON}) and {@code kiln.log.level} system
 * properties, which Kiln sets from the {@code debug} setting when it loads the settings, before the
 * first line (see {@code dev.kiln.settings.LogDefaults}); set them yourself to override it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class KilnLogbackConfigurator extends ContextAwareBase implements Configurator {
  static final String FORMAT_PROPERTY = "kiln.log.format";
  static final String LEVEL_PROPERTY = "kiln.log.level";
  /** Time, level, logger, the request id when there is one, and the message. */
  /** Loggers at WARN: the embedded PostgreSQL and its server output, the pool, the migrations. */
  static final List<String> QUIET_LIBRARIES = List.of("io.zonky.test", "com.zaxxer.hikari", "org.flywaydb");
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %-28logger{28} %X{requestId} %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (hasOwnConfiguration()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own configurator reads it
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("kiln-console");
    console.setEncoder("TEXT".equalsIgnoreCase(System.getProperty(FORMAT_PROPERTY, "JSON").strip())
        ? text(context) : json(context));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    context.getLogger("dev.kiln").setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
    // Libraries Kiln drives and reports on itself (one line for the database, one for the
    // migrations): their own start-up chatter only from WARN.
    for (String quiet : QUIET_LIBRARIES) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean hasOwnConfiguration() {
    if (System.getProperty("logback.configurationFile") != null) {
      return true;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = KilnLogbackConfigurator.class.getClassLoader();
    }
    return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  /** Timestamp, level, thread, logger, MDC, the formatted message and any throwable: what a log search needs. */
  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
