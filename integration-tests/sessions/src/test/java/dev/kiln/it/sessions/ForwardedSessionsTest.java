package dev.kiln.it.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.session.CookieKeys;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions behind a TLS-ending proxy: the cookie's {@code Secure} and the CSRF origin check follow
 * what a trusted proxy forwards, and ignore the same headers from anyone else.
 */
class ForwardedSessionsTest {
  private final SessionsTestApp app = new SessionsTestApp();
  private TestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private Browser serve(List<String> trustedProxies) {
    Sessions sessions = Sessions.builder(EncryptedCookieStore.of(CookieKeys.random())).secure(false).build();
    server = TestServer.start(app.router(sessions), s -> s.trustedProxies(trustedProxies).accessLog(false));
    return new Browser(server.port(), sessions.cookieName());
  }

  @Test
  void aRequestATrustedProxyForwardsAsHttpsGetsASecureCookieEvenWhenSecureIsOff() {
    Browser browser = serve(List.of("127.0.0.1"));
    assertThat(browser.get("/count", "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https")
        .headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    assertThat(new Browser(server.port(), "kiln_session").get("/count", "X-Forwarded-For", "198.51.100.7")
        .headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
  }

  @Test
  void fromAnUntrustedPeerTheForwardedSchemeIsIgnored() {
    Browser browser = serve(List.of());
    assertThat(browser.get("/count", "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https")
        .headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
  }

  @Test
  void theCsrfOriginCheckComparesWithTheHostTheTrustedProxyWasAskedFor() {
    Browser browser = serve(List.of("127.0.0.0/8"));
    String token = browser.get("/token").body();
    assertThat(browser.post("/notes", "text=hi&_csrf=" + token, "Origin", "https://shop.example",
        "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Host", "shop.example", "X-Forwarded-Proto", "https").body())
        .isEqualTo("saved hi");
    assertThat(browser.post("/notes", "text=evil&_csrf=" + token, "Origin", "https://evil.example",
        "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Host", "shop.example").statusCode()).isEqualTo(403);
  }

  @Test
  void fromAnUntrustedPeerAForwardedHostCannotMakeAForeignOriginLookSame() {
    Browser browser = serve(List.of());
    String token = browser.get("/token").body();
    assertThat(browser.post("/notes", "text=evil&_csrf=" + token, "Origin", "https://evil.example",
        "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example").statusCode()).isEqualTo(403);
    assertThat(app.unsafeCalls).hasValue(0);
  }
}
