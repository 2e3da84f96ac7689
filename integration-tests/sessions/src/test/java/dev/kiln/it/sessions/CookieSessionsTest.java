package dev.kiln.it.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.session.CookieKeys;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.SessionRecord;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The encrypted cookie store over a socket: the cookie's attributes, what a tampered, truncated,
 * expired or old-key cookie gives, key rotation, the 4096-byte limit, flash messages, and writing
 * only what changed.
 */
class CookieSessionsTest {
  private static final String KEY_A = CookieKeys.generate();
  private static final String KEY_B = CookieKeys.generate();
  private static final String NAME = "kiln_session";

  private final SessionsTestApp app = new SessionsTestApp();
  private final MutableClock clock = new MutableClock();
  private TestServer server;
  private Sessions sessions;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Browser serve(UnaryOperator<Sessions.Builder> settings, String... keys) {
    if (server != null) {
      server.close();
    }
    sessions = settings.apply(Sessions.builder(EncryptedCookieStore.of(CookieKeys.of(keys))).clock(clock)).build();
    server = TestServer.start(app.router(sessions), s -> s.accessLog(false));
    return new Browser(server.port(), sessions.cookieName());
  }

  private Browser serve(String... keys) {
    return serve(UnaryOperator.identity(), keys);
  }

  @Test
  void theCookieIsHttpOnlyLaxSecureOnTheWholeSiteAndLastsTheIdleLifetime() {
    Browser browser = serve(KEY_A);
    HttpResponse<String> first = browser.get("/count");
    assertThat(first.body()).isEqualTo("1");
    String header = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(header).startsWith(NAME + "=").contains("; Max-Age=1800", "; Expires=", "; Path=/", "; Secure",
        "; SameSite=Lax").containsIgnoringCase("; HttpOnly").doesNotContain("Domain");
    assertThat(browser.get("/count").body()).isEqualTo("2");
    assertThat(browser.get("/count").body()).isEqualTo("3");
  }

  @Test
  void anAnswerThatDependsOnTheSessionIsNeverSharedByACache() {
    Browser browser = serve(KEY_A);
    HttpResponse<String> setting = browser.get("/count");
    assertThat(setting.headers().allValues("Vary")).contains("Cookie");
    assertThat(setting.headers().firstValue("Cache-Control")).as("it sets the cookie").hasValue("private");
    HttpResponse<String> reading = browser.get("/peek");
    assertThat(reading.headers().allValues("Vary")).contains("Cookie");
    assertThat(reading.headers().firstValue("Cache-Control")).isEmpty();
  }

  @Test
  void everyAttributeCanBeSet() {
    Browser browser = serve(s -> s.cookieName("sid").path("/app").domain("example.org").sameSite(Sessions.SameSite.STRICT)
        .secure(false).httpOnly(false).idleTimeout(Duration.ofMinutes(5)), KEY_A);
    String header = browser.get("/count").headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(header).startsWith("sid=").contains("; Max-Age=300", "; Path=/app", "; Domain=example.org",
        "; SameSite=Strict").doesNotContain("Secure").doesNotContainIgnoringCase("HttpOnly");
  }

