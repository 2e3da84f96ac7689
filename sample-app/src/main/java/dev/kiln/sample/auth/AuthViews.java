package dev.kiln.sample.auth;

import dev.kiln.Form;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Query;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Use;
import dev.kiln.files.StaticFiles;
import dev.kiln.jdbi.DatabaseErrors;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.sample.SampleAppTemplates;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.storage.Credentials;
import dev.kiln.sample.storage.User;
import dev.kiln.sample.storage.UserStore;
import dev.kiln.session.Session;
import java.util.Locale;
import java.util.Optional;

/**
 * The talk's {@code auth/views.py}: register, sign in and sign out with an email and a password, and
 * the account page only a signed-in user sees. Sign-in regenerates the session id (an id planted
 * before is worth nothing), sign-out invalidates the session, and attempts are limited per email
 * and per client through the shared rate limiter, so a password cannot be guessed at speed.
 */
public final class AuthViews {
  /** Attempts one email may take at once, then one a minute. */
  static final int ATTEMPTS_PER_EMAIL = 5;
  /** Attempts one client address may take at once, then one every 10 seconds. */
  static final int ATTEMPTS_PER_CLIENT = 20;
  private static final int MIN_PASSWORD = 10;

  private final UserStore users;
  private final Passwords passwords;
  private final RateLimiter.Store attempts;
  private final StaticFiles assets;

  public AuthViews(UserStore users, Passwords passwords, RateLimiter.Store attempts, StaticFiles assets) {
    this.users = users;
    this.passwords = passwords;
    this.attempts = attempts;
    this.assets = assets;
  }

  @Route(path = "/login", name = "login")
  public Response loginForm(@Query Optional<String> next, Session session) {
    return SampleAppTemplates.login(assets, session, null, local(next), null);
  }

  @Route(method = HttpMethod.POST, path = "/login", name = "signIn")
  public Response signIn(@Form("email") Optional<String> email, @Form("password") Optional<String> password,
      @Form("next") Optional<String> next, Session session, Request request) {
    String address = email.map(String::strip).orElse("");
    String back = local(next);
    if (address.isEmpty() || password.isEmpty()) {
      return SampleAppTemplates.login(assets, session, address, back, "Enter your email and password.").withStatus(422);
    }
    long wait = Math.max(take("email:" + address.toLowerCase(Locale.ROOT), ATTEMPTS_PER_EMAIL, 1 / 60.0),
        take("client:" + RateLimiter.clientAddress(request), ATTEMPTS_PER_CLIENT, 1 / 10.0));
    if (wait > 0) {
      return SampleAppTemplates.login(assets, session, address, back,
          "Too many attempts to sign in; try again in " + wait + " seconds.")
          .withStatus(429).withHeader("Retry-After", Long.toString(wait));
    }
    Optional<Credentials> found = users.credentials(address);
    if (!passwords.matches(password.get(), found.map(Credentials::passwordHash).orElse(null))) {
      return SampleAppTemplates.login(assets, session, address, back, "That email and password do not match.")
          .withStatus(401);
    }
    User user = found.get().user();
    signInAs(session, user);
    session.flash("Welcome back, " + CurrentUser.of(user).name() + ".");
    return Response.seeOther(back);
  }

  @Route(path = "/register", name = "register")
  public Response registerForm(Session session) {
    return SampleAppTemplates.register(assets, session, null, null, null);
  }

  @Route(method = HttpMethod.POST, path = "/register", name = "registration")
  public Response register(@Form("email") Optional<String> email, @Form("displayName") Optional<String> displayName,
      @Form("password") Optional<String> password, Session session) {
    String address = email.map(String::strip).orElse("");
    String name = displayName.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
    String error = !address.matches("[^@\\s]+@[^@\\s]+") || address.length() > 254 ? "Enter a valid email address."
        : name != null && name.length() > 64 ? "A name has at most 64 characters."
        : password.orElse("").length() < MIN_PASSWORD ? "A password has at least " + MIN_PASSWORD + " characters."
        : password.get().length() > 1024 ? "A password has at most 1024 characters." : null;
    if (error != null) {
      return SampleAppTemplates.register(assets, session, address, name, error).withStatus(422);
    }
    User user;
    try {
      user = users.register(address, name, passwords.hash(password.get()));
    } catch (RuntimeException e) {
      if (DatabaseErrors.mapped(e).filter(d -> d.status() == 409).isPresent()) {
        return SampleAppTemplates.register(assets, session, address, name,
            "That email is registered already: sign in instead.").withStatus(409);
      }
      throw e;
    }
    signInAs(session, user);
    session.flash("Welcome, " + CurrentUser.of(user).name() + ".");
    return Response.seeOther(SampleAppUrls.account().toString());
  }

  @Route(method = HttpMethod.POST, path = "/logout", name = "logout")
  public Response logout(Session session) {
    session.invalidate();
    session.flash("You are signed out.");
    return Response.seeOther(SampleAppUrls.projects().toString());
  }

  @Use(SignedIn.class)
  @Route(path = "/account", name = "account")
  public Response account(CurrentUser user, Session session) {
    return SampleAppTemplates.account(assets, session, user);
  }

  private static void signInAs(Session session, User user) {
    session.regenerate(); // a new id for the new privileges: no session fixation
    session.put(CurrentUser.KEY, CurrentUser.of(user));
  }

  /** Seconds until another attempt is allowed, 0 when this one is. */
  private long take(String who, int burst, double perSecond) {
    double wait = attempts.take("sign-in:" + who, burst, perSecond).toCompletableFuture().join();
    return wait > 0 ? Math.max(1, (long) Math.ceil(wait)) : 0;
  }

  /** {@code next} when it is a path on this site, else the account page: never an open redirect. */
  static String local(Optional<String> next) {
    return next.filter(path -> path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
            && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f))
        .orElse(SampleAppUrls.account().toString());
  }
}
