package dev.kiln.sample;

import dev.kiln.App;
import dev.kiln.Application;
import dev.kiln.HttpMethod;
import dev.kiln.Install;
import dev.kiln.Request;
import dev.kiln.Router;
import dev.kiln.TypedKey;
import dev.kiln.files.StaticFiles;
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.Transactional;
import dev.kiln.jte.TemplateReload;
import dev.kiln.launch.Kiln;
import dev.kiln.middleware.Compression;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.middleware.RequestId;
import dev.kiln.middleware.SecurityHeaders;
import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisOutage;
import dev.kiln.redis.RedisRateLimits;
import dev.kiln.redis.RedisSessionStore;
import dev.kiln.redis.RedisTopics;
import dev.kiln.client.AddressPolicy;
import dev.kiln.client.Client;
import dev.kiln.sample.api.LinkCheckViews;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.auth.ApiKeyAuth;
import dev.kiln.sample.auth.AuthViews;
import dev.kiln.sample.auth.Passwords;
import dev.kiln.sample.auth.SignedIn;
import dev.kiln.sample.events.ProjectEvents;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.storage.UserStore;
import dev.kiln.sample.views.AssetViews;
import dev.kiln.sample.views.LiveViews;
import dev.kiln.sample.views.ProjectPages;
import dev.kiln.sample.views.UploadViews;
import dev.kiln.sample.views.UserViews;
import dev.kiln.server.Server;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.SessionStore;
import dev.kiln.session.Sessions;
import dev.kiln.toolbar.DebugToolbar;
import dev.kiln.toolbar.ToolbarRecording;
import dev.kiln.websocket.WebSocketLimits;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 *
 * <p>Middlewares, outermost first: a request id, error pages (problem+json for API clients, HTML
 * for browsers), Redis outages as 503, security headers, sessions (in Redis unless
 * {@code --session-store COOKIE}; with CSRF checks on every form) and compression on the pages; on the
 * {@code api} group, which has no session, a rate limit on writes shared by every instance through
 * Redis, then {@link ApiKeyAuth} on its writes. {@link SignedIn} guards the pages of signed-in users.
 * In debug mode on loopback the {@link DebugToolbar}, just inside compression, explains every request
 * under {@code /_kiln/debug}, with its SQL and Redis commands recorded on the handler's thread. Projects and users live in PostgreSQL (an embedded one unless
 * {@code --database-url} names another); the API's writes run in a transaction each
 * ({@link Transactional}) and announce what they changed on Redis ({@link ProjectEvents}; an
 * embedded Redis unless {@code --redis-url} names another).
 *
 * <p>Serves on 127.0.0.1:8000; {@link SampleSettings} says what else can be set, and how
 * ({@code --port 9000}, {@code -Dport=9000} or {@code PORT=9000}). Stops gracefully on SIGTERM or Ctrl-C.
 */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = ErrorPages.class, order = 20)
@Install(value = RedisOutage.class, order = 25)
@Install(value = SecurityHeaders.class, order = 30)
@Install(value = Sessions.class, order = 35)
@Install(value = Compression.class, order = 40)
@Install(value = DebugToolbar.class, order = 41)
@Install(value = RateLimiter.class, order = 45, groups = "api")
@Install(value = Transactional.class, order = 10, optIn = true)
@Install(value = ToolbarRecording.class, order = 1)
public final class SampleApp {
  /** The settings, for handlers: {@code request.app().get(SampleApp.SETTINGS)}. */
  public static final TypedKey<SampleSettings> SETTINGS = TypedKey.of("settings", SampleSettings.class);

  /** The key {@link ApiKeyAuth} wants when none is configured: fine for a laptop, never for production. */
  public static final String DEVELOPMENT_API_KEY = "dev-api-key";

  /** The chat room's topics, shared by every instance through Redis. */
  public static final TypedKey<RedisTopics> CHAT = TypedKey.of("chat", RedisTopics.class);

  /** The outbound HTTP client, for the link check: public addresses only, and those the settings allow. */
  public static final TypedKey<Client> OUTBOUND = TypedKey.of("outbound client", Client.class);

  /** Where the sessions are kept, as {@code --session-store} chose. */
  public static final TypedKey<SessionStore> SESSION_STORE = TypedKey.of("session store", SessionStore.class);

  private SampleApp() {}

