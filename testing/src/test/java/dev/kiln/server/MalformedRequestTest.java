package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed and ambiguous requests (the request-smuggling family): each is refused with the right
 * status, the connection is closed, no handler runs, and nothing smuggled behind it is answered.
 */
class MalformedRequestTest {
  private static final ServerTestApp APP = new ServerTestApp();

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "garbage request line          | 400 | GARBAGE\\r\\n\\r\\n",
      "missing Host on HTTP/1.1      | 400 | GET / HTTP/1.1\\r\\n\\r\\n",
      "duplicate Host                | 400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n",
      "Host with a space             | 400 | GET / HTTP/1.1\\r\\nHost: a b\\r\\n\\r\\n",
      "CL and TE together            | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n",
      "two Content-Lengths           | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\nContent-Length: 4\\r\\n\\r\\nabcd",
      "Content-Length with a sign    | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: +3\\r\\n\\r\\nabc",
      "non-ASCII digits in length    | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: \u0663\\r\\n\\r\\nabc",
      "chunked not last              | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked, identity\\r\\n\\r\\n0\\r\\n\\r\\n",
      "chunked twice                 | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked, chunked\\r\\n\\r\\n0\\r\\n\\r\\n",
      "unknown transfer coding       | 501 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n0\\r\\n\\r\\n",
      "TE in HTTP/1.0                | 400 | POST /echo HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n",
      "invalid chunk size            | 400 | POST /echo HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\nabc\\r\\n0\\r\\n\\r\\n",
      "HTTP/2.0 in text              | 505 | GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n",
      "unknown method                | 501 | BREW / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
      "bad percent-encoding          | 400 | GET /n/%zz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
      "space before colon            | 400 | GET / HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n",
      "bare LF line endings          | 400 | GET / HTTP/1.1\\nHost: x\\n\\n",
      "control character in target  | 400 | GET /\\u0001 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
  })
  void isRefusedAndTheConnectionClosed(String name, int status, String request, TestServer server) {
    String raw = request.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001");
    // A request that would be answered if anything after the bad one were read as a new request.
    String smuggled = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send(raw + smuggled).read();
      assertThat(response.status()).as(name).isEqualTo(status);
      assertThat(response.header("Connection")).as(name).isEqualTo("close");
      assertThat(connection.isClosedByServer()).as(name).isTrue();
    }
    assertThat(APP.calls).as(name).hasValue(0);
  }
}
