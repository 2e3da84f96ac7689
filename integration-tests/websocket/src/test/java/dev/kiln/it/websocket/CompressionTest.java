package dev.kiln.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestServer;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocketLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate (RFC 7692; Autobahn's groups 12 and 13): off unless the app turns it on; then
 * negotiated, compressed both ways, and a small frame that inflates past the message limit (a
 * decompression bomb) closed with 1009.
 */
class CompressionTest {
  private static final int MESSAGE = 64 * 1024;
  private static TestServer compressing;
  private static TestServer plain;

  @BeforeAll
  static void start() {
    compressing = TestServer.start(new WebSocketTestApp(Topics.inProcess()).router(), s -> s.app(App.builder()
        .set(WebSocketLimits.KEY, WebSocketLimits.builder().maxFrameSize(16 * 1024).maxMessageSize(MESSAGE)
            .compression(true).build()).start()).accessLog(false));
    plain = TestServer.start(new WebSocketTestApp(Topics.inProcess()).router(), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    compressing.close();
    plain.close();
  }

  private static RawWebSocket offer(TestServer server) throws IOException {
    return RawWebSocket.connect(server.port(), "/ws/echo", "Sec-WebSocket-Extensions",
        "permessage-deflate; client_max_window_bits");
  }

  @Test
  void compressionIsOffByDefault() throws IOException {
    try (RawWebSocket socket = offer(plain)) {
      assertThat(socket.status).isEqualTo(101);
      assertThat(socket.header("Sec-WebSocket-Extensions")).isNull();
      socket.send(true, 4, RawWebSocket.TEXT, deflate("compressed?"), true);
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.closeCode()).as("RSV1 without the extension").isEqualTo(1002);
    }
  }

  @Test
  void case12_13_anOfferIsAcceptedAndMessagesAreCompressedBothWays() throws Exception {
    try (RawWebSocket socket = offer(compressing)) {
      assertThat(socket.header("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
      String text = "Introduction to Asyncio Stack ".repeat(100);
      socket.send(true, 4, RawWebSocket.TEXT, deflate(text), true);
      RawWebSocket.Frame echo = socket.nextMessage();
      assertThat(echo.rsv() & 4).as("the answer is compressed").isEqualTo(4);
      assertThat(echo.payload().length).isLessThan(text.length() / 5);
      assertThat(inflate(echo.payload())).isEqualTo(text);
    }
  }

  @Test
  void aFrameThatInflatesPastTheMessageLimitIs1009() throws IOException {
    try (RawWebSocket socket = offer(compressing)) {
      byte[] bomb = deflate("\0".repeat(4 * 1024 * 1024));
      assertThat(bomb.length).as("small on the wire").isLessThan(16 * 1024);
      socket.send(true, 4, RawWebSocket.BINARY, bomb, true);
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(close.closeCode()).isEqualTo(1009);
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  /** Raw DEFLATE with the empty block's tail taken off, as RFC 7692 section 7.2.1 sends it. */
  private static byte[] deflate(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
    }
    deflater.end();
    byte[] bytes = out.toByteArray();
    return Arrays.copyOf(bytes, bytes.length - 4);
  }

  private static String inflate(byte[] payload) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    byte[] input = Arrays.copyOf(payload, payload.length + 4);
    input[payload.length + 2] = (byte) 0xFF;
    input[payload.length + 3] = (byte) 0xFF;
    inflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = inflater.inflate(buffer)) > 0) {
      out.write(buffer, 0, n);
    }
    inflater.end();
    return out.toString(StandardCharsets.UTF_8);
  }
}
