package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.testing.RawConnection;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Timeouts and graceful shutdown, each on its own server. */
class LifecycleTest {
  @AfterAll
  static void noBufferLeaked() {
    assertThat(LeakDetection.collect()).isEmpty();
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
  void anIdleKeptAliveConnectionIsClosed() {
    ServerTestApp app = new ServerTestApp();
    try (TestServer server = TestServer.start(app.router(), s -> s.idleTimeout(Duration.ofMillis(200)).accessLog(false));
        RawConnection connection = server.raw()) {
      assertThat(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(connection.isClosedByServer()).isTrue();
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
