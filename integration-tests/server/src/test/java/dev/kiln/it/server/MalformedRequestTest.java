package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and ambiguous requests (the request-smuggling family): each is refused with the right
 * status, the connection is closed, no handler runs, and nothing smuggled behind it is answered.
 */
class MalformedRequestTest {
  private static final ServerTestApp APP = new ServerTestApp();
  private static final String POST_ECHO = "POST /echo HTTP/1.1\r\nHost: x\r\n";
  private static final String CHUNKED = POST_ECHO + "Transfer-Encoding: chunked\r\n\r\n";

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(APP::router, server -> server.accessLog(false));

  @BeforeEach
  void reset() {
    APP.calls.set(0);
  }

  @AfterAll
  static void noBufferLeaked() {
    assertThat(LeakDetection.collect()).isEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("garbage request line", 400, "GARBAGE\r\n\r\n"),
        Arguments.of("missing Host on HTTP/1.1", 400, "GET / HTTP/1.1\r\n\r\n"),
        Arguments.of("duplicate Host", 400, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        Arguments.of("Host with a space", 400, "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"),
        Arguments.of("Host with userinfo", 400, "GET / HTTP/1.1\r\nHost: a@b\r\n\r\n"),
        Arguments.of("CL and TE together", 400, POST_ECHO + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of("two Content-Lengths", 400, POST_ECHO + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
        Arguments.of("Content-Length with a sign", 400, POST_ECHO + "Content-Length: +3\r\n\r\nabc"),
        Arguments.of("non-ASCII digits in length", 400, POST_ECHO + "Content-Length: \u0663\r\n\r\nabc"),
        Arguments.of("empty Content-Length", 400, POST_ECHO + "Content-Length: \r\n\r\n"),
        Arguments.of("chunked not last", 400, POST_ECHO + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
        Arguments.of("chunked twice", 400, POST_ECHO + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of("quoted transfer coding", 400, POST_ECHO + "Transfer-Encoding: \"chunked\"\r\n\r\n0\r\n\r\n"),
        Arguments.of("unknown transfer coding", 501, POST_ECHO + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of("TE in HTTP/1.0", 400, "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of("invalid chunk size", 400, CHUNKED + "zz\r\nabc\r\n0\r\n\r\n"),
        Arguments.of("chunk size overflow", 400, CHUNKED + "FFFFFFFFFFFFFFFFF5\r\nabc\r\n0\r\n\r\n"),
        Arguments.of("bare LF after a chunk size", 400, CHUNKED + "5\nhello\r\n0\r\n\r\n"),
        Arguments.of("HTTP/2.0 in text", 505, "GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
        Arguments.of("HTTP/1.2", 505, "GET / HTTP/1.2\r\nHost: x\r\n\r\n"),
        Arguments.of("lower-case protocol", 400, "GET / http/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("unknown method", 501, "BREW / HTTP/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("bad percent-encoding", 400, "GET /n/%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("space before colon", 400, "GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
        Arguments.of("bare LF line endings", 400, "GET / HTTP/1.1\nHost: x\n\n"),
        Arguments.of("bare CR in a header value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rTransfer-Encoding: chunked\r\n\r\n"),
        Arguments.of("NUL in a header value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"),
        Arguments.of("control character in target", 400, "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("fragment in target", 400, "GET /n/1#x HTTP/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("backslash in target", 400, "GET /n\\1 HTTP/1.1\r\nHost: x\r\n\r\n"),
        Arguments.of("target that is no path", 400, "GET n/1 HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedAndTheConnectionClosed(String name, int status, String request, TestServer server) {
    // A request that would be answered if anything after the bad one were read as a new request.
    String smuggled = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send(request + smuggled).read();
      assertThat(response.status()).as(name).isEqualTo(status);
      if (!request.contains("HTTP/1.0")) { // a head Netty could not parse is answered in HTTP/1.1 too
        assertThat(response.statusLine()).as(name).startsWith("HTTP/1.1 ");
      }
      assertThat(response.header("Connection")).as(name).isEqualTo("close");
      assertThat(connection.isClosedByServer()).as(name).isTrue();
    }
    assertThat(APP.calls).as(name).hasValue(0);
  }

  @Test
  void absoluteFormTargetsAreServed(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET http://x/n/3?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(response.body()).isEqualTo("n3");
    }
  }
}
