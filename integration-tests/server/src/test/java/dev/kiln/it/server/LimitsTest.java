package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Head limits hold at the exact byte, whether the head arrives whole or one byte at a time. */
class LimitsTest {
  private static final int LINE = 64;
  private static final int HEADERS = 100;

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(new ServerTestApp()::router,
      server -> server.maxHeadSize(LINE, HEADERS).accessLog(false));

  @AfterAll
  static void noBufferLeaked() {
    assertThat(LeakDetection.collect()).isEmpty();
  }

  /** "GET /n/1?p=... HTTP/1.1" of exactly {@code length} characters. */
  private static String requestLine(int length) {
    String fixed = "GET /n/1?p= HTTP/1.1";
    return "GET /n/1?p=" + "a".repeat(length - fixed.length()) + " HTTP/1.1";
  }

  /** Host plus one header, {@code total} in Netty's count (name + ": " + value per line). */
  private static String headers(int total) {
    int rest = total - "Host: x".length() - "X-Fill: ".length();
    return "Host: x\r\nX-Fill: " + "f".repeat(rest) + "\r\n";
  }

  @ParameterizedTest(name = "trickled={0}")
  @ValueSource(booleans = {false, true})
  void aRequestLineAtTheLimitIsServedAndOneByteMoreIs414(boolean trickled, TestServer server) {
    assertThat(send(server, requestLine(LINE) + "\r\nHost: x\r\n\r\n", trickled)).isEqualTo(200);
    assertThat(send(server, requestLine(LINE + 1) + "\r\nHost: x\r\n\r\n", trickled)).isEqualTo(414);
  }

  @ParameterizedTest(name = "trickled={0}")
  @ValueSource(booleans = {false, true})
  void headersAtTheLimitAreServedAndOneByteMoreIs431(boolean trickled, TestServer server) {
    assertThat(send(server, "GET / HTTP/1.1\r\n" + headers(HEADERS) + "\r\n", trickled)).isEqualTo(200);
    assertThat(send(server, "GET / HTTP/1.1\r\n" + headers(HEADERS + 1) + "\r\n", trickled)).isEqualTo(431);
  }

  private static int send(TestServer server, String request, boolean trickled) {
    try (RawConnection connection = server.raw()) {
      return (trickled ? connection.trickle(request) : connection.send(request)).read().status();
    }
  }
}
