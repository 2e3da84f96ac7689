package dev.kiln.toolbar;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.kiln.middleware.RequestId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The logs panel's data: a logback appender on the root logger that keeps the records logged under
 * a request id ({@link RequestId}'s MDC key), for the last 1,000 ids, at most 200 records each, as
 * logback's levels let them through. Loaded only when logback is the SLF4J backend.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {
  private static final int IDS = 1000;

  private final Map<String, List<String>> byRequest = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > IDS;
    }
  };

  private static LogCapture shared;

  /**
   * The capture, attached to logback's root logger when first asked for (one per process, however
   * many toolbars: a reloaded app's next generation reuses it); {@code null} when logback is not the backend.
   */
  static synchronized LogCapture attach() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    if (shared == null || shared.getContext() != context) {
      LogCapture capture = new LogCapture();
      capture.setContext(context);
      capture.setName("kiln-debug-toolbar");
      capture.start();
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
      shared = capture;
    }
    return shared;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String id = event.getMDCPropertyMap().get(RequestId.MDC_KEY);
    if (id == null) {
      return;
    }
    String line = event.getLevel() + " " + event.getLoggerName() + " — " + RequestRecord.cap(event.getFormattedMessage())
        + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ": "
            + RequestRecord.cap(event.getThrowableProxy().getMessage()) + ")");
    synchronized (byRequest) {
      List<String> lines = byRequest.computeIfAbsent(id, k -> new ArrayList<>());
      if (lines.size() < RequestRecord.MAX_ITEMS) {
        lines.add(line);
      }
    }
  }

  /** The records logged under {@code id}, taken out of the capture. */
  List<String> take(String id) {
    synchronized (byRequest) {
      List<String> lines = byRequest.remove(id);
      return lines == null ? List.of() : lines;
    }
  }
}