  @Test
  void aRequestThatOnlyReadsWritesNoCookie() {
    Browser browser = serve(KEY_A);
    browser.get("/count");
    HttpResponse<String> peek = browser.get("/peek");
    assertThat(peek.body()).isEqualTo("1");
    assertThat(peek.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> anonymous = new Browser(server.port(), NAME).get("/peek");
    assertThat(anonymous.body()).isEqualTo("none new");
    assertThat(anonymous.headers().firstValue("Set-Cookie")).as("an empty new session is not written").isEmpty();
  }

  @Test
  void aTamperedOrTruncatedCookieGivesAFreshSessionAndIsCounted() {
    Browser browser = serve(KEY_A);
    browser.get("/count");
    browser.get("/count");
    String good = browser.cookie();
    for (String bad : new String[] {flip(good, good.length() / 2), flip(good, good.length() - 1), flip(good, 3),
        good.substring(0, good.length() - 4), good.substring(0, 10), "", "not base64 at all!", good + "AAAA"}) {
      browser.cookie(bad);
      HttpResponse<String> response = browser.get("/count");
      assertThat(response.statusCode()).as(bad).isEqualTo(200);
      assertThat(response.body()).as("a fresh session for %s", bad).isEqualTo("1");
    }
    assertThat(sessions.rejectedCookies()).isGreaterThanOrEqualTo(7);
    browser.cookie(good);
    assertThat(browser.get("/count").body()).as("the good cookie still works").isEqualTo("3");
  }

  @Test
  void aBadCookieOnARequestThatWritesNothingIsExpired() {
    Browser browser = serve(KEY_A);
    browser.cookie("garbage");
    HttpResponse<String> response = browser.get("/peek");
    assertThat(response.body()).isEqualTo("none new");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(NAME + "=;").contains("Max-Age=0");
  }

  @Test
  void aCookieMovedToAnotherCookieNameDoesNotDecrypt() {
    EncryptedCookieStore store = EncryptedCookieStore.of(CookieKeys.of(KEY_A));
    SessionRecord session = new SessionRecord("AAAAAAAAAAAAAAAAAAAAAA", 0, 0, Long.MAX_VALUE,
        java.util.Map.of("count", "5"), false);
    String value = store.encrypt("other_cookie", session);
    assertThat(store.decrypt("other_cookie", value).values()).containsEntry("count", "5");
    assertThat(store.decrypt(NAME, value)).as("the name is associated data").isNull();
    Browser browser = serve(KEY_A);
    browser.cookie(value);
    assertThat(browser.get("/count").body()).isEqualTo("1");
  }

  @Test
  void anIdleSessionEndsOnTheServerWhateverCookieComesBack() {
    Browser browser = serve(s -> s.idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofHours(1)), KEY_A);
    browser.get("/count");
    clock.advance(Duration.ofMinutes(9));
    assertThat(browser.get("/count").body()).as("used within the idle lifetime").isEqualTo("2");
    String copied = browser.cookie();
    clock.advance(Duration.ofMinutes(11));
    browser.cookie(copied);
    assertThat(browser.get("/count").body()).as("idle too long: a new session").isEqualTo("1");
    assertThat(sessions.rejectedCookies()).isEqualTo(1);
  }

