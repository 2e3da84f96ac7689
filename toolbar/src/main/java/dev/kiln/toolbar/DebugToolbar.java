package dev.kiln.toolbar;

import dev.kiln.MediaTypes;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.ResponseBody;
import dev.kiln.ServerSettings;
import dev.kiln.internal.http.TemplateLog;
import dev.kiln.internal.routing.ChainTiming;
import dev.kiln.middleware.RequestId;
import dev.kiln.session.Sessions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debug toolbar (the talk's {@code aiohttp_debugtoolbar}, without its code-evaluating console):
 * in debug mode, every request gets a page of its own under {@value #PREFIX}, named in an
 * {@code X-Debug-Request} header on its response; an HTML page also gets a small bar before
 * {@code </body>} linking to it. The page shows the request (the session cookie's value hidden), the
 * compiled route and its middleware chain, the bound path values, the SQL and Redis commands it
 * ran, its log records, its wall and CPU time, and the response. The app's routes, settings, versions
 * and OpenAPI document have pages too.
 *
 * <pre>{@code
 * @Install(value = DebugToolbar.class, order = 41)            // just inside Compression: it sees bodies before they are compressed
 * @Install(value = ToolbarRecording.class, order = 1)         // the handler's SQL, Redis and CPU time
 *
 * DebugToolbar toolbar = DebugToolbar.builder(SampleApp.class).settings(settings, settings::describe).sql().redis().build();
 * SampleAppRoutes.builder().debugToolbar(toolbar).toolbarRecording(toolbar.recording())
 * }</pre>
 *
 * <p>It is on only in debug mode on a loopback address; beyond loopback only with
 * {@code --debug-toolbar-any-host}, and then with a warning. Off, both the middleware and the
 * interceptor only call on, and nothing is recorded. It lives in kiln-toolbar, a module a production
 * build leaves out: see docs/debug-toolbar.md.
 */
public final class DebugToolbar implements Middleware.Handler {
  /** Where the toolbar's pages are. */
  public static final String PREFIX = "/_kiln/debug";
  /** The response header naming a request's page. */
  public static final String HEADER = "X-Debug-Request";

  private static final Logger LOG = LoggerFactory.getLogger(DebugToolbar.class);
  /** Renders the toolbar's own pages: one thread is plenty for one developer. */
  private static final java.util.concurrent.Executor PAGES = java.util.concurrent.Executors.newSingleThreadExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "kiln-debug-toolbar");
        thread.setDaemon(true);
        return thread;
      });

  private final boolean enabled;
  private final int capacity;
  private final boolean sql;
  private final boolean redis;
  private final boolean interceptRedirects;
  private final String sessionCookie;
  private final ToolbarRecording recording;
  private final Pages pages;
  private final LogCapture logs;
  private final Deque<RequestRecord> ring = new ConcurrentLinkedDeque<>();
  private final AtomicInteger kept = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();

  private DebugToolbar(Builder builder) {
    this.enabled = builder.enabled;
    this.capacity = builder.capacity;
    this.sql = builder.sql;
    this.redis = builder.redis;
    this.interceptRedirects = builder.interceptRedirects;
    this.sessionCookie = builder.sessionCookie;
    this.recording = new ToolbarRecording(enabled, enabled && sql ? SqlPanel.recorder() : null,
        enabled && redis ? RedisPanel.recorder() : null);
    this.pages = new Pages(this, builder.application, builder.settings, builder.database);
    this.logs = enabled ? startLogs() : null;
    if (enabled) {
      ChainTiming.enable(); // from now on this process times every chain, for the chain panel
    }
  }

  private static LogCapture startLogs() {
    try {
      return LogCapture.attach();
    } catch (NoClassDefFoundError noLogback) {
      return null; // another SLF4J backend: no logs panel
    }
  }

  /** A toolbar for the app whose compiled route list and OpenAPI document it shows; off until {@link Builder#settings} or {@link Builder#enabled} turn it on. */
  public static Builder builder(Class<?> application) {
    return new Builder(application);
  }

  /** Whether it is on: debug mode, and a loopback address or the explicit setting. */
  public boolean enabled() {
    return enabled;
  }

  /** The interceptor that records on the handler's thread; install it with the toolbar. */
  public ToolbarRecording recording() {
    return recording;
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    if (!enabled) {
      return next.handle(request);
    }
    String path = request.path();
    if (path.equals(PREFIX) || path.startsWith(PREFIX + "/")) {
      // Off the event loop: the migrations page reads the database.
      return CompletableFuture.supplyAsync(() -> pages.answer(request), PAGES);
    }
    RequestRecord record = new RequestRecord(ids.incrementAndGet(), request, sessionCookie);
    long start = System.nanoTime();
    CompletionStage<Response> answer;
    try {
      answer = next.handle(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((response, failure) -> {
      Throwable thrown = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      record.finish(response, thrown, System.nanoTime() - start);
      collect(request, record);
      keep(record);
      if (failure != null) {
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
      }
      return decorate(request, response, record);
    });
  }

  private void collect(Request request, RequestRecord record) {
    Long cpu = request.attribute(ToolbarRecording.CPU_NANOS);
    record.cpuNanos = cpu == null ? -1 : cpu;
    record.chain = pages.chainOf(record.route);
    if (sql) {
      SqlPanel.copy(request, record);
    }
    if (redis) {
      RedisPanel.copy(request, record);
    }
    record.session = request.attribute(Sessions.TRACE);
    record.timing = request.attribute(ChainTiming.KEY);
    TemplateLog templates = request.attribute(TemplateLog.KEY);
    if (templates != null) {
      for (TemplateLog.Render render : templates.renders()) {
        record.templates.add(new RequestRecord.Render(render.template(), render.nanos() / 1e6));
      }
    }
    String id = request.attribute(RequestId.KEY);
    if (logs != null && id != null) {
      record.logs.addAll(logs.take(id));
    }
  }

  /** Keeps {@code record}, dropping the oldest beyond the capacity. */
  private void keep(RequestRecord record) {
    ring.addFirst(record);
    if (kept.incrementAndGet() > capacity && ring.pollLast() != null) {
      kept.decrementAndGet();
    }
  }

  private Response decorate(Request request, Response response, RequestRecord record) {
    String page = pageOf(record.id);
    if (interceptRedirects && response.status() >= 300 && response.status() < 400
        && response.header("Location") != null && MediaTypes.prefersHtml(request.header("Accept"))) {
      return pages.redirected(record, response.header("Location"));
    }
    Response named = response.withHeader(HEADER, page);
    return injectable(request, named) ? inject(named, record) : named;
  }

  private static boolean injectable(Request request, Response response) {
    String type = response.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")
        && response.body() instanceof ResponseBody.Bytes
        && response.header("Content-Encoding") == null
        && response.status() >= 200 && response.status() != 204 && response.status() != 304;
  }

  /** The page with the bar before its last {@code </body>}; the server sets {@code Content-Length} from the new body. */
  private Response inject(Response response, RequestRecord record) {
    String html = new String(((ResponseBody.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    if (end < 0) {
      return response;
    }
    String bar = Pages.bar(record);
    return response.withBody((html.substring(0, end) + bar + html.substring(end)).getBytes(StandardCharsets.UTF_8));
  }

  static String pageOf(long id) {
    return PREFIX + "/requests/" + id;
  }

  /** The kept requests, newest first. */
  List<RequestRecord> recent() {
    return new ArrayList<>(ring);
  }

  RequestRecord find(long id) {
    for (RequestRecord record : ring) {
      if (record.id == id) {
        return record;
      }
    }
    return null;
  }

  /** How the toolbar is set up. */
  public static final class Builder {
    private final Class<?> application;
    private boolean enabled;
    private int capacity = 100;
    private boolean sql;
    private boolean redis;
    private boolean interceptRedirects;
    private String sessionCookie = "kiln_session";
    private Supplier<String> settings = () -> "(the app gave the toolbar no settings)";
    private Object database;

    private Builder(Class<?> application) {
      this.application = Objects.requireNonNull(application, "application");
    }

    /**
     * On in debug mode on a loopback address, or beyond loopback with {@code debugToolbarAnyHost}
     * (loudly); off otherwise. {@code describe} lists the settings for the settings page (the
     * generated {@code describe()}, secrets masked).
     */
    public <S extends ServerSettings & ToolbarSettings> Builder settings(S settings, Supplier<String> describe) {
      boolean loopback = isLoopback(settings.host());
      this.enabled = settings.debug() && settings.debugToolbar() && (loopback || settings.debugToolbarAnyHost());
      if (enabled && !loopback) {
        LOG.warn("THE DEBUG TOOLBAR IS ON AT {}: anyone who can reach this server can read every request, its SQL "
            + "and its logs under {}. Unset --debug-toolbar-any-host unless this network is yours alone",
            settings.host(), PREFIX);
      } else if (settings.debug() && settings.debugToolbar() && !loopback) {
        LOG.info("The debug toolbar stays off: the server listens on {}, beyond loopback "
            + "(--debug-toolbar-any-host turns it on there)", settings.host());
      }
      this.capacity = settings.debugToolbarRequests();
      this.settings = Objects.requireNonNull(describe, "describe");
      return this;
    }

    /** Turns it on or off by hand (tests, or an app without settings). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Requests kept, newest first; 100 by default. */
    public Builder keep(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("the toolbar keeps at least one request, not " + requests);
      }
      this.capacity = requests;
      return this;
    }

    /** The SQL panel, from kiln-jdbi's statement log. */
    public Builder sql() {
      this.sql = true;
      return this;
    }

    /** The migrations page, from Flyway's history table in {@code database} (a kiln-jdbi {@code Database}). */
    public Builder migrations(dev.kiln.jdbi.Database database) {
      this.database = Objects.requireNonNull(database, "database");
      return this;
    }

    /** The Redis panel, from kiln-redis's command log. */
    public Builder redis() {
      this.redis = true;
      return this;
    }

    /** Answers a browser's redirect with a page saying where it goes, so the request's page can be read first. */
    public Builder interceptRedirects(boolean intercept) {
      this.interceptRedirects = intercept;
      return this;
    }

    /** The session cookie, whose value the request panel hides (cookies named like "session" are hidden too). */
    public Builder sessionCookie(String name) {
      this.sessionCookie = Objects.requireNonNull(name, "name");
      return this;
    }

    public DebugToolbar build() {
      return new DebugToolbar(this);
    }

    private static boolean isLoopback(String host) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException | SecurityException e) {
        return false;
      }
    }
  }

  @Override
  public String toString() {
    return "DebugToolbar[" + (enabled ? "on, " + capacity + " requests" : "off") + "]";
  }
}