  /**
   * The application's state, opened in order and closed in reverse at shutdown: PostgreSQL (with
   * its migrations run), Redis, the subscription to project events, the chat's topics, and the session store (the
   * cookie store refuses to start without {@code --session-keys} outside debug mode).
   */
  public static App app(SampleSettings settings) {
    return App.builder()
        .set(SETTINGS, settings)
        .set(WebSocketLimits.KEY, WebSocketLimits.fromSettings(settings))
        .onStartup("database", s -> s.set(Database.KEY, s.closeAtShutdown(Database.open(settings))))
        .onStartup("redis", s -> s.set(Redis.KEY, s.closeAtShutdown(Redis.open(settings))))
        .onStartup("project events", s -> s.set(ProjectEvents.KEY,
            s.closeAtShutdown(ProjectEvents.start(s.get(Redis.KEY), s.get(Database.KEY)))))
        .onStartup("chat", s -> s.set(CHAT, s.closeAtShutdown(RedisTopics.start(s.get(Redis.KEY),
            // The logger is looked up here, not in a static field: logging is set up from the settings first.
            gap -> org.slf4j.LoggerFactory.getLogger(SampleApp.class)
                .warn("The chat may have missed messages while Redis was away ({})", gap)))))
        .onStartup("outbound client", s -> s.set(OUTBOUND, s.closeAtShutdown(outboundClient(settings))))
        .onStartup("sessions", s -> s.set(SESSION_STORE, switch (settings.sessionStore()) {
          case REDIS -> RedisSessionStore.of(s.get(Redis.KEY));
          case COOKIE -> EncryptedCookieStore.fromSettings(settings);
        }))
        .start();
  }

  /** The client the link check calls user-given URLs with. */
  private static Client outboundClient(SampleSettings settings) {
    AddressPolicy addresses;
    try {
      addresses = AddressPolicy.publicOnly().alsoAllowing(settings.linkCheckAllowedAddresses());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("linkCheckAllowedAddresses: " + e.getMessage(), e);
    }
    return Client.fromSettings(settings).addresses(addresses).build();
  }

  /** The application's route table over {@code app}'s state: the one place that knows every handler and middleware. */
  public static Router router(App app) {
    return router(app, new FileStore());
  }

  /**
   * In debug mode error pages show the exception, the stack and the request, and static files and
   * templates are read from {@code staticSourceFolder} and {@code templateSourceFolder} when those
   * exist, as they are now.
   */
  public static Router router(App app, FileStore files) {
    SampleSettings settings = app.get(SETTINGS);
    Database database = app.get(Database.KEY);
    ProjectStore projects = new ProjectStore(database);
    UserStore users = new UserStore(database);
    Redis redis = app.get(Redis.KEY);
    RateLimiter writes = new RateLimiter(settings.writeBurst(), settings.writesPerSecond(), SampleApp::writer,
        RedisRateLimits.store(redis, "api-writes", RedisRateLimits.FailurePolicy.OPEN));
    // Guessing passwords must not get easier while Redis is away: sign-in fails (503) instead.
    RedisRateLimits signIns = RedisRateLimits.store(redis, "sign-in", RedisRateLimits.FailurePolicy.CLOSED);
    StaticFiles assets = StaticFiles.of(SampleApp.class, "/static", "static", Path.of(settings.staticSourceFolder()),
        settings.debug());
    Path templates = Path.of(settings.templateSourceFolder());
    if (settings.debug() && Files.isDirectory(templates)) {
      TemplateReload.enable(templates);
    }
    DebugToolbar toolbar = DebugToolbar.builder(SampleApp.class)
        .settings(settings, settings instanceof SampleSettingsValues values ? values::describe : settings::toString)
        .sessionCookie(settings.sessionCookieName())
        .sql()
        .redis()
        .migrations(database)
        .build();
    return SampleAppRoutes.builder()
        .assetViews(new AssetViews(assets))
        .projectViews(new ProjectViews(projects, app.get(ProjectEvents.KEY)))
        .projectPages(new ProjectPages(projects, assets))
        .userViews(new UserViews(users, assets))
        .authViews(new AuthViews(users, new Passwords(), signIns, assets))
        .uploadViews(new UploadViews(files, assets))
        .linkCheckViews(new LinkCheckViews(app.get(OUTBOUND), settings.linkCheckMaxBytes()))
        .liveViews(new LiveViews(app.get(ProjectEvents.KEY), app.get(CHAT), assets))
        .errorPages(ErrorPages.builder().debug(settings.debug()).build())
        .rateLimiter(writes)
        .sessions(Sessions.fromSettings(settings, app.get(SESSION_STORE)))
        .debugToolbar(toolbar)
        .toolbarRecording(toolbar.recording())
        .apiKeyAuth(new ApiKeyAuth(settings.apiKey()))
        .build();
  }

  /** Who a write counts against: its client's address. Reads are not limited. */
  private static String writer(Request request) {
    HttpMethod method = request.method();
    return method == HttpMethod.GET || method == HttpMethod.HEAD ? null : RateLimiter.clientAddress(request);
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
    App app = app(settings);
    return Server.builder(router(app)).settings(settings).app(app);
  }
}
