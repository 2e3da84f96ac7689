package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AccessLogTest {
  private static final ZonedDateTime TIME = ZonedDateTime.of(2015, 10, 10, 13, 55, 36, 0, ZoneOffset.ofHours(-7));

  @Test
  void writesTheCombinedLogFormatPlusDuration() {
    DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/search?query=kiln");
    request.headers().set("Referer", "http://example.com/").set("User-Agent", "curl/8.0");
    String line = AccessLog.format(new InetSocketAddress("127.0.0.1", 5000), request, 200, 13, 0.4125, TIME);
    assertThat(line).isEqualTo("127.0.0.1 - - [10/Oct/2015:13:55:36 -0700] \"GET /search?query=kiln HTTP/1.1\" 200 13 "
        + "\"http://example.com/\" \"curl/8.0\" 0.413ms");
  }

  @Test
  void clientTextCannotForgeLogLines() {
    DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    request.headers().set("User-Agent", "evil\" 200 0 \"x");
    String line = AccessLog.format(new InetSocketAddress("127.0.0.1", 5000), request, 204, 0, 1, TIME);
    assertThat(line).contains("\"evil\\\" 200 0 \\\"x\"").contains(" 204 - ");
  }
}
