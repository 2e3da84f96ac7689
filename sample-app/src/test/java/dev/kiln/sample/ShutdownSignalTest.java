package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample app as the README runs it: a process that serves, then stops cleanly on SIGTERM. */
class ShutdownSignalTest {
  @Test
  void servesAndStopsGracefullyOnSigterm() throws Exception {
    try (AppProcess app = AppProcess.start(List.of(AppProcess.java(), "-cp", AppProcess.classPath(),
        "-Dport=0", "-DdatabaseDirectory=target/shutdown-test-postgres", SampleApp.class.getName()))) {
      assertThat(app.get("/").body()).isEqualTo("Hello, world!");
      // logback is on its classpath: no hint about a missing SLF4J provider
      assertThat(app.stop()).contains("Kiln stopped").doesNotContain("no SLF4J provider");
    }
  }
}
