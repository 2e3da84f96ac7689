package dev.kiln.sample;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.Router;
import dev.kiln.Server;
import dev.kiln.middleware.Compression;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RequestId;
import dev.kiln.middleware.SecurityHeaders;
import dev.kiln.sample.auth.ApiKeyAuth;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.sample.storage.InMemoryProjectStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.views.IndexViews;
import dev.kiln.sample.views.ProjectPages;
import dev.kiln.sample.views.UploadViews;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 *
 * <p>Middlewares, outermost first: a request id, error pages (problem+json for API clients, HTML
 * for browsers), security headers and compression on every route, and {@link ApiKeyAuth} on the
 * {@code api} group's writes.
 *
 * <p>Serves on 127.0.0.1:8000; {@code -Dport=...} / {@code PORT}, {@code -Dhost=...} / {@code HOST}
 * and {@code -DapiKey=...} / {@code API_KEY} change that. Stops gracefully on SIGTERM or Ctrl-C.
 */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = ErrorPages.class, order = 20)
@Install(value = SecurityHeaders.class, order = 30)
@Install(value = Compression.class, order = 40)
public final class SampleApp {
  /** The key {@link ApiKeyAuth} wants when none is configured: fine for a laptop, never for production. */
  public static final String DEVELOPMENT_API_KEY = "dev-api-key";

  private SampleApp() {}

  /** The application's route table, wired with its handlers and middlewares: the one place that knows them all. */
  public static Router router(ProjectStore store, String apiKey) {
    return router(store, new FileStore(), apiKey);
  }

  public static Router router(ProjectStore store, FileStore files, String apiKey) {
    return SampleAppRoutes.create(new ProjectViews(store), new IndexViews(), new ProjectPages(store),
        new UploadViews(files), new Compression(), new ErrorPages(), new RequestId(), new SecurityHeaders(),
        new ApiKeyAuth(apiKey));
  }

  public static void main(String[] args) throws InterruptedException {
    String host = setting("host", "HOST", "127.0.0.1");
    int port = Integer.parseInt(setting("port", "PORT", "8000"));
    String apiKey = setting("apiKey", "API_KEY", DEVELOPMENT_API_KEY);
    try (Server server = Server.builder(router(new InMemoryProjectStore(), apiKey))
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
