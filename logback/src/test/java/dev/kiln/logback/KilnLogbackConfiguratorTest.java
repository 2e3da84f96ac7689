package dev.kiln.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logback with no configuration of the application's own, in a fresh JVM each: what an app gets from the parent. */
class KilnLogbackConfiguratorTest {
  private static List<String> run(String classPathFirst, String... properties) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(properties));
    String classPath = System.getProperty("java.class.path");
    command.add("-cp");
    command.add(classPathFirst == null ? classPath : classPathFirst + File.pathSeparator + classPath);
    command.add(LogSomething.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void withoutDebugModeEachEventIsOneJsonObjectAndKilnLogsAtInfo() throws Exception {
    List<String> lines = run(null);
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode started = json.readTree(lines.get(0));
    assertThat(started.get("level").asText()).isEqualTo("INFO");
    assertThat(started.get("loggerName").asText()).isEqualTo("dev.kiln.server");
    assertThat(started.get("formattedMessage").asText()).isEqualTo("kiln started");
    assertThat(started.get("mdc").get("requestId").asText()).isEqualTo("req-7");
    assertThat(started.has("timestamp")).isTrue();
    assertThat(json.readTree(lines.get(1)).get("formattedMessage").asText()).isEqualTo("app says hello");
  }

  @Test
  void debugModeGivesReadableLinesAndKilnsDebugLinesButNotTheApplicationsDebug() throws Exception {
    List<String> lines = run(null, "-Dkiln.log.format=TEXT", "-Dkiln.log.level=DEBUG");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG dev\\.kiln\\.server +req-7 kiln detail");
    assertThat(lines.get(1)).contains("INFO ").endsWith("req-7 kiln started");
    assertThat(lines.get(2)).contains("com.example.Notes").endsWith("req-7 app says hello");
  }

  @Test
  void theApplicationsOwnLogbackXmlWins(@TempDir Path resources) throws Exception {
    Files.writeString(resources.resolve("logback.xml"), """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>own %level %msg%n</pattern></encoder>
          </appender>
          <root level="DEBUG"><appender-ref ref="OUT"/></root>
        </configuration>
        """);
    assertThat(run(resources.toString(), "-Dkiln.log.format=TEXT"))
        .containsExactly("own DEBUG kiln detail", "own INFO kiln started", "own DEBUG app detail",
            "own INFO app says hello");
  }

  @Test
  void aConfigurationFileNamedBySystemPropertyWins(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("elsewhere.xml");
    Files.writeString(file, """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>named %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="OUT"/></root>
        </configuration>
        """);
    assertThat(run(null, "-Dlogback.configurationFile=" + file)).containsExactly("named kiln started",
        "named app says hello");
  }
}