  @Test
  void aSessionEndsAtItsAbsoluteLifetimeHoweverActive() {
    Browser browser = serve(s -> s.idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofMinutes(30)), KEY_A);
    browser.get("/count");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(5));
      assertThat(browser.get("/count").body()).isEqualTo(Integer.toString(i + 2));
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(browser.get("/count").body()).as("30 minutes after it started").isEqualTo("1");
  }

  @Test
  void aSessionOnlyReadIsTouchedNowAndThenToStayAlive() {
    Browser browser = serve(s -> s.idleTimeout(Duration.ofMinutes(10)).touchInterval(Duration.ofMinutes(1)), KEY_A);
    browser.get("/count");
    assertThat(browser.get("/peek").headers().firstValue("Set-Cookie")).isEmpty();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(8));
      HttpResponse<String> peek = browser.get("/peek");
      assertThat(peek.body()).as("read every 8 minutes, kept alive past the 10-minute idle lifetime").isEqualTo("1");
      assertThat(peek.headers().firstValue("Set-Cookie")).isPresent();
    }
  }

  @Test
  void aCookieUnderAnOldKeyIsReadAndReissuedUnderTheNewOne() {
    Browser browser = serve(KEY_A);
    browser.get("/count");
    String underA = browser.cookie();

    serve(KEY_B, KEY_A); // rotated: B encrypts, A still decrypts
    Browser rotated = new Browser(server.port(), NAME);
    rotated.cookie(underA);
    HttpResponse<String> response = rotated.get("/peek");
    assertThat(response.body()).as("read under the old key").isEqualTo("1");
    String reissued = rotated.cookie();
    assertThat(reissued).as("re-issued though nothing changed").isNotEqualTo(underA);
    assertThat(EncryptedCookieStore.of(CookieKeys.of(KEY_B)).decrypt(NAME, reissued).values()).containsEntry("count", "1");
    assertThat(rotated.get("/peek").headers().firstValue("Set-Cookie")).as("re-issued once").isEmpty();

    serve(KEY_B); // A retired
    Browser retired = new Browser(server.port(), NAME);
    retired.cookie(underA);
    assertThat(retired.get("/peek").body()).as("a cookie under a retired key").isEqualTo("none new");
    retired.cookie(reissued);
    assertThat(retired.get("/peek").body()).isEqualTo("1");
  }

  @Test
  void aCookieOf4096BytesIsSentAndOneOf4097IsRefusedLoudly() {
    Browser browser = serve(KEY_A);
    int fits = lengthForCookieOf(4096);
    browser.get("/fill/" + fits);
    assertThat(NAME.length() + 1 + browser.cookie().length()).isEqualTo(4096);
    browser.cookie(null);
    browser.get("/fill/" + (fits - 1));
    assertThat(NAME.length() + 1 + browser.cookie().length()).isEqualTo(4095);

    String kept = browser.cookie();
    HttpResponse<String> tooBig = browser.get("/fill/" + lengthForCookieOf(4097));
    assertThat(tooBig.statusCode()).as("outside debug mode the request still succeeds").isEqualTo(200);
    assertThat(tooBig.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(browser.cookie()).as("the browser keeps its previous session").isEqualTo(kept);
    assertThat(sessions.oversizedCookies()).isEqualTo(1);

    Browser debug = serve(s -> s.debug(true), KEY_A);
    HttpResponse<String> failed = debug.get("/fill/" + lengthForCookieOf(4097), "Accept", "application/json");
    assertThat(failed.statusCode()).as("debug mode fails the request").isEqualTo(500);
    assertThat(debug.get("/fill/" + fits).statusCode()).isEqualTo(200);
  }

  @Test
  void flashMessagesAreReadOnce() {
    Browser browser = serve(KEY_A);
    browser.get("/flash?message=saved");
    browser.get("/flash?message=again");
    assertThat(browser.get("/flashes").body()).isEqualTo("saved|again");
    assertThat(browser.get("/flashes").body()).isEmpty();
  }

  @Test
  void loginRegeneratesTheIdAndLogoutExpiresTheCookie() {
    Browser browser = serve(KEY_A);
    EncryptedCookieStore store = EncryptedCookieStore.of(CookieKeys.of(KEY_A));
    String token = browser.get("/token").body();
    String before = store.decrypt(NAME, browser.cookie()).id();
    assertThat(browser.post("/login?user=ada", "", "X-CSRF-Token", token).body()).isEqualTo("hello ada");
    SessionRecord after = store.decrypt(NAME, browser.cookie());
    assertThat(after.id()).as("a new id at login").isNotEqualTo(before);
    assertThat(after.values()).as("and a new CSRF token").doesNotContainKey("_csrf");
    assertThat(browser.get("/whoami").body()).isEqualTo("ada");

    String newToken = browser.get("/token").body();
    assertThat(newToken).isNotEqualTo(token);
    HttpResponse<String> logout = browser.post("/logout", "", "X-CSRF-Token", newToken);
    assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(browser.cookie()).isNull();
    assertThat(browser.get("/whoami").body()).isEqualTo("anonymous");
  }

  /** The length of the value {@code /fill} must put for the cookie (name, '=', value) to be {@code total} bytes. */
  private static int lengthForCookieOf(int total) {
    EncryptedCookieStore store = EncryptedCookieStore.of(CookieKeys.of(KEY_A));
    for (int length = 2000; length < 4000; length++) {
      SessionRecord session = new SessionRecord("AAAAAAAAAAAAAAAAAAAAAA", 0, 0, 0,
          java.util.Map.of("text", "\"" + "x".repeat(length) + "\""), false);
      if (NAME.length() + 1 + store.encrypt(NAME, session).length() == total) {
        return length;
      }
    }
    throw new AssertionError("no value length gives a cookie of " + total + " bytes");
  }

  private static String flip(String cookie, int index) {
    byte[] bytes = Base64.getUrlDecoder().decode(cookie);
    int at = Math.min(bytes.length - 1, index * 3 / 4);
    bytes[at] ^= 0x01;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
