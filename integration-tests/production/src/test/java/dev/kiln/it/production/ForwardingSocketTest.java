package dev.kiln.it.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.middleware.HealthChecks;
import dev.kiln.server.Server;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers over a socket: believed from a trusted proxy, walked hop by hop, and ignored
 * (spoofed) from anyone else, with the socket's own address always kept.
 */
class ForwardingSocketTest {
  private static TestServer trusting;
  private static TestServer trustingNoOne;

  @BeforeAll
  static void start() {
    trusting = TestServer.start(new ProductionApp().router(HealthChecks.builder().build()),
        s -> s.trustedProxies(List.of("127.0.0.1", "10.0.0.0/8")).accessLog(false));
    trustingNoOne = TestServer.start(new ProductionApp().router(HealthChecks.builder().build()), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    trusting.close();
    trustingNoOne.close();
  }

  private static String whoami(TestServer server, String headers) {
    try (RawConnection connection = server.raw()) {
      RawConnection.RawResponse response = connection.send("GET /whoami HTTP/1.1\r\nHost: backend:8000\r\n" + headers
          + "\r\n").read();
      assertThat(response.status()).isEqualTo(200);
      return response.body();
    }
  }

  @Test
  void aSpoofedHeaderFromAnUntrustedAddressIsIgnored() {
    String seen = whoami(trustingNoOne, "X-Forwarded-For: 198.51.100.7\r\nX-Forwarded-Proto: https\r\n"
        + "X-Forwarded-Host: bank.example\r\nForwarded: for=198.51.100.8;proto=https;host=bank.example\r\n");
    assertThat(seen).isEqualTo("{\"client\":\"127.0.0.1\",\"socket\":\"127.0.0.1\",\"scheme\":\"http\","
        + "\"host\":\"backend:8000\",\"self\":\"http://backend:8000/whoami\"}");
  }

  @Test
  void fromATrustedProxyTheClientSchemeAndHostAreForwardedOnesAndTheSocketIsKept() {
    String seen = whoami(trusting, "X-Forwarded-For: 6.6.6.6, 198.51.100.7, 10.0.0.3\r\nX-Forwarded-Proto: https\r\n"
        + "X-Forwarded-Host: shop.example\r\n");
    assertThat(seen).isEqualTo("{\"client\":\"198.51.100.7\",\"socket\":\"127.0.0.1\",\"scheme\":\"https\","
        + "\"host\":\"shop.example\",\"self\":\"https://shop.example/whoami\"}");
  }

  @Test
  void theStandardForwardedHeaderIsReadToo() {
    String seen = whoami(trusting, "Forwarded: for=\"[2001:db8::17]:4711\";proto=https;host=shop.example:8443\r\n");
    assertThat(seen).isEqualTo("{\"client\":\"2001:db8:0:0:0:0:0:17\",\"socket\":\"127.0.0.1\",\"scheme\":\"https\","
        + "\"host\":\"shop.example:8443\",\"self\":\"https://shop.example:8443/whoami\"}");
  }

  @Test
  void aForwardedHostThatWouldRedirectAnAbsoluteUrlElsewhereIsNotBelievedEvenFromATrustedProxy() {
    String seen = whoami(trusting, "X-Forwarded-For: 198.51.100.7\r\nX-Forwarded-Host: evil.example/phish?\r\n");
    assertThat(seen).contains("\"host\":\"backend:8000\"", "\"self\":\"http://backend:8000/whoami\"");
  }

  @Test
  void withoutForwardingHeadersATrustedProxyIsTheClient() {
    assertThat(whoami(trusting, "")).startsWith("{\"client\":\"127.0.0.1\"");
  }

  @Test
  void aTrustedProxyEntryThatIsNotAnAddressIsRefusedAtStartup() {
    assertThatThrownBy(() -> Server.builder(new ProductionApp().router(HealthChecks.builder().build()))
        .trustedProxies(List.of("10.0.0.0/8", "proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'proxy.internal'").hasMessageContaining("host names are not looked up");
  }
}
