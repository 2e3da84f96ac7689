package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample app's command line, run as a process: help, flags, environment, and bad settings refused. */
class CommandLineTest {
  private static final Pattern STARTED = Pattern.compile("SampleApp on http://127\\.0\\.0\\.1:(\\d+)/");

  private static ProcessBuilder app(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        AppProcess.classPath(), SampleApp.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    // Each run its own embedded PostgreSQL: two runs never share (and so never wait on) one data folder.
    builder.environment().put("DATABASE_DIRECTORY", freshFolder());
    return builder;
  }

  private static String freshFolder() {
    try {
      return java.nio.file.Files.createTempDirectory("sample-app-postgres-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs to its end; returns the exit code and the output. */
  private static String[] run(Map<String, String> environment, String... args) throws Exception {
    Process process = app(environment, args).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String[] {String.valueOf(process.exitValue()), output};
  }

  @Test
  void helpListsEverySettingWithTypeDefaultVariableAndDescription() throws Exception {
    String[] result = run(Map.of(), "--help");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1]).startsWith("Usage: sample-app [flags]")
        .contains("  --port <int 0..65535>\n      Port to listen on; 0 for any free port\n      default 8000; env PORT, -Dport\n")
        .contains("  --default-locale <String>\n      Locale of pages when a request names none.\n")
        .contains("  --debug\n")
        .contains("default ****; env API_KEY, -DapiKey; secret");
  }

  @Test
  void aDatabaseThatDoesNotAnswerStopsTheStartWithOneLineAndExitCode1() throws Exception {
    String[] result = run(Map.of("DATABASE_URL", "postgres://app:s3cret@127.0.0.1:1/notes"), "--port", "0",
        "--database-connection-timeout", "1s");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).contains("SampleApp did not start: startup hook 'database' failed: could not open PostgreSQL "
        + "at postgres://app:***@127.0.0.1:1/notes")
        .doesNotContain("s3cret", "Exception in thread", "\tat ", "SampleApp on");
  }

  @Test
  void threeBadSettingsAreReportedTogetherAndTheAppExitsWith2() throws Exception {
    String[] result = run(Map.of("PORT", "eighty", "API_KEY", "topsecret"), "--request-timeout", "soon",
        "--io-threads=many");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).contains("sample-app: 3 problems:",
        "port = \"eighty\" (from environment PORT): expected an integer for int",
        "ioThreads = \"many\" (from --io-threads): expected an integer for int",
        "requestTimeout = \"soon\" (from --request-timeout): expected a duration");
    assertThat(result[1]).doesNotContain("topsecret", "SampleApp on");
  }

  @Test
  void unknownFlagsAndInvalidValuesAreReportedTogetherBeforeAnythingStarts() throws Exception {
    String[] result = run(Map.of(), "--port", "-5", "--no-such-flag", "--request-timeout", "0s");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).contains("sample-app: 3 problems:",
        "unknown flag --no-such-flag; --help lists them",
        "port = \"-5\" (from --port): expected 0..65535 for int",
        "requestTimeout = \"0s\" (from --request-timeout): expected > 0 for Duration");
    assertThat(result[1]).doesNotContain("Exception", "\tat ", "SampleApp on");
  }

  @Test
  void anUnknownFlagExitsWith2() throws Exception {
    String[] result = run(Map.of(), "--prot", "9000");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).contains("unknown flag --prot");
  }

  @Test
  void printSettingsShowsSourcesAndMasksSecrets() throws Exception {
    String[] result = run(Map.of("DEFAULT_LOCALE", "uk_UA", "API_KEY", "topsecret"), "--port", "9001",
        "--host=0.0.0.0", "--io-threads", "1", "--request-timeout", "5s", "--shutdown-timeout=250ms",
        "--reuse-port", "--no-access-log", "--print-settings");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1].replaceAll(" +=", " =")).contains("port = 9001  (--port)", "host = 0.0.0.0  (--host)",
        "ioThreads = 1  (--io-threads)", "requestTimeout = 5s  (--request-timeout)",
        "shutdownTimeout = 250ms  (--shutdown-timeout)", "reusePort = true  (--reuse-port)",
        "accessLog = false  (--access-log)", "debug = false  (default)",
        "defaultLocale = uk_UA  (environment DEFAULT_LOCALE)", "apiKey = ****  (environment API_KEY)",
        "timezone = UTC  (default)");
    assertThat(result[1]).doesNotContain("topsecret");
  }

  @Test
  void flagsAndEnvironmentReachTheRunningApp() throws Exception {
    Process process = app(Map.of("DEFAULT_LOCALE", "uk_UA"), "--port", "0", "--debug").start();
    try {
      var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      int port = -1;
      StringBuilder log = new StringBuilder();
      while (port < 0) {
        String line = output.readLine();
        if (line == null) {
          break;
        }
        log.append(line).append('\n');
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
          port = Integer.parseInt(started.group(1));
        }
      }
      assertThat(port).as(log.toString()).isPositive();
      // --debug: readable log lines, not JSON, and Kiln's loggers at DEBUG
      assertThat(log.toString()).contains("INFO  d.k.i.server.HttpServer").contains("DEBUG d.k.i.server.HttpServer")
          .doesNotContain("{\"");
      HttpResponse<String> search = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/search?query=kiln")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(search.body()).isEqualTo("Searching for \"kiln\" in uk_UA");
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void logsAreJsonLinesOutsideDebugMode() throws Exception {
    // Logs go to stdout; the JVM's own warnings (native access on 22+) to stderr.
    Process process = app(Map.of(), "--port", "0").redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      // What the app opens first (where its embedded PostgreSQL and Redis are), then the server's line.
      String line = output.readLine();
      while (line != null && !line.contains("\"loggerName\":\"dev.kiln.internal.server.HttpServer\"")) {
        assertThat(line).startsWith("{\"timestamp\":");
        line = output.readLine();
      }
      assertThat(line).startsWith("{").contains("\"loggerName\":\"dev.kiln.internal.server.HttpServer\"")
          .contains("\"formattedMessage\":\"Kiln serving ");
      // Kiln's loggers at INFO: the DEBUG line with the limits is not written
      assertThat(output.readLine()).startsWith("SampleApp on ");
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
