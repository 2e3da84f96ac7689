package dev.kiln.it.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.session.CookieKeys;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSRF protection on cookie-session routes: a cross-site or cross-origin request is refused whatever
 * it carries, a same-site one needs the session's token (form field or header), and one token
 * serves two tabs and retries. A refused request never reaches its handler.
 */
class CsrfTest {
  private static final SessionsTestApp APP = new SessionsTestApp();
  private static TestServer server;
  private static String host;
  private Browser browser;
  private String token;

  @BeforeAll
  static void start() {
    Sessions sessions = Sessions.builder(EncryptedCookieStore.of(CookieKeys.random()))
        .trustedOrigins(List.of("https://admin.example.org")).build();
    server = TestServer.start(APP.router(sessions), s -> s.accessLog(false));
    host = "127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void signIn() {
    browser = new Browser(server.port(), "kiln_session");
    token = browser.get("/token").body();
    APP.unsafeCalls.set(0);
  }

  private static String form(String text, String csrf) {
    return "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
  }

  @Test
  void theTokenInTheFormFieldOrTheHeaderLetsAWriteThrough() {
    assertThat(browser.post("/notes", form("one", token), "Sec-Fetch-Site", "same-origin").body()).isEqualTo("saved one");
    assertThat(browser.post("/notes", form("two", null), "X-CSRF-Token", token).body()).isEqualTo("saved two");
    assertThat(browser.post("/notes", form("three", token)).body()).as("no fetch metadata, no Origin").isEqualTo("saved three");
    assertThat(browser.post("/notes", form("four", token), "Origin", "http://" + host).body()).isEqualTo("saved four");
    assertThat(browser.post("/notes", form("five", token), "Origin", "https://admin.example.org").body())
        .as("a trusted origin").isEqualTo("saved five");
    assertThat(APP.unsafeCalls).hasValue(5);
  }

  @Test
  void aCrossSitePostIsRefusedEvenWithTheToken() {
    HttpResponse<String> crossSite = browser.post("/notes", form("evil", token), "Sec-Fetch-Site", "cross-site",
        "Accept", "application/json");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
    assertThat(crossSite.body()).contains("cross-site");

    HttpResponse<String> otherOrigin = browser.post("/notes", form("evil", token), "Origin", "https://evil.example");
    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(otherOrigin.body()).contains("evil.example");
    assertThat(browser.post("/notes", form("evil", token), "Origin", "null").statusCode()).isEqualTo(403);
    assertThat(browser.post("/notes", form("evil", token), "Origin", "http://127.0.0.1:1").statusCode())
        .as("another port is another origin").isEqualTo(403);
    assertThat(APP.unsafeCalls).as("no refused request reached the handler").hasValue(0);
  }

  @Test
  void aMissingOrWrongTokenIsRefused() {
    assertThat(browser.post("/notes", form("x", null), "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(403);
    assertThat(browser.post("/notes", form("x", token + "x")).statusCode()).isEqualTo(403);
    assertThat(browser.post("/notes", form("x", ""), "X-CSRF-Token", "").statusCode()).isEqualTo(403);
    Browser other = new Browser(server.port(), "kiln_session");
    String othersToken = other.get("/token").body();
    assertThat(browser.post("/notes", form("x", othersToken)).statusCode()).as("another session's token").isEqualTo(403);
    assertThat(new Browser(server.port(), "kiln_session").post("/notes", form("x", token)).statusCode())
        .as("a token without its session").isEqualTo(403);
    assertThat(APP.unsafeCalls).hasValue(0);
  }

  @Test
  void twoTabsAndARetryShareOneToken() {
    // Two tabs rendered their forms from the same session: both hold the same token.
    String secondTab = browser.get("/token").body();
    assertThat(secondTab).isEqualTo(token);
    assertThat(browser.post("/notes", form("tab one", token)).statusCode()).isEqualTo(200);
    assertThat(browser.post("/notes", form("tab two", secondTab)).statusCode()).isEqualTo(200);
    assertThat(browser.post("/notes", form("tab one, retried", token)).statusCode()).isEqualTo(200);
    assertThat(APP.unsafeCalls).hasValue(3);
  }

  @Test
  void safeMethodsNeedNoToken() {
    assertThat(browser.get("/count", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
  }
}
