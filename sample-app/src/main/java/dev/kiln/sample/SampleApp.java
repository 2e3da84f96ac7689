package dev.kiln.sample;

import dev.kiln.Application;
import dev.kiln.Router;
import dev.kiln.Server;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.storage.InMemoryProjectStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.views.IndexViews;
import dev.kiln.sample.views.ProjectPages;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 *
 * <p>Serves on 127.0.0.1:8000; {@code -Dport=...} / {@code PORT} and {@code -Dhost=...} / {@code HOST}
 * change that. Stops gracefully on SIGTERM or Ctrl-C.
 */
@Application
public final class SampleApp {
  private SampleApp() {}

  /** The application's route table, wired with its handlers: the one place that knows them all. */
  public static Router router(ProjectStore store) {
    return SampleAppRoutes.create(new ProjectViews(store), new IndexViews(), new ProjectPages(store));
  }

  public static void main(String[] args) throws InterruptedException {
    String host = setting("host", "HOST", "127.0.0.1");
    int port = Integer.parseInt(setting("port", "PORT", "8000"));
    try (Server server = Server.builder(router(new InMemoryProjectStore()))
        .host(host)
        .port(port)
        .closeOnShutdownSignal()
        .start()) {
      System.out.println("Kiln sample app on http://" + host + ":" + server.port() + "/ (Ctrl-C to stop)");
      server.awaitShutdown();
    }
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
