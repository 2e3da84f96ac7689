package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample app as the README runs it: a process that serves, then stops cleanly on SIGTERM. */
class ShutdownSignalTest {
  private static final Pattern STARTED = Pattern.compile("Kiln sample app on http://127\\.0\\.0\\.1:(\\d+)/");

  @Test
  void servesAndStopsGracefullyOnSigterm() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dport=0",
        SampleApp.class.getName())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuffer log = new StringBuffer();
      CompletableFuture<Integer> started = new CompletableFuture<>();
      // Reads the app's output to its end, noting the port once it is serving.
      CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
        try {
          for (String line = output.readLine(); line != null; line = output.readLine()) {
            log.append(line).append('\n');
            Matcher serving = STARTED.matcher(line);
            if (serving.find()) {
              started.complete(Integer.parseInt(serving.group(1)));
            }
          }
          started.completeExceptionally(new IllegalStateException("the app ended before serving:\n" + log));
        } catch (java.io.IOException e) {
          started.completeExceptionally(e);
        }
      });
      int port = started.get(60, TimeUnit.SECONDS);

      HttpResponse<String> hello = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(hello.body()).isEqualTo("Hello, world!");

      process.toHandle().destroy(); // SIGTERM, leaving the output stream open for the rest of the log
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      ended.get(30, TimeUnit.SECONDS);
      assertThat(log.toString()).contains("Kiln stopped");
    } finally {
      process.destroyForcibly();
    }
  }
}
