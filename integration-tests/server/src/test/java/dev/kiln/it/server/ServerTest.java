package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server over real sockets: HTTP/1.1 semantics, routing before the body, the execution model. */
class ServerTest {
  private static final ServerTestApp APP = new ServerTestApp();

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(APP::router, server -> server.maxBodySize(1000).accessLog(false));

  @BeforeEach
  void reset() {
    APP.calls.set(0);
    APP.gate = new CountDownLatch(1);
    APP.slowStarted = new CountDownLatch(1);
  }

  @AfterAll
  static void noBufferLeaked() {
    assertThat(LeakDetection.collect()).isEmpty();
  }

  @Test
  void servesWithDateServerAndLength(TestClient client) {
    TestResponse response = client.get("/");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("hello");
    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("Server")).isEqualTo("Kiln");
    assertThat(response.header("Date")).endsWith("GMT");
  }

  @Test
  void keepsTheConnectionAliveAcrossRequests(TestServer server) {
    try (RawConnection connection = server.raw()) {
      for (int i = 0; i < 3; i++) {
        RawResponse response = connection.send("GET /n/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(response.body()).isEqualTo("n" + i);
        assertThat(response.header("Connection")).isNull();
      }
    }
  }

  @Test
  void answersPipelinedRequestsInOrder(TestServer server) {
    StringBuilder pipelined = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      pipelined.append("GET /n/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    try (RawConnection connection = server.raw()) {
      List<RawResponse> responses = connection.send(pipelined.toString()).read(10);
      for (int i = 0; i < 10; i++) {
        assertThat(responses.get(i).body()).isEqualTo("n" + i);
      }
    }
  }

  @Test
  void thousandsOfPipelinedRequestsBehindASlowOneAreAllAnswered(TestServer server) throws Exception {
    StringBuilder pipelined = new StringBuilder("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    for (int i = 0; i < 2000; i++) {
      pipelined.append("GET /n/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    try (RawConnection connection = server.raw()) {
      CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> connection.send(pipelined.toString()));
      assertThat(APP.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      APP.gate.countDown();
      sent.get(10, TimeUnit.SECONDS);
      assertThat(connection.read().body()).isEqualTo("slow done");
      List<RawResponse> rest = connection.read(2000);
      assertThat(rest.get(0).body()).isEqualTo("n0");
      assertThat(rest.get(1999).body()).isEqualTo("n1999");
    }
  }

  @Test
  void aClientThatPipelinesWithoutReadingHoldsTheServerBackAndThenGetsEveryAnswer(TestServer server) {
    int count = 64;
    StringBuilder pipelined = new StringBuilder();
    for (int i = 0; i < count; i++) {
      pipelined.append("GET /big/").append(i).append("/512 HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    try (RawConnection connection = server.raw()) {
      connection.send(pipelined.toString());
      // 32 MiB of answers; the socket buffers take a few of them, and then the server reads no further
      assertThat(Conditions.holdsWithin(() -> APP.calls.get() == count, Duration.ofSeconds(1)))
          .as("handled %d of %d requests before the client read an answer", APP.calls.get(), count)
          .isFalse();
      List<RawResponse> responses = connection.read(count);
      for (int i = 0; i < count; i++) {
        assertThat(responses.get(i).body()).hasSize(512 * 1024).startsWith(i + ":");
      }
    }
  }

  @Test
  void aLineBreakAClientSmugglesIntoAHeaderIsA500AndNeverReachesTheWire(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse injected = connection.send("GET /go?to=/x%0D%0ASet-Cookie:%20session=stolen HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(injected.status()).isEqualTo(500);
      assertThat(injected.header("Set-Cookie")).isNull();
      assertThat(injected.header("Location")).isNull();
      RawResponse next = connection.send("GET /go?to=/x HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(next.status()).isEqualTo(302);
      assertThat(next.header("Location")).isEqualTo("/x");
    }
  }

  @Test
  void aClientThatHalfClosesAfterItsRequestsGetsEveryAnswerAndThenTheConnectionCloses(TestServer server) {
    try (RawConnection connection = server.raw()) {
      connection.send("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /n/2 HTTP/1.1\r\nHost: x\r\n\r\n").shutdownOutput();
      assertThat(connection.read(2)).extracting(RawResponse::body).containsExactly("n1", "n2");
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void aHalfCloseWhileAHandlerRunsDoesNotLoseItsAnswer(TestServer server) throws Exception {
    try (RawConnection connection = server.raw()) {
      connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").shutdownOutput();
      assertThat(APP.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      APP.gate.countDown(); // the server has long seen the half-close: the handler is still running
      assertThat(connection.read().body()).isEqualTo("slow done");
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void aHalfCloseInTheMiddleOfABodyClosesTheConnectionWithoutCallingTheHandler(TestServer server) {
    try (RawConnection connection = server.raw()) {
      connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf").shutdownOutput();
      assertThat(connection.isClosedByServer()).isTrue();
    }
    assertThat(APP.calls.get()).isZero();
  }

  @Test
  void anErrorThrownByAHandlerIsA500AndRequestsPipelinedBehindItAreAnswered(TestServer server) throws Exception {
    try (RawConnection connection = server.raw()) {
      // behind a blocking handler, so the failing one runs from the held requests, off a socket read
      connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fatal HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(APP.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      APP.gate.countDown();
      assertThat(connection.read(3)).extracting(RawResponse::status).containsExactly(200, 500, 200);
    }
  }

  @Test
  void bodiesPipelinedBehindARunningHandlerAreHeldAndReadInOrder(TestServer server) throws Exception {
    try (RawConnection connection = server.raw()) {
      StringBuilder pipelined = new StringBuilder("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      for (int i = 0; i < 40; i++) {
        String body = "body-" + i + "-" + "x".repeat(900);
        pipelined.append("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ").append(body.length())
            .append("\r\n\r\n").append(body);
      }
      connection.send(pipelined.toString()); // 40 KiB of bodies arrive while /slow runs
      assertThat(APP.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      APP.gate.countDown();
      assertThat(connection.read().body()).isEqualTo("slow done");
      List<RawResponse> echoes = connection.read(40);
      for (int i = 0; i < 40; i++) {
        assertThat(echoes.get(i).body()).startsWith("echo:body-" + i + "-");
      }
    }
  }

  @Test
  void aRequestSentOneByteAtATimeIsServed(TestServer server) {
    try (RawConnection connection = server.raw()) {
      connection.trickle("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(connection.read().body()).isEqualTo("echo:hello");
      connection.trickle("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n");
      assertThat(connection.read().body()).isEqualTo("echo:hi");
    }
  }

  @Test
  void headerLimitsHoldWhenTheHeadArrivesOneByteAtATime(TestServer server) {
    try (RawConnection connection = server.raw()) {
      connection.trickle("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(8300));
      assertThat(connection.read().status()).isEqualTo(431);
    }
  }

  @Test
  void headHasTheLengthButNoBody(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse head = connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readWithoutBody();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo("5");
      // No body followed: the next response starts right away.
      assertThat(connection.send("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("n1");
    }
  }

  @Test
  void unknownPathsAndMethodsAreAnsweredWithoutReadingTheBody(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse notFound = connection.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(notFound.status()).isEqualTo(404);
      RawResponse notAllowed = connection.send("DELETE / HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD");
    }
    try (RawConnection connection = server.raw()) {
      // A body announced for a path that does not exist is never read: answer, then close.
      RawResponse response = connection.send("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void aDeclaredBodyAboveTheLimitIs413BeforeItIsSent(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(connection.isClosedByServer()).isTrue();
    }
    try (RawConnection connection = server.raw()) {
      String chunk = "x".repeat(600);
      RawResponse response = connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(413);
    }
    assertThat(APP.calls).hasValue(0);
  }

  @Test
  void aRouteCanHaveItsOwnBodyLimitAndTimeout(TestServer server, TestClient client) {
    assertThat(client.send("POST", "/small", "0123456789").text()).isEqualTo("small:0123456789");
    assertThat(client.send("POST", "/small", "0123456789!").status()).isEqualTo(413);
    assertThat(client.send("POST", "/echo", "0123456789!").status()).isEqualTo(200);
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET /quick HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(503);
      APP.gate.countDown();
    }
  }

  @Test
  void readsBodiesByLengthAndChunked(TestClient client, TestServer server) {
    assertThat(client.send("POST", "/echo", "payload").text()).isEqualTo("echo:payload");
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n").read();
      assertThat(response.body()).isEqualTo("echo:abcde");
    }
  }

  @Test
  void expectContinueIsAnsweredOnlyWhenTheRequestWillBeRead(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse interim = connection.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n").read();
      assertThat(interim.status()).isEqualTo(100);
      assertThat(connection.send("body").read().body()).isEqualTo("echo:body");
    }
    try (RawConnection connection = server.raw()) {
      RawResponse refused = connection.send(
          "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n").read();
      assertThat(refused.status()).isEqualTo(404);
    }
    try (RawConnection connection = server.raw()) {
      RawResponse tooLarge = connection.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n").read();
      assertThat(tooLarge.status()).isEqualTo(413);
    }
    try (RawConnection connection = server.raw()) {
      RawResponse unknown = connection.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 200-ok\r\n\r\n").read();
      assertThat(unknown.status()).isEqualTo(417);
    }
  }

  @Test
  void oversizedHeadsAre414And431(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(414);
    }
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(431);
    }
  }

  @Test
  void blockingHandlersNeverRunOnTheEventLoopAndNonBlockingOnesAlways(TestClient client) {
    assertThat(client.get("/thread").text()).startsWith("kiln-blocking-");
    // Virtual threads where the JVM has them (the runtime jar is multi-release), a pool before that.
    String kind = client.get("/thread-kind").text();
    if (Runtime.version().feature() >= 21 && java21ClassesInRuntimeJar()) {
      assertThat(kind).startsWith("VirtualThread[");
    } else {
      assertThat(kind).startsWith("Thread[");
    }
    assertThat(client.get("/thread-nb").text()).startsWith("kiln-loop-");
    assertThat(client.get("/thread-async").text()).startsWith("kiln-loop-");
  }

  /** Whether the runtime on the classpath was built with its Java 21 classes (a JDK 21+ build). */
  private static boolean java21ClassesInRuntimeJar() {
    return dev.kiln.server.Server.class.getClassLoader()
        .getResource("META-INF/versions/21/dev/kiln/internal/server/BlockingExecutor.class") != null;
  }

  @Test
  void aSlowBlockingHandlerDoesNotDelayOthers(TestServer server) throws Exception {
    try (RawConnection slow = server.raw()) {
      slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(APP.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(server.client().get("/thread-nb").status()).isEqualTo(200);
      assertThat(server.client().get("/n/7").text()).isEqualTo("n7");
      APP.gate.countDown();
      assertThat(slow.read().body()).isEqualTo("slow done");
    }
  }

  @Test
  void handlerFailuresBecomeResponsesAndTheConnectionStaysUsable(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse boom = connection.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(boom.status()).isEqualTo(500);
      assertThat(boom.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(boom.body()).contains("\"title\":\"Internal Server Error\"").doesNotContain("IllegalStateException");
      RawResponse conflict = connection.send("GET /conflict HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body()).contains("\"detail\":\"already exists\"");
      assertThat(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
    }
  }

  @Test
  void withoutErrorPagesErrorsAreStillProblemDetailsOrPagesByAccept(TestClient client) {
    TestResponse json = client.get("/conflict", "Accept", "application/json");
    assertThat(json.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(json.text()).contains("\"status\":409", "\"detail\":\"already exists\"", "\"instance\":\"/conflict\"");
    TestResponse page = client.get("/conflict", "Accept", "text/html");
    assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.text()).contains("<h1>409 Conflict</h1>", "<p>already exists</p>");
    TestResponse missing = client.get("/nowhere", "Accept", "text/html");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).contains("<h1>404 Not Found</h1>");
  }

  @Test
  void http10ClosesUnlessKeepAliveIsAsked(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET / HTTP/1.0\r\n\r\n").read();
      assertThat(response.statusLine()).startsWith("HTTP/1.0 200");
      assertThat(connection.isClosedByServer()).isTrue();
    }
    try (RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(response.header("Connection")).isEqualToIgnoringCase("keep-alive");
      assertThat(connection.send("GET /n/2 HTTP/1.0\r\n\r\n").read().body()).isEqualTo("n2");
    }
  }
}
