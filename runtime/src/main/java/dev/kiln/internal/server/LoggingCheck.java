package dev.kiln.internal.server;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Says, once per JVM, when no SLF4J provider is on the classpath: SLF4J then drops every line,
 * the server's and the access log's included, and its own warning does not say what to add.
 */
public final class LoggingCheck {
  static final String NO_PROVIDER = "Kiln: no SLF4J provider on the classpath, so the server's and the access "
      + "log's lines are lost; add ch.qos.logback:logback-classic (kiln-bom pins its version) or another SLF4J 2 "
      + "provider as a runtime dependency";
  /** The JVM's: what servers call, so the line comes once whatever the number of servers. */
  private static final LoggingCheck JVM = new LoggingCheck();

  private final AtomicBoolean said = new AtomicBoolean();

  LoggingCheck() {}

  /** Prints {@link #NO_PROVIDER} on {@code out}, once per JVM, when there is no provider. */
  public static void sayOnceIfNoProvider(PrintStream out) {
    JVM.sayIfNoProvider(out);
  }

  /** Prints {@link #NO_PROVIDER} on {@code out} the first time it is called without a provider. */
  void sayIfNoProvider(PrintStream out) {
    if (!hasProvider() && said.compareAndSet(false, true)) {
      out.println(NO_PROVIDER);
    }
  }

  static boolean hasProvider() {
    return !(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory);
  }
}
