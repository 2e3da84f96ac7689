package dev.kiln.it.sessions;

import dev.kiln.Application;
import dev.kiln.Form;
import dev.kiln.HttpMethod;
import dev.kiln.Install;
import dev.kiln.Query;
import dev.kiln.Route;
import dev.kiln.Router;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.session.Session;
import dev.kiln.session.SessionKey;
import dev.kiln.session.Sessions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes that read and change their session, served over the cookie store or the Redis one. */
@Application
@Install(value = ErrorPages.class, order = 10)
@Install(value = Sessions.class, order = 20)
public final class SessionsTestApp {
  static final SessionKey<Integer> COUNT = SessionKey.of("count", Integer.class);
  static final SessionKey<String> USER = SessionKey.of("user", String.class);
  static final SessionKey<String> TEXT = SessionKey.of("text", String.class);

  /** Calls of the routes that change something, so tests can prove a refused request reached none. */
  final AtomicInteger unsafeCalls = new AtomicInteger();
  /** {@code /held/...} requests count down here once they hold their session, then wait for {@link #gate}. */
  volatile CountDownLatch held = new CountDownLatch(1);
  volatile CountDownLatch gate = new CountDownLatch(1);

  Router router(Sessions sessions) {
    return SessionsTestAppRoutes.builder().sessionsTestApp(this).sessions(sessions).build();
  }

  @Route(path = "/count")
  public String count(Session session) {
    int count = session.get(COUNT).orElse(0) + 1;
    session.put(COUNT, count);
    return Integer.toString(count);
  }

  /** Reads without changing anything. */
  @Route(path = "/peek")
  public String peek(Session session) {
    return session.get(COUNT).map(String::valueOf).orElse("none") + (session.isNew() ? " new" : "");
  }

  @Route(path = "/token")
  public String token(Session session) {
    return session.csrfToken();
  }

  @Route(method = HttpMethod.POST, path = "/notes")
  public String note(@Form("text") String text, Session session) {
    unsafeCalls.incrementAndGet();
    session.put(TEXT, text);
    return "saved " + text;
  }

  @Route(method = HttpMethod.POST, path = "/login")
  public String login(@Query String user, Session session) {
    unsafeCalls.incrementAndGet();
    session.regenerate();
    session.put(USER, user);
    return "hello " + user;
  }

  @Route(method = HttpMethod.POST, path = "/logout")
  public String logout(Session session) {
    unsafeCalls.incrementAndGet();
    session.invalidate();
    return "bye";
  }

  @Route(path = "/whoami")
  public String whoami(Session session) {
    return session.get(USER).orElse("anonymous");
  }

  @Route(path = "/fill/{length}")
  public String fill(int length, Session session) {
    session.put(TEXT, "x".repeat(length));
    return "filled";
  }

  @Route(path = "/flash")
  public String flash(@Query String message, Session session) {
    session.flash(message);
    return "flashed";
  }

  @Route(path = "/flashes")
  public String flashes(Session session) {
    return String.join("|", session.flashes());
  }

  /** Puts {@code value} under {@code name} once {@link #gate} opens: a request in flight, for races. */
  @Route(path = "/held/{name}")
  public String held(String name, @Query String value, Session session) throws InterruptedException {
    held.countDown();
    if (!gate.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never opened the gate");
    }
    session.put(SessionKey.of(name, String.class), value);
    return "held";
  }

  @Route(path = "/value/{name}")
  public String value(String name, Session session) {
    return session.get(SessionKey.of(name, String.class)).orElse("none");
  }
}
