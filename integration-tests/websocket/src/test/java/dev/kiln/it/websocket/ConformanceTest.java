package dev.kiln.it.websocket;

import static dev.kiln.it.websocket.RawWebSocket.BINARY;
import static dev.kiln.it.websocket.RawWebSocket.CLOSE;
import static dev.kiln.it.websocket.RawWebSocket.CONTINUATION;
import static dev.kiln.it.websocket.RawWebSocket.PING;
import static dev.kiln.it.websocket.RawWebSocket.PONG;
import static dev.kiln.it.websocket.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestServer;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocketLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6455 conformance, after the Autobahn|Testsuite case groups that apply to a server (its ids in
 * each test's name and in docs/websockets.md), with a client that writes frames by hand against the
 * echo route: framing (1), pings and pongs (2), reserved bits (3), opcodes (4), fragmentation (5),
 * UTF-8 (6), closing (7) and limits (9, scaled down to a 16 KiB frame and a 64 KiB message).
 */
class ConformanceTest {
  static final int FRAME = 16 * 1024;
  static final int MESSAGE = 64 * 1024;
  private static TestServer server;

  @BeforeAll
  static void start() {
    App app = App.builder().set(WebSocketLimits.KEY, WebSocketLimits.builder().maxFrameSize(FRAME)
        .maxMessageSize(MESSAGE).build()).start();
    server = TestServer.start(new WebSocketTestApp(Topics.inProcess()).router(), s -> s.app(app).accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawWebSocket open() throws IOException {
    RawWebSocket socket = RawWebSocket.connect(server.port(), "/ws/echo");
    assertThat(socket.status).isEqualTo(101);
    return socket;
  }

  /** The server closes with {@code code} and then the TCP connection. */
  private static void assertClosedWith(RawWebSocket socket, int code) throws IOException {
    RawWebSocket.Frame close = socket.nextMessage();
    assertThat(close.opcode()).as("a close frame, not %s", close).isEqualTo(CLOSE);
    assertThat(close.closeCode()).isEqualTo(code);
    assertThat(socket.closedByServer()).as("and the connection closed").isTrue();
  }

  private static byte[] bytes(int length, int seed) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 31 + seed);
    }
    return data;
  }

  // 1: framing

  @ParameterizedTest(name = "1.1.x text of {0} bytes")
  @ValueSource(ints = {0, 125, 126, 127, 128, 65535 % FRAME, FRAME - 1, FRAME})
  void case1_1_textOfEveryLengthClassIsEchoed(int length) throws IOException {
    try (RawWebSocket socket = open()) {
      String text = "*".repeat(length);
      socket.text(text);
      RawWebSocket.Frame echo = socket.nextMessage();
      assertThat(echo.opcode()).isEqualTo(TEXT);
      assertThat(echo.fin()).isTrue();
      assertThat(echo.text()).isEqualTo(text);
    }
  }

  @ParameterizedTest(name = "1.2.x binary of {0} bytes")
  @ValueSource(ints = {0, 125, 126, 127, 128, 65535 % FRAME, FRAME - 1, FRAME})
  void case1_2_binaryOfEveryLengthClassIsEchoed(int length) throws IOException {
    try (RawWebSocket socket = open()) {
      byte[] data = bytes(length, 7);
      socket.binary(data);
      RawWebSocket.Frame echo = socket.nextMessage();
      assertThat(echo.opcode()).isEqualTo(BINARY);
      assertThat(echo.payload()).isEqualTo(data);
    }
  }

  @Test
  void case1_1_framesSplitIntoSingleBytesAreRead() throws IOException {
    try (RawWebSocket socket = open()) {
      for (byte b : RawWebSocket.frame(true, 0, TEXT, "byte by byte".getBytes(StandardCharsets.UTF_8), true)) {
        socket.write(new byte[] {b});
      }
      assertThat(socket.nextMessage().text()).isEqualTo("byte by byte");
    }
  }

  // 2: pings and pongs

  @ParameterizedTest(name = "2.x ping of {0} bytes gets its pong")
  @ValueSource(ints = {0, 1, 16, 125})
  void case2_1to2_4_aPingGetsAPongWithItsPayload(int length) throws IOException {
    try (RawWebSocket socket = open()) {
      byte[] payload = bytes(length, 3);
      socket.ping(payload);
      RawWebSocket.Frame pong = socket.next();
      assertThat(pong.opcode()).isEqualTo(PONG);
      assertThat(pong.payload()).isEqualTo(payload);
    }
  }

  @Test
  void case2_5_aPingOver125BytesIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.ping(bytes(126, 1));
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case2_6_aPingSentInPiecesIsAnswered() throws IOException {
    try (RawWebSocket socket = open()) {
      byte[] frame = RawWebSocket.frame(true, 0, PING, bytes(125, 9), true);
      socket.write(Arrays.copyOfRange(frame, 0, 3));
      socket.write(Arrays.copyOfRange(frame, 3, 60));
      socket.write(Arrays.copyOfRange(frame, 60, frame.length));
      assertThat(socket.next().payload()).isEqualTo(bytes(125, 9));
    }
  }

  @Test
  void case2_7to2_9_anUnsolicitedPongIsIgnored() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, PONG, new byte[0], true);
      socket.send(true, 0, PONG, "unsolicited".getBytes(StandardCharsets.UTF_8), true);
      socket.ping("after".getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame pong = socket.next();
      assertThat(pong.opcode()).isEqualTo(PONG);
      assertThat(pong.text()).isEqualTo("after");
    }
  }

  @Test
  void case2_10_tenPingsGetTenPongsInOrder() throws IOException {
    try (RawWebSocket socket = open()) {
      for (int i = 0; i < 10; i++) {
        socket.ping(("ping " + i).getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < 10; i++) {
        assertThat(socket.next().text()).isEqualTo("ping " + i);
      }
    }
  }

  // 3: reserved bits

  @ParameterizedTest(name = "3.x reserved bits {0} on a text frame")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void case3_1to3_7_reservedBitsWithoutAnExtensionAreAProtocolError(int rsv) throws IOException {
    try (RawWebSocket socket = open()) {
      socket.text("fine first");
      assertThat(socket.nextMessage().text()).isEqualTo("fine first");
      socket.send(true, rsv, TEXT, "reserved".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case3_6_reservedBitsOnAPingAreAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 6, PING, new byte[0], true);
      assertClosedWith(socket, 1002);
    }
  }

  // 4: opcodes

  @ParameterizedTest(name = "4.x reserved opcode {0}")
  @ValueSource(ints = {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF})
  void case4_1to4_2_reservedOpcodesAreAProtocolError(int opcode) throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, opcode, "x".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
  }

  // 5: fragmentation

  @Test
  void case5_1to5_2_fragmentedControlFramesAreAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, PING, "fragmented".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, PONG, "fragmented".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case5_3to5_5_aFragmentedMessageIsJoined() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, TEXT, "frag".getBytes(StandardCharsets.UTF_8), true);
      socket.send(false, 0, CONTINUATION, "men".getBytes(StandardCharsets.UTF_8), true);
      socket.send(true, 0, CONTINUATION, "ted".getBytes(StandardCharsets.UTF_8), true);
      assertThat(socket.nextMessage().text()).isEqualTo("fragmented");
      socket.send(false, 0, BINARY, bytes(10, 1), true);
      socket.send(true, 0, CONTINUATION, bytes(10, 2), true);
      byte[] joined = new byte[20];
      System.arraycopy(bytes(10, 1), 0, joined, 0, 10);
      System.arraycopy(bytes(10, 2), 0, joined, 10, 10);
      assertThat(socket.nextMessage().payload()).isEqualTo(joined);
    }
  }

  @Test
  void case5_6to5_8_aPingBetweenFragmentsIsAnsweredAtOnce() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, TEXT, "frag".getBytes(StandardCharsets.UTF_8), true);
      socket.ping("between".getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame pong = socket.next();
      assertThat(pong.opcode()).isEqualTo(PONG);
      assertThat(pong.text()).isEqualTo("between");
      socket.send(true, 0, CONTINUATION, "mented".getBytes(StandardCharsets.UTF_8), true);
      assertThat(socket.nextMessage().text()).isEqualTo("fragmented");
    }
  }

  @Test
  void case5_9to5_14_aContinuationWithoutAMessageIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, CONTINUATION, "orphan".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case5_15to5_18_aNewMessageInsideAFragmentedOneIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, TEXT, "first".getBytes(StandardCharsets.UTF_8), true);
      socket.send(true, 0, TEXT, "second".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1002);
    }
  }

  // 6: UTF-8

  @Test
  void case6_1_emptyTextFragmentsAreAnEmptyMessage() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, TEXT, new byte[0], true);
      socket.send(false, 0, CONTINUATION, new byte[0], true);
      socket.send(true, 0, CONTINUATION, new byte[0], true);
      assertThat(socket.nextMessage().text()).isEmpty();
    }
  }

  @Test
  void case6_2to6_7_validUtf8SplitInsideACharacterIsJoined() throws IOException {
    byte[] text = "κόσμε € 𝄞 Hello-µ@ßöäüàá-UTF-8!!".getBytes(StandardCharsets.UTF_8);
    try (RawWebSocket socket = open()) {
      int cut = 1; // inside the first two-byte character
      socket.send(false, 0, TEXT, Arrays.copyOfRange(text, 0, cut), true);
      for (int i = cut; i < text.length; i += 3) {
        boolean last = i + 3 >= text.length;
        socket.send(last, 0, CONTINUATION, Arrays.copyOfRange(text, i, Math.min(text.length, i + 3)), true);
      }
      assertThat(socket.nextMessage().payload()).isEqualTo(text);
    }
  }

  @ParameterizedTest(name = "6.x invalid UTF-8 {0}")
  @ValueSource(strings = {"ce bae1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64", "c0 80", "e0 80 af",
      "f4 90 80 80", "ed a0 80", "ed bf bf", "ff", "fe", "80", "c2", "f8 88 80 80 80", "e0 80 80"})
  void case6_3to6_21_invalidUtf8IsRefusedWith1007(String hex) throws IOException {
    byte[] bad = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, TEXT, bad, true);
      assertClosedWith(socket, 1007);
    }
  }

  @Test
  void case6_4_invalidUtf8InAFragmentFailsBeforeTheMessageEnds() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(false, 0, TEXT, "κόσμε".getBytes(StandardCharsets.UTF_8), true);
      socket.send(false, 0, CONTINUATION, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, true);
      assertClosedWith(socket, 1007);
    }
  }

  // 7: closing

  @Test
  void case7_1_1_aCloseIsAnsweredWithItsCodeAndTheConnectionClosed() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.text("hello");
      assertThat(socket.nextMessage().text()).isEqualTo("hello");
      socket.close(1000, "bye");
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(CLOSE);
      assertThat(close.closeCode()).isEqualTo(1000);
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  @Test
  void case7_1_3_dataAfterACloseIsIgnored() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.close(1000, "");
      socket.text("too late");
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(CLOSE);
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  @Test
  void case7_3_1_anEmptyCloseIsAnsweredWithAnEmptyClose() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, CLOSE, new byte[0], true);
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(CLOSE);
      assertThat(close.payload()).isEmpty();
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  @Test
  void case7_3_2_aCloseOfOneByteIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, CLOSE, new byte[] {3}, true);
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case7_3_5_aReasonOf123BytesIsAccepted() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.close(1000, "r".repeat(123));
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.closeCode()).isEqualTo(1000);
    }
  }

  @Test
  void case7_3_6_aCloseOver125BytesIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, CLOSE, RawWebSocket.closePayload(1000, "r".repeat(124).getBytes(StandardCharsets.UTF_8)),
          true);
      assertClosedWith(socket, 1002);
    }
  }

  @Test
  void case7_5_1_aReasonThatIsNotUtf8IsRefused() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, CLOSE, RawWebSocket.closePayload(1000, new byte[] {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1,
          (byte) 0xBD, (byte) 0xB9, (byte) 0xCF, (byte) 0x83, (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5,
          (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x65, 0x64}), true);
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(CLOSE);
      assertThat(close.closeCode()).isIn(1002, 1007);
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest(name = "7.7.x close code {0} is echoed")
  @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
  void case7_7_validCloseCodesAreEchoed(int code) throws IOException {
    try (RawWebSocket socket = open()) {
      socket.close(code, "");
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.opcode()).isEqualTo(CLOSE);
      assertThat(close.closeCode()).isEqualTo(code);
      assertThat(socket.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest(name = "7.9.x close code {0} is a protocol error")
  @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999, 5000, 65535})
  void case7_9_invalidCloseCodesAreAProtocolError(int code) throws IOException {
    try (RawWebSocket socket = open()) {
      socket.close(code, "");
      assertClosedWith(socket, 1002);
    }
  }

  // 9: limits, scaled down

  @Test
  void case9_1_aMessageAtTheLimitInFragmentsIsTaken() throws IOException {
    try (RawWebSocket socket = open()) {
      int fragments = MESSAGE / FRAME;
      for (int i = 0; i < fragments; i++) {
        socket.send(i == fragments - 1, 0, i == 0 ? BINARY : CONTINUATION, bytes(FRAME, i), true);
      }
      RawWebSocket.Frame echo = socket.nextMessage();
      assertThat(echo.opcode()).isEqualTo(BINARY);
      assertThat(echo.payload()).hasSize(MESSAGE);
    }
  }

  @Test
  void case9_2_aMessageOverTheLimitAcrossFragmentsIs1009() throws IOException {
    try (RawWebSocket socket = open()) {
      int fragments = MESSAGE / FRAME;
      for (int i = 0; i < fragments; i++) {
        socket.send(false, 0, i == 0 ? TEXT : CONTINUATION, "a".repeat(FRAME).getBytes(StandardCharsets.UTF_8), true);
      }
      socket.send(true, 0, CONTINUATION, "one byte too many".getBytes(StandardCharsets.UTF_8), true);
      assertClosedWith(socket, 1009);
    }
  }

  @Test
  void case9_3_aFrameOverTheLimitIs1009() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, BINARY, new byte[FRAME + 1], true);
      assertClosedWith(socket, 1009);
    }
  }

  @Test
  void anUnmaskedClientFrameIsAProtocolError() throws IOException {
    try (RawWebSocket socket = open()) {
      socket.send(true, 0, TEXT, "not masked".getBytes(StandardCharsets.UTF_8), false);
      assertClosedWith(socket, 1002);
    }
  }
}
