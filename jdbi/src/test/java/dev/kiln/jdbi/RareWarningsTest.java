package dev.kiln.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RareWarningsTest {
  @Test
  void anOutageWritesOneLinePerPeriodCountingWhatItHeldBack() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.kiln.jdbi.RareWarningsTest");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    AtomicLong clock = new AtomicLong(1_000);
    RareWarnings warnings = new RareWarnings(logger, 10_000, clock::get);

    for (int i = 0; i < 100; i++) {
      warnings.warn("database away: {}", "refused");
    }
    clock.addAndGet(10_000);
    warnings.warn("database away: {}", "refused");
    warnings.warn("database away: {}", "refused");

    assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "database away: refused",
        "database away: refused (and 99 more like it since the last line)");
  }
}
