package dev.kiln.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestServer;
import dev.kiln.websocket.CloseStatus;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocketLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WebSockets beyond the frames: the handshake through the table and its middlewares, blocking
 * callbacks in order, the runtime's heartbeat keeping a silent socket open and finding a dead
 * client, the close timeout, 1001 at shutdown, a client that stops reading, a failing handler, and a
 * room on topics.
 */
class WebSocketBehaviourTest {
  private final WebSocketTestApp app = new WebSocketTestApp(Topics.inProcess());
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private int serve(UnaryOperator<WebSocketLimits.Builder> limits) {
    App state = App.builder().set(WebSocketLimits.KEY, limits.apply(WebSocketLimits.builder()).build()).start();
    server = TestServer.start(app.router(), s -> s.app(state).accessLog(false).shutdownTimeout(Duration.ofSeconds(5)));
    return server.port();
  }

  private int serve() {
    return serve(UnaryOperator.identity());
  }

  private CloseStatus nextClose() throws InterruptedException {
    CloseStatus status = app.closes.poll(10, TimeUnit.SECONDS);
    assertThat(status).as("a close the handler saw").isNotNull();
    return status;
  }

  // The handshake

  @Test
  void aPlainGetGets426NamingTheProtocol() {
    serve();
    var plain = server.client().get("/ws/echo");
    assertThat(plain.status()).isEqualTo(426);
    assertThat(plain.header("Upgrade")).isEqualTo("websocket");
    assertThat(server.client().get("/hello").text()).isEqualTo("hello");
  }

  @Test
  void aBadHandshakeIsRefusedWithItsReason() throws IOException {
    int port = serve();
    try (RawWebSocket old = RawWebSocket.connect(port, "/ws/echo", "Sec-WebSocket-Version", "8")) {
      assertThat(old.status).isEqualTo(426);
      assertThat(old.header("Sec-WebSocket-Version")).isEqualTo("13");
    }
    try (RawWebSocket noKey = RawWebSocket.connect(port, "/ws/echo", "Sec-WebSocket-Key", null)) {
      assertThat(noKey.status).isEqualTo(400);
    }
    try (RawWebSocket shortKey = RawWebSocket.connect(port, "/ws/echo", "Sec-WebSocket-Key", "c2hvcnQ=")) {
      assertThat(shortKey.status).isEqualTo(400);
    }
    try (RawWebSocket noConnection = RawWebSocket.connect(port, "/ws/echo", "Connection", "keep-alive")) {
      assertThat(noConnection.status).isEqualTo(400);
    }
    try (RawWebSocket twoVersions = RawWebSocket.connect(port, "/ws/echo", "Sec-WebSocket-Version", "13\r\nSec-WebSocket-Version: 8")) {
      assertThat(twoVersions.status).as("a repeated version header").isEqualTo(400);
    }
  }

