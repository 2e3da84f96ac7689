package dev.kiln.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What the configurator's tests run in a JVM of their own: logback configures itself once per JVM. */
public final class LogSomething {
  private LogSomething() {}

  public static void main(String[] args) {
    Logger kiln = LoggerFactory.getLogger("dev.kiln.server");
    Logger app = LoggerFactory.getLogger("com.example.Notes");
    MDC.put("requestId", "req-7");
    kiln.debug("kiln detail");
    kiln.info("kiln started");
    app.debug("app detail");
    app.info("app says {}", "hello");
  }
}
