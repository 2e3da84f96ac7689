package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The {@code kiln.access} logger gets a line per response, unless the server turns it off. */
class AccessLogSocketTest {
  /** Where slf4j-simple writes in this module's tests (see the surefire configuration). */
  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-server.log"));

  @Test
  void logsEachResponseInCombinedFormat() throws IOException {
    String marker = UUID.randomUUID().toString();
    try (TestServer server = TestServer.start(new ServerTestApp().router())) {
      server.client().get("/n/1?mark=" + marker, "User-Agent", "kiln-test");
    }
    assertThat(awaitLine(marker)).matches(
        "INFO kiln.access - 127\\.0\\.0\\.1 - - \\[.+\\] \"GET /n/1\\?mark=" + marker + " HTTP/1\\.1\" 200 2 \"-\" \"kiln-test\" [0-9.]+ms");
  }

  @Test
  void canBeTurnedOff() throws IOException {
    String quiet = UUID.randomUUID().toString();
    String loud = UUID.randomUUID().toString();
    try (TestServer off = TestServer.start(new ServerTestApp().router(), s -> s.accessLog(false));
        TestServer on = TestServer.start(new ServerTestApp().router())) {
      off.client().get("/n/1?mark=" + quiet);
      on.client().get("/n/1?mark=" + loud);
    }
    awaitLine(loud); // written after the quiet one would have been
    assertThat(Files.readString(LOG)).doesNotContain(quiet);
  }

  /** The log line holding {@code marker}; it is written as the response completes, so wait for it. */
  private static String awaitLine(String marker) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(LOG)) {
        for (String line : Files.readAllLines(LOG)) {
          if (line.contains(marker)) {
            return line.substring(line.indexOf("INFO"));
          }
        }
      }
      LockSupport.parkNanos(10_000_000);
    }
    throw new AssertionError("no access log line with " + marker + " in " + LOG);
  }
}
