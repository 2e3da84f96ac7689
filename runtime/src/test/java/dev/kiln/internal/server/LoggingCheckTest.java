package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runtime's own tests have slf4j-api and no provider: the case a user's app is in without logback. */
class LoggingCheckTest {
  @Test
  void withoutAProviderOneLineSaysWhatToAddAndOnlyOnce() {
    assertThat(LoggingCheck.hasProvider()).isFalse();
    LoggingCheck check = new LoggingCheck();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    check.sayIfNoProvider(new PrintStream(first, true, StandardCharsets.UTF_8));
    check.sayIfNoProvider(new PrintStream(second, true, StandardCharsets.UTF_8));
    assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo(LoggingCheck.NO_PROVIDER + System.lineSeparator())
        .contains("add ch.qos.logback:logback-classic");
    assertThat(second.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
