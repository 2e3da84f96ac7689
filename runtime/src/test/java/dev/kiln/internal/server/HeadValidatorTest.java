package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Heads through Netty's decoder and the validator: refused ones go on marked with their status. */
class HeadValidatorTest {
  private static final int LIMIT = 200;

  /** The first request decoded from {@code raw}, and its rejection or {@code null}. */
  private static HeadValidator.RejectedHead judge(String raw) {
    EmbeddedChannel channel = new EmbeddedChannel(
        new HttpRequestDecoder(new HttpDecoderConfig().setMaxInitialLineLength(LIMIT + 2).setMaxHeaderSize(LIMIT + 2)),
        new HeadValidator(LIMIT, LIMIT));
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    HttpRequest head = null;
    for (Object msg; (msg = channel.readInbound()) != null; ) {
      if (head == null && msg instanceof HttpRequest request) {
        head = request;
      }
      ReferenceCountUtil.release(msg);
    }
    channel.finishAndReleaseAll();
    assertThat(head).as("a head decoded from %s", raw).isNotNull();
    return head.decoderResult().isSuccess() ? null : HeadValidator.RejectedHead.of(head.decoderResult());
  }

  @Test
  void aGoodHeadPassesUnmarked() {
    assertThat(judge("GET /x?y=1 HTTP/1.1\r\nHost: example.com:8000\r\n\r\n")).isNull();
    assertThat(judge("GET / HTTP/1.0\r\n\r\n")).isNull();
  }

  @Test
  void eachRefusedHeadCarriesItsStatusAndReason() {
    assertRejected("GET / HTTP/1.1\r\n\r\n", 400, "missing Host header");
    assertRejected("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "malformed Host header");
    assertRejected("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host header");
    assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
        "transfer coding 'gzip' is not supported");
    assertRejected("GET /" + "a".repeat(LIMIT) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, "request line too long");
    assertRejected("GET / HTTP/1.1\r\nHost: a\r\nX: " + "b".repeat(LIMIT) + "\r\n\r\n", 431,
        "request header fields too large");
    assertRejected("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "only HTTP/1.0 and HTTP/1.1 are supported");
    assertRejected("GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", 400, "malformed request target");
  }

  private static void assertRejected(String raw, int status, String reason) {
    HeadValidator.RejectedHead rejected = judge(raw);
    assertThat(rejected).as(raw).isNotNull();
    assertThat(rejected.status()).as(raw).isEqualTo(status);
    assertThat(rejected.getMessage()).as(raw).isEqualTo(reason);
  }
}
