package dev.kiln.it.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.session.CookieKeys;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions from the settings: {@code Secure} is dropped only in debug mode on loopback (or when
 * asked), the app refuses to start without keys outside debug mode, and the lifetimes and the
 * cookie's attributes come from their settings.
 */
class SessionSettingsTest {
  private static String setCookie(Map<String, String> properties) {
    TestSettingsValues settings = TestSettings.of(properties);
    Sessions sessions = Sessions.fromSettings(settings, EncryptedCookieStore.fromSettings(settings));
    try (TestServer server = TestServer.start(new SessionsTestApp().router(sessions), s -> s.accessLog(false))) {
      return new Browser(server.port(), sessions.cookieName()).get("/count").headers().firstValue("Set-Cookie")
          .orElseThrow();
    }
  }

  @Test
  void secureIsOffOnlyInDebugModeOnLoopback() {
    String key = CookieKeys.generate();
    assertThat(setCookie(Map.of("sessionKeys", key))).contains("; Secure");
    assertThat(setCookie(Map.of("debug", "true"))).doesNotContain("Secure");
    assertThat(setCookie(Map.of("debug", "true", "host", "0.0.0.0"))).contains("; Secure");
    assertThat(setCookie(Map.of("sessionKeys", key, "sessionCookieSecure", "false"))).doesNotContain("Secure");
    assertThat(setCookie(Map.of("debug", "true", "sessionCookieSecure", "true"))).contains("; Secure");
  }

  @Test
  void theCookieAndTheLifetimesComeFromTheirSettings() {
    String header = setCookie(Map.of("sessionKeys", CookieKeys.generate() + "," + CookieKeys.generate(),
        "sessionCookieName", "sid", "sessionIdleTimeout", "5m", "sessionCookieSameSite", "STRICT",
        "sessionCookieDomain", "example.org", "sessionCookiePath", "/"));
    assertThat(header).startsWith("sid=").contains("; Max-Age=300", "; SameSite=Strict", "; Domain=example.org");
  }

  @Test
  void withoutKeysOnlyDebugModeStarts() {
    assertThatThrownBy(() -> EncryptedCookieStore.fromSettings(TestSettings.of(Map.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("--session-keys")
        .hasMessageContaining("openssl rand -base64 32");
    assertThat(EncryptedCookieStore.fromSettings(TestSettings.of(Map.of("debug", "true")))).isNotNull();
  }

  @Test
  void aKeyThatIsNotThirtyTwoBytesOfBase64IsAnError() {
    assertThatThrownBy(() -> CookieKeys.of("c2hvcnQ=")).hasMessageContaining("is 5 bytes; AES-256 needs 32");
    assertThatThrownBy(() -> CookieKeys.of("not base64!")).hasMessageContaining("not base64");
    String key = CookieKeys.generate();
    assertThatThrownBy(() -> CookieKeys.of(key, key)).hasMessageContaining("given twice");
    assertThat(CookieKeys.of(key).toString()).doesNotContain(key);
  }

  @Test
  void theKeysAreMaskedInTheSettingsListing() {
    String key = CookieKeys.generate();
    assertThat(TestSettings.of(Map.of("sessionKeys", key)).toString()).doesNotContain(key);
  }
}
