package dev.kiln.it.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.middleware.HealthChecks;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.TestServer;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Liveness and readiness over a socket, readiness's checks, and readiness through a graceful drain. */
class HealthSocketTest {
  private static RawResponse get(TestServer server, String path) {
    try (RawConnection connection = server.raw()) {
      return connection.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
    }
  }

  @Test
  void livenessIsUpWithoutCheckingAnyDependencyAndIsNeverCached() {
    HealthChecks health = HealthChecks.builder().check("database", () -> false).build();
    try (TestServer server = TestServer.start(new ProductionApp().router(health), s -> s.accessLog(false))) {
      RawResponse live = get(server, "/health/live");
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
      assertThat(live.header("Cache-Control")).isEqualTo("no-store");
      assertThat(live.header("Content-Type")).startsWith("application/json");
    }
  }

  @Test
  void readinessIsUpOnlyWhenEveryCheckPassesAndNamesEachOne() {
    AtomicBoolean database = new AtomicBoolean(true);
    AtomicBoolean redis = new AtomicBoolean(true);
    HealthChecks health = HealthChecks.builder()
        .check("postgresql", database::get)
        .checkAsync("redis", () -> CompletableFuture.supplyAsync(redis::get))
        .build();
    try (TestServer server = TestServer.start(new ProductionApp().router(health), s -> s.accessLog(false))) {
      RawResponse ready = get(server, "/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"up\",\"checks\":{\"postgresql\":\"up\",\"redis\":\"up\"}}");
      redis.set(false);
      RawResponse down = get(server, "/health/ready");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"checks\":{\"postgresql\":\"up\",\"redis\":\"down\"}}");
      redis.set(true);
      database.set(false);
      assertThat(get(server, "/health/ready").body()).contains("\"postgresql\":\"down\"");
      database.set(true);
      assertThat(get(server, "/health/ready").status()).as("recovers without a restart").isEqualTo(200);
    }
  }

  @Test
  void aCheckThatThrowsOrNeverAnswersIsDownAndOthersStillAnswer() {
    HealthChecks health = HealthChecks.builder()
        .timeout(Duration.ofMillis(200))
        .check("throws", () -> {
          throw new IllegalStateException("pool closed");
        })
        .checkAsync("hangs", CompletableFuture::new)
        .checkAsync("fails", () -> CompletableFuture.failedFuture(new RuntimeException("refused")))
        .check("fine", () -> true)
        .build();
    try (TestServer server = TestServer.start(new ProductionApp().router(health), s -> s.accessLog(false))) {
      RawResponse ready = get(server, "/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo(
          "{\"status\":\"down\",\"checks\":{\"throws\":\"down\",\"hangs\":\"down\",\"fails\":\"down\",\"fine\":\"up\"}}");
      assertThat(get(server, "/").body()).isEqualTo("hello");
    }
  }

  @Test
  void theEndpointsAreWhereTheAppSaysAndOtherMethodsAndPathsReachTheRoutes() {
    HealthChecks health = HealthChecks.builder().liveness("/livez").readiness("/readyz").build();
    try (TestServer server = TestServer.start(new ProductionApp().router(health), s -> s.accessLog(false));
        RawConnection connection = server.raw()) {
      assertThat(get(server, "/livez").status()).isEqualTo(200);
      assertThat(get(server, "/readyz").status()).isEqualTo(200);
      assertThat(get(server, "/health/live").status()).isEqualTo(404);
      RawResponse post = connection.send("POST /readyz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read();
      assertThat(post.status()).isEqualTo(404);
    }
  }

  @Test
  void aDrainTurnsReadiness503AtOnceServesWhatArrivesDuringTheDelayAndFinishesWhatIsInFlight() throws Exception {
    ProductionApp routes = new ProductionApp();
    App app = App.builder().start();
    HealthChecks health = HealthChecks.builder().check("database", () -> true).build();
    TestServer server = TestServer.start(routes.router(health),
        s -> s.app(app).drainDelay(Duration.ofSeconds(5)).shutdownTimeout(Duration.ofSeconds(20)).accessLog(false));
    int port = server.port();
    try (RawConnection inFlight = server.raw(); RawConnection idle = server.raw()) {
      assertThat(idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().header("Connection")).isNull();
      inFlight.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(routes.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!app.isStopping()) {
        assertThat(System.nanoTime()).as("close() marks the app first thing").isLessThan(deadline);
        Thread.onSpinWait();
      }
      RawResponse ready = get(server, "/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("{\"status\":\"stopping\"}");
      assertThat(ready.header("Connection")).isEqualTo("close");
      RawResponse served = get(server, "/");
      assertThat(served.body()).as("still served during the delay").isEqualTo("hello");
      assertThat(served.header("Connection")).isEqualTo("close");
      assertThat(idle.isClosedByServer()).as("an idle kept-alive connection is closed").isTrue();
      routes.release.countDown();
      RawResponse slow = inFlight.read();
      assertThat(slow.body()).isEqualTo("finished");
      assertThat(slow.header("Connection")).isEqualTo("close");
      closed.get(30, TimeUnit.SECONDS);
    }
    try (Socket refused = new Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.connect(
          new java.net.InetSocketAddress("127.0.0.1", port), 2000)).isInstanceOf(ConnectException.class);
    }
  }
}
