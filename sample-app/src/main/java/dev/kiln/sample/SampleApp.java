package dev.kiln.sample;

import dev.kiln.App;
import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.launch.Kiln;
import dev.kiln.Router;
import dev.kiln.TypedKey;
import dev.kiln.middleware.Compression;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RequestId;
import dev.kiln.middleware.SecurityHeaders;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.auth.ApiKeyAuth;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.sample.storage.InMemoryProjectStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.views.ProjectPages;
import dev.kiln.sample.views.UploadViews;
import dev.kiln.server.Server;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 *
 * <p>Middlewares, outermost first: a request id, error pages (problem+json for API clients, HTML
 * for browsers), security headers and compression on every route, and {@link ApiKeyAuth} on the
 * {@code api} group's writes.
 *
 * <p>Serves on 127.0.0.1:8000; {@link SampleSettings} says what else can be set, and how
 * ({@code --port 9000}, {@code -Dport=9000} or {@code PORT=9000}). Stops gracefully on SIGTERM or Ctrl-C.
 */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = ErrorPages.class, order = 20)
@Install(value = SecurityHeaders.class, order = 30)
@Install(value = Compression.class, order = 40)
public final class SampleApp {
  /** The settings, for handlers: {@code request.app().get(SampleApp.SETTINGS)}. */
  public static final TypedKey<SampleSettings> SETTINGS = TypedKey.of("settings", SampleSettings.class);
  /** Where projects are kept. */
  public static final TypedKey<ProjectStore> PROJECTS = TypedKey.of("projects", ProjectStore.class);

  /** The key {@link ApiKeyAuth} wants when none is configured: fine for a laptop, never for production. */
  public static final String DEVELOPMENT_API_KEY = "dev-api-key";

  private SampleApp() {}

  /** The application's route table, wired with its handlers and middlewares: the one place that knows them all. */
  public static Router router(ProjectStore store, String apiKey) {
    return router(store, new FileStore(), apiKey);
  }

  public static Router router(ProjectStore store, FileStore files, String apiKey) {
    return router(store, files, apiKey, false);
  }

  /** In debug mode error pages show the exception, the stack and the request. */
  public static Router router(ProjectStore store, FileStore files, String apiKey, boolean debug) {
    return SampleAppRoutes.builder()
        .projectViews(new ProjectViews(store))
        .projectPages(new ProjectPages(store))
        .uploadViews(new UploadViews(files))
        .errorPages(ErrorPages.builder().debug(debug).build())
        .apiKeyAuth(new ApiKeyAuth(apiKey))
        .build();
  }

  /**
   * Serves the app: settings from the command line, system properties, the environment and
   * {@code application.properties} ({@code --help} lists them), the application state built, then
   * the server until SIGTERM or Ctrl-C. With {@code --reload}, restarts it whenever its build output
   * changes (run {@code mvn compile} or let the IDE build).
   */
  public static void main(String[] args) throws Exception {
    Kiln.run(SampleApp.class, args, SampleApp::configure);
  }

  /** Loads the settings and builds the state and router: the server of one generation of the app, not started. */
  static Server.Builder configure(String[] args) {
    SampleSettingsValues settings = SampleSettingsValues.fromCommandLine("sample-app", args);
    App app = App.builder()
        .set(SETTINGS, settings)
        .onStartup("storage", startup -> startup.set(PROJECTS, new InMemoryProjectStore()))
        .start();
    Router router = router(app.get(PROJECTS), new FileStore(), settings.apiKey(), settings.debug());
    return Server.builder(router).settings(settings).app(app);
  }
}
