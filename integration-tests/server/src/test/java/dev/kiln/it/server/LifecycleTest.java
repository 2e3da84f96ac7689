package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timeouts and graceful shutdown, each on its own server. */
class LifecycleTest {
  @AfterAll
  static void noBufferLeaked() {
    assertThat(LeakDetection.collect()).isEmpty();
  }

  @Test
  void requestsReachTheAppAndTheServerClosesItAfterTheLastRequest() {
    java.util.List<String> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
    dev.kiln.App app = dev.kiln.App.builder()
        .set(ServerTestApp.NAME, "shop")
        .onStartup("pool", s -> s.closeAtShutdown(() -> closed.add("pool")))
        .onShutdown("flush", a -> closed.add("flush " + a.get(ServerTestApp.NAME)))
        .start();
    try (TestServer server = TestServer.start(new ServerTestApp().router(), s -> s.app(app).accessLog(false))) {
      assertThat(server.client().get("/app-name").text()).isEqualTo("shop");
      assertThat(closed).isEmpty();
    }
    assertThat(closed).containsExactly("flush shop", "pool");
  }

  @Test
  void withoutAnAppRequestsSeeAnEmptyOne() {
    try (TestServer server = TestServer.start(new ServerTestApp().router(), s -> s.accessLog(false))) {
      assertThat(server.client().get("/app-name").text()).isEqualTo("none");
    }
  }

  @Test
  void aRequestThatTakesTooLongIs503AndItsConnectionIsNotReused() throws Exception {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.requestTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(connection.isClosedByServer()).isTrue();
      app.gate.countDown();
      assertThat(server.client().get("/").text()).isEqualTo("hello");
    }
  }

  @Test
  void aFullBlockingExecutorAnswers503() throws Exception {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.blockingPool(1, 1).accessLog(false));
        RawConnection first = server.raw();
        RawConnection second = server.raw();
        RawConnection third = server.raw()) {
      first.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(app.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      // One of these two takes the queue slot, the other is refused; which one is up to the network.
      second.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      third.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(2);
      CompletableFuture<RawResponse> a = CompletableFuture.supplyAsync(second::read, readers);
      CompletableFuture<RawResponse> b = CompletableFuture.supplyAsync(third::read, readers);
      readers.shutdown();
      RawResponse refused = (RawResponse) CompletableFuture.anyOf(a, b).get(10, TimeUnit.SECONDS);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      app.gate.countDown();
      assertThat(first.read().body()).isEqualTo("slow done");
      RawResponse queued = (a.get(10, TimeUnit.SECONDS) == refused ? b : a).get(10, TimeUnit.SECONDS);
      assertThat(queued.body()).isEqualTo("slow done");
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedOnAccept() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.maxConnections(2).accessLog(false));
        RawConnection first = server.raw();
        RawConnection second = server.raw()) {
      assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      try (RawConnection third = server.raw()) {
        assertThat(third.isClosedByServer()).isTrue();
      }
      assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
    }
  }

  @Test
  void twoServersCanShareAPortWithReusePort() {
    ServerTestApp app = new ServerTestApp();
    try (dev.kiln.server.Server first = dev.kiln.server.Server.builder(app.router()).port(0).reusePort(true).accessLog(false).start();
        dev.kiln.server.Server second = dev.kiln.server.Server.builder(app.router()).port(first.port()).reusePort(true)
            .accessLog(false).start()) {
      assertThat(second.port()).isEqualTo(first.port());
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosed() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.idleTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection connection = server.raw()) {
      assertThat(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"keep-alive", "close"})
  void aClientThatTakesNoneOfItsAnswerIsClosedAfterAnIdlePeriod(String connection) {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.idleTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection client = server.raw(64 * 1024)) {
      client.send("GET /big/1/32768 HTTP/1.1\r\nHost: x\r\nConnection: " + connection + "\r\n\r\n");
      Conditions.waitUntil(() -> server.server().openConnections() == 1, Duration.ofSeconds(10));
      // 32 MiB that the client never reads: more than the socket buffers hold, so the answer stalls
      Conditions.waitUntil(() -> server.server().openConnections() == 0, Duration.ofSeconds(10));
    }
  }

  @Test
  void requestsWaitingBehindAnAnswerTheClientHasNotTakenAreNotTreatedAsSlowHeads() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.headerTimeout(Duration.ofMillis(100)).accessLog(false));
        RawConnection connection = server.raw(64 * 1024)) {
      connection.send("GET /big/0/16384 HTTP/1.1\r\nHost: x\r\n\r\n");
      Conditions.waitUntil(() -> app.calls.get() == 1, Duration.ofSeconds(10));
      connection.send("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\n"); // whole, but held behind 16 MiB not yet taken
      // Time passing is what is tested: several head timeouts go by while the request waits.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
      assertThat(connection.read().body()).hasSize(16 * 1024 * 1024);
      RawResponse held = connection.read();
      assertThat(held.status()).isEqualTo(200);
      assertThat(held.body()).isEqualTo("n1");
    }
  }

  @Test
  void aClientThatTakesItsAnswerSlowlyIsNotCutOff() {
    ServerTestApp app = new ServerTestApp();
    int kib = 16 * 1024;
    try (TestServer server = TestServer.start(app.router(), s -> s.idleTimeout(Duration.ofMillis(400)).accessLog(false));
        RawConnection client = server.raw(64 * 1024)) {
      long length = Long.parseLong(client.send("GET /big/1/" + kib + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .readWithoutBody().header("Content-Length"));
      byte[] chunk = new byte[64 * 1024];
      long received = 0;
      // 64 KiB per 5 ms: the answer takes several idle periods, and moves on in each of them
      for (int read; received < length && (read = client.readSome(chunk)) > 0; ) {
        received += read;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      assertThat(received).as("bytes of the answer received").isEqualTo(kib * 1024L);
    }
  }

  @Test
  void aNewConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(),
            s -> s.headerTimeout(Duration.ofMillis(200)).idleTimeout(Duration.ofMinutes(5)).accessLog(false));
        RawConnection connection = server.raw()) {
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void aBodyThatStopsComingIs408AtTheRequestTimeout() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.requestTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection connection = server.raw()) {
      RawResponse response = connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhe").read();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(app.calls.get()).isZero();
    }
  }

  @Test
  void aHeadThatArrivesTooSlowlyIs408() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.headerTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection connection = server.raw()) {
      RawResponse response = connection.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a").read();
      assertThat(response.status()).isEqualTo(408);
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void closeLetsInFlightRequestsFinishAndRefusesNewConnections() throws Exception {
    ServerTestApp app = new ServerTestApp();
    TestServer server = TestServer.start(app.router(), s -> s.accessLog(false));
    int port = server.port();
    try (RawConnection inFlight = server.raw(); RawConnection idle = server.raw()) {
      assertThat(idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      inFlight.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(app.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      assertThat(idle.isClosedByServer()).isTrue();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
      assertThat(closing).isNotDone();

      app.gate.countDown();
      RawResponse response = inFlight.read();
      assertThat(response.body()).isEqualTo("slow done");
      assertThat(response.header("Connection")).isEqualTo("close");
      closing.get(10, TimeUnit.SECONDS);
    }
  }
}
