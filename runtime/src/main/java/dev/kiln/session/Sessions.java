package dev.kiln.session;

import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.Provides;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.ServerSettings;
import dev.kiln.TypedKey;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session middleware (aiohttp_session's {@code session_middleware}): loads the browser's session
 * from its cookie, hands it to the handlers of its chain as a {@link Session} parameter, and writes it
 * back after the handler when the request changed it. Install it on the routes that browsers use,
 * and build it from the settings:
 *
 * <pre>{@code
 * @Install(value = Sessions.class, order = 35)          // on the application class; @Skip it on header-authenticated APIs
 *
 * SampleAppRoutes.builder().sessions(Sessions.fromSettings(settings, EncryptedCookieStore.fromSettings(settings)))
 * }</pre>
 *
 * <p><b>Cookie.</b> {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, no {@code Domain}, and
 * {@code Secure} except in debug mode on a loopback address; each can be set. {@code Max-Age} follows
 * the idle lifetime, but the server checks both lifetimes itself: a session unused for
 * {@link Builder#idleTimeout} or older than {@link Builder#absoluteTimeout} is over whatever cookie
 * comes back. A session that is only read is written again at most once per
 * {@link Builder#touchInterval}, to keep it alive, so an idle session may end up to that much early.
 *
 * <p><b>Bad cookies.</b> A cookie that is tampered with, truncated, expired, under an unknown key or
 * naming a deleted session gives a new, empty session and is counted ({@link #rejectedCookies()}); it
 * never fails the request. A session whose cookie would be over {@value #MAX_COOKIE_BYTES} bytes (what
 * browsers keep) is never dropped silently: in debug mode the request fails with the reason, otherwise
 * the error is logged and counted ({@link #oversizedCookies()}) and the browser keeps its previous cookie.
 *
 * <p><b>CSRF.</b> On by default: a request with an unsafe method (POST, PUT, PATCH, DELETE) is
 * refused with 403 when it comes from another site ({@code Sec-Fetch-Site: cross-site}, or an
 * {@code Origin} other than the request's host when that header is absent) or does not carry the
 * session's {@link Session#csrfToken()} in the {@value #CSRF_FIELD} form field or the
 * {@value #CSRF_HEADER} header. It never reaches the handler.
 */
@Provides(Session.class)
public final class Sessions implements Middleware.Handler {
  /** The form field templates put the CSRF token in. */
  public static final String CSRF_FIELD = "_csrf";
  /** The header scripts send the CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** Where a request keeps its {@link SessionTrace} when sessions are traced (the debug toolbar). */
  public static final TypedKey<SessionTrace> TRACE = TypedKey.of("session trace", SessionTrace.class);
  /** The most a browser keeps of one cookie, its name and value together. */
  public static final int MAX_COOKIE_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private final SessionStore store;
  private final String cookieName;
  private final String path;
  private final String domain;
  private final SameSite sameSite;
  private final boolean secure;
  private final boolean httpOnly;
  private final long idleSeconds;
  private final long absoluteSeconds;
  private final long touchSeconds;
  private final CsrfCheck csrf;
  private final boolean debug;
  private final boolean trace;
  private final Clock clock;
  private final LongAdder rejected = new LongAdder();
  private final LongAdder oversized = new LongAdder();

  /** The cookie's {@code SameSite} attribute. */
  public enum SameSite {
    LAX, STRICT, NONE
  }

  private Sessions(Builder builder) {
    this.store = builder.store;
    this.cookieName = builder.cookieName;
    this.path = builder.path;
    this.domain = builder.domain;
    this.sameSite = builder.sameSite;
    this.secure = builder.secure;
    this.httpOnly = builder.httpOnly;
    this.idleSeconds = builder.idleTimeout.toSeconds();
    this.absoluteSeconds = builder.absoluteTimeout.toSeconds();
    this.touchSeconds = builder.touchInterval != null ? builder.touchInterval.toSeconds()
        : Math.max(1, Math.min(60, idleSeconds / 4));
    this.csrf = builder.csrf ? new CsrfCheck(CSRF_FIELD, CSRF_HEADER, builder.trustedOrigins) : null;
    this.debug = builder.debug;
    this.trace = builder.trace;
    this.clock = builder.clock;
  }

  public static Builder builder(SessionStore store) {
    return new Builder(store);
  }

  /**
   * Sessions as the settings say, over {@code store}. {@code Secure} is on unless
   * {@code sessionCookieSecure} says otherwise or the app runs in debug mode on a loopback address,
   * and then still on for requests forwarded as HTTPS by a trusted proxy; off anywhere else, it is
   * logged as a warning at startup. In debug mode each request keeps a
   * {@link SessionTrace} for the debug toolbar.
   */
  public static <S extends ServerSettings & SessionSettings> Sessions fromSettings(S settings, SessionStore store) {
    boolean local = settings.debug() && isLoopback(settings.host());
    boolean secure = settings.sessionCookieSecure().orElse(!local);
    if (!secure && !local) {
      LOG.warn("The session cookie is sent without Secure on {}: anyone on the network path can read it; "
          + "unset sessionCookieSecure unless TLS really ends nowhere before this server (requests a trusted proxy "
          + "forwards as HTTPS still get Secure)", settings.host());
    }
    return builder(store)
        .cookieName(settings.sessionCookieName())
        .path(settings.sessionCookiePath())
        .domain(settings.sessionCookieDomain().orElse(null))
        .sameSite(settings.sessionCookieSameSite())
        .secure(secure)
        .idleTimeout(settings.sessionIdleTimeout())
        .absoluteTimeout(settings.sessionAbsoluteTimeout())
        .debug(settings.debug())
        .trace(settings.debug())
        .build();
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  /** The cookie's name. */
  public String cookieName() {
    return cookieName;
  }

  /** Cookies that named no session: tampered with, truncated, expired, under an unknown key, or deleted. */
  public long rejectedCookies() {
    return rejected.sum();
  }

  /** Sessions not written because their cookie would be over {@value #MAX_COOKIE_BYTES} bytes. */
  public long oversizedCookies() {
    return oversized.sum();
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String cookie = request.cookie(cookieName);
    if (cookie == null) {
      return serve(request, next, null, false);
    }
    return store.load(cookieName, cookie).thenCompose(loaded -> serve(request, next, loaded, true));
  }

  private CompletionStage<Response> serve(Request request, Middleware.Next next, SessionRecord loaded, boolean sent) {
    long now = clock.instant().getEpochSecond();
    SessionRecord live = loaded;
    if (loaded != null && (now - loaded.lastSeenAt() > idleSeconds || now >= loaded.expiresAt())) {
      live = null;
      store.delete(loaded.id()); // tidying up: the session is over whether this succeeds or not
    }
    if (sent && live == null) {
      rejected.increment();
    }
    SessionState session = SessionState.of(request.app().json(), live, now, absoluteSeconds);
    if (csrf != null && CsrfCheck.applies(request.method())) {
      String refusal = csrf.refusal(request, session);
      if (refusal != null) {
        return CompletableFuture.failedFuture(HttpError.forbidden(refusal));
      }
    }
    request.provide(Session.class, session);
    SessionTrace traced = trace ? new SessionTrace(live == null ? java.util.Map.of() : live.values(), sent && live == null)
        : null;
    if (traced != null) {
      request.attribute(TRACE, traced);
    }
    CompletionStage<Response> committed = next.handle(request).thenCompose(response -> commit(session, response, sent, now, secureFor(request)));
    return traced == null ? committed : committed.whenComplete((response, failure) -> traced.finish(
        session.record().values(), failure != null ? "not written: the request failed (" + failure + ")"
            : outcome(session, response)));
  }

  /**
   * Writes what the request did to its session, then adds the cookie that names it to the response.
   * An answer that depends on the session varies by {@code Cookie}, and one that sets the cookie is
   * {@code private} unless it says otherwise, so a shared cache never hands one browser's session to
   * another.
   */
  private CompletionStage<Response> commit(SessionState session, Response handled, boolean sent, long now,
      boolean secure) {
    Response response = session.read() ? handled.withHeader("Vary", "Cookie") : handled;
    SessionRecord loaded = session.loaded();
    if (session.invalidated()) {
      CompletionStage<Void> deleted = loaded != null ? store.delete(loaded.id()) : CompletableFuture.completedFuture(null);
      return deleted.thenCompose(done -> session.changed()
          ? write(session, SessionWrite.Kind.NEW, null, response, now, secure)
          : CompletableFuture.completedFuture(expire(response, secure)));
    }
    if (loaded == null) {
      if (session.changed()) {
        return write(session, SessionWrite.Kind.NEW, null, response, now, secure);
      }
      return CompletableFuture.completedFuture(sent ? expire(response, secure) : response);
    }
    if (session.regenerated()) {
      return write(session, SessionWrite.Kind.REPLACE, loaded.id(), response, now, secure);
    }
    if (session.changed() || loaded.reissue() || now - loaded.lastSeenAt() >= touchSeconds) {
      return write(session, SessionWrite.Kind.UPDATE, null, response, now, secure);
    }
    return CompletableFuture.completedFuture(response);
  }

  /** What the committed response says happened to the session, for its trace. */
  private String outcome(SessionState session, Response response) {
    String cookie = null;
    for (java.util.Map.Entry<String, String> header : response.headers()) {
      if (header.getKey().equalsIgnoreCase("Set-Cookie") && header.getValue().startsWith(cookieName + "=")) {
        cookie = header.getValue();
      }
    }
    if (session.invalidated()) {
      return cookie != null && cookie.contains("Max-Age=0") ? "invalidated: deleted and the cookie expired"
          : "invalidated, and a new session written";
    }
    if (cookie == null) {
      return session.changed() ? "changed but not written (deleted meanwhile, or too big)" : "not written: unchanged";
    }
    if (cookie.contains("Max-Age=0")) {
      return "not written: the bad cookie expired";
    }
    return session.loaded() == null ? "written: a new session" : session.regenerated() ? "written under a new id"
        : session.changed() ? "written: changed" : "written again to stay alive (or under the current key)";
  }

  private CompletionStage<Response> write(SessionState session, SessionWrite.Kind kind, String replacedId,
      Response response, long now, boolean secure) {
    long ttl = Math.min(idleSeconds, session.expiresAt() - now);
    Set<String> changed = kind == SessionWrite.Kind.UPDATE ? session.changedNames() : session.allNames();
    Set<String> removed = kind == SessionWrite.Kind.UPDATE ? session.removedNames() : Set.of();
    SessionWrite write = new SessionWrite(session.record(), kind, replacedId, changed, removed,
        Duration.ofSeconds(Math.max(1, ttl)));
    return store.save(cookieName, write).thenApply(value -> {
      if (value == null) {
        LOG.debug("Session not written: it was deleted or replaced while this request ran");
        return response;
      }
      int size = cookieName.length() + 1 + value.length();
      if (size > MAX_COOKIE_BYTES) {
        return oversize(response, size);
      }
      return setCookie(response, cookie(value, Math.max(1, ttl), secure));
    });
  }

  private Response oversize(Response response, int size) {
    oversized.increment();
    String message = "The session's cookie " + cookieName + " would be " + size + " bytes; browsers keep at most "
        + MAX_COOKIE_BYTES + ", so it was not sent and the browser keeps its previous session. Keep ids in the "
        + "session rather than whole objects, or keep sessions on a server (RedisSessionStore)";
    if (debug) {
      throw new IllegalStateException(message);
    }
    LOG.error(message);
    return response;
  }

  private Response expire(Response response, boolean secure) {
    return setCookie(response, cookie("", 0, secure));
  }

  /** Secure when configured, and for a request that reached the first trusted proxy over HTTPS anyway. */
  private boolean secureFor(Request request) {
    return secure || "https".equals(request.scheme());
  }

  private static Response setCookie(Response response, String cookie) {
    Response withCookie = response.withHeader("Set-Cookie", cookie);
    return response.header("Cache-Control") == null ? withCookie.withHeader("Cache-Control", "private") : withCookie;
  }

  private String cookie(String value, long maxAge, boolean secure) {
    DefaultCookie cookie = new DefaultCookie(cookieName, value);
    cookie.setPath(path);
    if (domain != null) {
      cookie.setDomain(domain);
    }
    cookie.setMaxAge(maxAge);
    cookie.setSecure(secure);
    cookie.setHttpOnly(httpOnly);
    cookie.setSameSite(switch (sameSite) {
      case LAX -> CookieHeaderNames.SameSite.Lax;
      case STRICT -> CookieHeaderNames.SameSite.Strict;
      case NONE -> CookieHeaderNames.SameSite.None;
    });
    return ServerCookieEncoder.STRICT.encode(cookie);
  }

  @Override
  public String toString() {
    return "Sessions[" + cookieName + ", " + store + "]";
  }

  /** Settings of {@link Sessions}; every one has a secure default. */
  public static final class Builder {
    private final SessionStore store;
    private String cookieName = "kiln_session";
    private String path = "/";
    private String domain;
    private SameSite sameSite = SameSite.LAX;
    private boolean secure = true;
    private boolean httpOnly = true;
    private Duration idleTimeout = Duration.ofMinutes(30);
    private Duration absoluteTimeout = Duration.ofHours(12);
    private Duration touchInterval;
    private boolean csrf = true;
    private final Set<String> trustedOrigins = new LinkedHashSet<>();
    private boolean debug;
    private boolean trace;
    private Clock clock = Clock.systemUTC();

    private Builder(SessionStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The cookie's name; {@code kiln_session} by default. */
    public Builder cookieName(String name) {
      if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
        throw new IllegalArgumentException("cookie name \"" + name + "\" is not a token");
      }
      this.cookieName = name;
      return this;
    }

    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** The cookie's {@code Domain}; {@code null} (the default) keeps it to the host that set it. */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public Builder sameSite(SameSite sameSite) {
      this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
      return this;
    }

    /**
     * Whether the cookie goes over HTTPS only; on by default. Off, it is still {@code Secure} on
     * requests that reached the first trusted proxy over HTTPS ({@link Request#scheme()}).
     */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** Whether scripts are kept from reading the cookie; on by default. */
    public Builder httpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
      return this;
    }

    /** Longest a session may go unused; 30 minutes by default. */
    public Builder idleTimeout(Duration idle) {
      this.idleTimeout = positive(idle, "idleTimeout");
      return this;
    }

    /** Longest a session lasts however active it is; 12 hours by default. */
    public Builder absoluteTimeout(Duration absolute) {
      this.absoluteTimeout = positive(absolute, "absoluteTimeout");
      return this;
    }

    /** How often a session only read is written again to stay alive; a quarter of the idle lifetime, at most a minute, by default. */
    public Builder touchInterval(Duration interval) {
      this.touchInterval = positive(interval, "touchInterval");
      return this;
    }

    /** Whether unsafe requests need the session's CSRF token and a same-site origin; on by default. */
    public Builder csrf(boolean csrf) {
      this.csrf = csrf;
      return this;
    }

    /** Origins besides the request's own host that may send unsafe requests ({@code https://admin.example.com}). */
    public Builder trustedOrigins(List<String> origins) {
      trustedOrigins.addAll(origins);
      return this;
    }

    /** In debug mode an oversized session fails its request rather than only being logged. */
    public Builder debug(boolean debug) {
      this.debug = debug;
      return this;
    }

    /** Keeps a {@link SessionTrace} in each request ({@link #TRACE}) for the debug toolbar; off by default. */
    public Builder trace(boolean trace) {
      this.trace = trace;
      return this;
    }

    /** The clock lifetimes are measured by: for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Sessions build() {
      if (absoluteTimeout.compareTo(idleTimeout) < 0) {
        throw new IllegalArgumentException("absoluteTimeout (" + absoluteTimeout + ") is shorter than idleTimeout ("
            + idleTimeout + ")");
      }
      if (sameSite == SameSite.NONE && !secure) {
        throw new IllegalArgumentException("SameSite=None needs Secure: browsers drop such a cookie otherwise");
      }
      return new Sessions(this);
    }

    private static Duration positive(Duration duration, String name) {
      if (duration == null || duration.toSeconds() < 1) {
        throw new IllegalArgumentException(name + " must be at least a second, not " + duration);
      }
      return duration;
    }
  }
}
