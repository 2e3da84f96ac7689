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
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.Transactional;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.auth.ApiKeyAuth;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.storage.UserStore;
import dev.kiln.sample.views.ProjectPages;
import dev.kiln.sample.views.UploadViews;
import dev.kiln.sample.views.UserViews;
import dev.kiln.server.Server;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 *
 * <p>Middlewares, outermost first: a request id, error pages (problem+json for API clients, HTML
 * for browsers), security headers and compression on every route, and {@link ApiKeyAuth} on the
 * {@code api} group's writes. Projects and users live in PostgreSQL (an embedded one unless
 * {@code --database-url} names another); the API's writes run in a transaction each
 * ({@link Transactional}).
 *
 * <p>Serves on 127.0.0.1:8000; {@link SampleSettings} says what else can be set, and how
 * ({@code --port 9000}, {@code -Dport=9000} or {@code PORT=9000}). Stops gracefully on SIGTERM or Ctrl-C.
 */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = ErrorPages.class, order = 20)
@Install(value = SecurityHeaders.class, order = 30)
@Install(value = Compression.class, order = 40)
@Install(value = Transactional.class, order = 10, optIn = true)
public final class SampleApp {
  /** The settings, for handlers: {@code request.app().get(SampleApp.SETTINGS)}. */
  public static final TypedKey<SampleSettings> SETTINGS = TypedKey.of("settings", SampleSettings.class);

  /** The key {@link ApiKeyAuth} wants when none is configured: fine for a laptop, never for production. */
  public static final String DEVELOPMENT_API_KEY = "dev-api-key";

  private SampleApp() {}

  /** The application's route table, wired with its handlers and middlewares: the one place that knows them all. */
  public static Router router(Database database, String apiKey) {
    return router(database, new FileStore(), apiKey, false);
  }

  /** In debug mode error pages show the exception, the stack and the request. */
  public static Router router(Database database, FileStore files, String apiKey, boolean debug) {
    ProjectStore projects = new ProjectStore(database);
    return SampleAppRoutes.builder()
        .projectViews(new ProjectViews(projects))
        .projectPages(new ProjectPages(projects))
        .userViews(new UserViews(new UserStore(database)))
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
        .onStartup("database", startup -> startup.set(Database.KEY, startup.closeAtShutdown(Database.open(settings))))
        .start();
    Router router = router(app.get(Database.KEY), new FileStore(), settings.apiKey(), settings.debug());
    return Server.builder(router).settings(settings).app(app);
  }
}
