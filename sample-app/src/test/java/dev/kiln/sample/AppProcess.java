package dev.kiln.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sample app in a process of its own, as a user starts it: its output read to the end, its port once it serves. */
final class AppProcess implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("SampleApp on http://127\\.0\\.0\\.1:(\\d+)/");

  final Process process;
  final int port;
  private final StringBuffer log = new StringBuffer();
  private final CompletableFuture<Void> ended;

  private AppProcess(List<String> command) throws Exception {
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> started = new CompletableFuture<>();
    ended = CompletableFuture.runAsync(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log.append(line).append('\n');
          Matcher serving = STARTED.matcher(line);
          if (serving.find()) {
            started.complete(Integer.parseInt(serving.group(1)));
          }
        }
        started.completeExceptionally(new IllegalStateException("the app ended before serving:\n" + log));
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
    });
    try {
      port = started.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Starts {@code command} and waits until the app says it serves. */
  static AppProcess start(List<String> command) throws Exception {
    return new AppProcess(command);
  }

  /**
   * The app's class path: the tests' without their own classes and resources, so the app logs
   * through its own configuration (kiln-logback's), not the tests' {@code logback-test.xml}.
   */
  static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** The JDK running the tests. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM and waits for the process and its output to end; returns its whole output. */
  String stop() throws Exception {
    process.toHandle().destroy(); // SIGTERM, leaving the output stream open for the rest of the log
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the app did not stop on SIGTERM:\n" + log);
    }
    ended.get(30, TimeUnit.SECONDS);
    return log.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