  @Test
  void theAcceptKeyIsTheRfcs() throws IOException {
    int port = serve();
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/echo", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")) {
      assertThat(socket.status).isEqualTo(101);
      assertThat(socket.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
      assertThat(socket.header("Upgrade")).isEqualToIgnoringCase("websocket");
    }
  }

  @Test
  void aPageOfAnotherOriginCannotOpenASocket() throws IOException {
    int port = serve(l -> l.allowedOrigins(java.util.List.of("https://app.example.org")));
    try (RawWebSocket foreign = RawWebSocket.connect(port, "/ws/echo", "Origin", "https://evil.example")) {
      assertThat(foreign.status).isEqualTo(403);
    }
    try (RawWebSocket own = RawWebSocket.connect(port, "/ws/echo", "Origin", "http://127.0.0.1:" + port)) {
      assertThat(own.status).isEqualTo(101);
    }
    try (RawWebSocket allowed = RawWebSocket.connect(port, "/ws/echo", "Origin", "https://app.example.org")) {
      assertThat(allowed.status).isEqualTo(101);
    }
  }

  @Test
  void middlewaresRunOnTheHandshakeAndPathAndQueryBind() throws IOException {
    int port = serve();
    try (RawWebSocket refused = RawWebSocket.connect(port, "/ws/guarded")) {
      assertThat(refused.status).as("the middleware's 401, a normal HTTP answer").isEqualTo(401);
    }
    try (RawWebSocket guarded = RawWebSocket.connect(port, "/ws/guarded", "X-Token", "secret")) {
      assertThat(guarded.status).isEqualTo(101);
      assertThat(guarded.nextMessage().text()).isEqualTo("hello token holder");
    }
    String url = WebSocketTestAppUrls.room("lobby", "ada").toString();
    assertThat(url).isEqualTo("/ws/rooms/lobby?name=ada");
    try (RawWebSocket room = RawWebSocket.connect(port, url)) {
      assertThat(room.nextMessage().text()).isEqualTo("joined lobby as ada");
    }
    try (RawWebSocket noRoom = RawWebSocket.connect(port, "/ws/rooms/Lobby1?name=ada")) {
      assertThat(noRoom.status).as("the path's constraint applies").isEqualTo(404);
    }
    try (RawWebSocket noName = RawWebSocket.connect(port, "/ws/rooms/lobby")) {
      assertThat(noName.status).as("a required query parameter").isEqualTo(400);
    }
  }

  @Test
  void aHandshakeThatNeverEndsIsCutAtTheHeadTimeout() throws IOException {
    App state = App.builder().start();
    server = TestServer.start(app.router(), s -> s.app(state).accessLog(false).headerTimeout(Duration.ofMillis(300)));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /ws/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 408");
    }
  }

  // Callbacks

  @Test
  void aBlockingRoutesCallbacksRunOffTheEventLoopInOrder() throws IOException {
    int port = serve();
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/blocking-echo")) {
      for (int i = 0; i < 50; i++) {
        socket.text("message " + i);
      }
      for (int i = 0; i < 50; i++) {
        assertThat(socket.nextMessage().text()).isEqualTo("message " + i);
      }
    }
    assertThat(app.blockingThreads).hasSize(50).noneMatch(name -> name.startsWith("kiln-loop"));
  }

  @Test
  void aHandlerThatThrowsClosesItsSocketWith1011() throws Exception {
    int port = serve();
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/broken")) {
      socket.text("boom");
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.closeCode()).isEqualTo(1011);
      assertThat(socket.closedByServer()).isTrue();
    }
    assertThat(nextClose().cause()).isEqualTo(CloseStatus.Cause.HANDLER_ERROR);
    try (RawWebSocket other = RawWebSocket.connect(port, "/ws/echo")) {
      other.text("still serving");
      assertThat(other.nextMessage().text()).isEqualTo("still serving");
    }
  }

  // Timers

  @Test
  void aSilentSocketStaysOpenOnTheRuntimesPingsAlone() throws Exception {
    int port = serve(l -> l.pingInterval(Duration.ofMillis(200)).pongTimeout(Duration.ofMillis(150)));
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/silent")) {
      // A proxy closes a connection silent for 1 s (nginx: 60 s); pings every 200 ms keep it busy for 3 s.
      socket.readTimeout(1000);
      long end = System.nanoTime() + 3_000_000_000L;
      int pings = 0;
      while (System.nanoTime() < end) {
        RawWebSocket.Frame frame = socket.next();
        assertThat(frame.opcode()).as("only pings cross a silent socket").isEqualTo(RawWebSocket.PING);
        socket.send(true, 0, RawWebSocket.PONG, frame.payload(), true);
        pings++;
      }
      assertThat(pings).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void aClientThatAnswersNoPingIsClosedAsGone() throws Exception {
    int port = serve(l -> l.pingInterval(Duration.ofMillis(200)).pongTimeout(Duration.ofMillis(200)));
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/silent")) {
      RawWebSocket.Frame ping = socket.next();
      assertThat(ping.opcode()).isEqualTo(RawWebSocket.PING);
      RawWebSocket.Frame close = socket.nextMessage(); // no pong sent
      assertThat(close.closeCode()).isEqualTo(1001);
      assertThat(close.closeReason()).contains("no pong");
      assertThat(socket.closedByServer()).isTrue();
    }
    assertThat(nextClose().cause()).isEqualTo(CloseStatus.Cause.NO_PONG);
  }

  @Test
  void aCloseTheClientDoesNotAnswerEndsAtTheCloseTimeout() throws Exception {
    int port = serve(l -> l.closeTimeout(Duration.ofMillis(300)));
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/goodbye")) {
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.closeCode()).isEqualTo(4000);
      assertThat(close.closeReason()).isEqualTo("goodbye");
      long start = System.nanoTime();
      assertThat(socket.closedByServer()).as("closed without the client's answer").isTrue();
      assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
    CloseStatus status = nextClose();
    assertThat(status.code()).isEqualTo(4000);
    assertThat(status.cause()).isEqualTo(CloseStatus.Cause.APP);
  }

  @Test
  void aCloseTheClientAnswersEndsTheConnectionCleanly() throws Exception {
    int port = serve();
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/goodbye")) {
      assertThat(socket.nextMessage().closeCode()).isEqualTo(4000);
      socket.close(4000, "");
      assertThat(socket.closedByServer()).isTrue();
    }
    assertThat(nextClose().code()).isEqualTo(4000);
  }

  @Test
  void shutdownSends1001AndWaitsForTheCloseHandshake() throws Exception {
    int port = serve();
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/echo")) {
      socket.text("before");
      assertThat(socket.nextMessage().text()).isEqualTo("before");
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      RawWebSocket.Frame close = socket.nextMessage();
      assertThat(close.closeCode()).isEqualTo(1001);
      assertThat(closing).as("shutdown waits for the client's close").isNotDone();
      socket.close(1001, "");
      closing.get(10, TimeUnit.SECONDS);
      server = null;
    }
    assertThat(nextClose().cause()).isEqualTo(CloseStatus.Cause.SHUTDOWN);
  }

  // Backpressure

  @Test
  void aClientThatStopsReadingIsClosedWith1008AndMemoryStaysBounded() throws Exception {
    int port = serve(l -> l.sendHighWater(64 * 1024));
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/flood?size=16384")) {
      String result = app.floodResults.poll(20, TimeUnit.SECONDS);
      assertThat(result).as("the flood stopped at a refused send").isNotNull().endsWith("open false");
      long accepted = Long.parseLong(result.split(" ")[0]);
      assertThat(accepted).as("what the socket buffers and the 64 KiB queue hold, not 100,000 messages")
          .isLessThan(2_000);
    }
    assertThat(nextClose().cause()).isEqualTo(CloseStatus.Cause.SLOW_CLIENT);
  }

  @Test
  void withDropWhenSlowOnlyTheSendFailsAndTheHandlerHearsWhenItCanSendAgain() throws Exception {
    int port = serve(l -> l.sendHighWater(64 * 1024).dropWhenSlow());
    try (RawWebSocket socket = RawWebSocket.connect(port, "/ws/flood?size=16384")) {
      String result = app.floodResults.poll(20, TimeUnit.SECONDS);
      assertThat(result).as("the refused send left the socket open").isNotNull().endsWith("open true");
      long accepted = Long.parseLong(result.split(" ")[0]);
      for (long i = 0; i < accepted; i++) {
        assertThat(socket.nextMessage().payload()).hasSize(16384);
      }
      assertThat(socket.nextMessage().text()).as("onWritable, once the client read").isEqualTo("writable again");
    }
  }

  // Topics

  @Test
  void whatOneMemberOfARoomSaysEveryMemberHears() throws IOException {
    int port = serve();
    try (RawWebSocket ada = RawWebSocket.connect(port, "/ws/rooms/lobby?name=ada");
        RawWebSocket bob = RawWebSocket.connect(port, "/ws/rooms/lobby?name=bob");
        RawWebSocket elsewhere = RawWebSocket.connect(port, "/ws/rooms/garden?name=eve")) {
      assertThat(ada.nextMessage().text()).isEqualTo("joined lobby as ada");
      assertThat(bob.nextMessage().text()).isEqualTo("joined lobby as bob");
      assertThat(elsewhere.nextMessage().text()).isEqualTo("joined garden as eve");
      ada.text("hi all");
      assertThat(ada.nextMessage().text()).isEqualTo("ada: hi all");
      assertThat(bob.nextMessage().text()).isEqualTo("ada: hi all");
      elsewhere.readTimeout(300);
      assertThat(elsewhere.closedByServer()).as("another room hears nothing, and stays open").isFalse();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (app.topics.subscribers("room:lobby") > 0) {
      assertThat(System.nanoTime()).as("closed sockets leave their topics").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
