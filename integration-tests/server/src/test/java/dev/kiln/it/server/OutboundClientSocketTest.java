package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.client.StatusException;
import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.TestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handlers calling another server through the outbound client, on a server with one event loop:
 * while a non-blocking handler waits for the other server, that loop serves other requests.
 * The calls go through the generated {@code ServerTestAppClient} that the extension hands over.
 */
class OutboundClientSocketTest {
  private static final ServerTestApp APP = new ServerTestApp();
  private static final CountDownLatch ARRIVED = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static HttpServer upstream;

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(APP::router, server -> server.eventLoopThreads(1).accessLog(false));

  @BeforeAll
  static void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/answer", exchange -> {
      ARRIVED.countDown();
      try {
        RELEASE.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(exchange, "from upstream");
    });
    upstream.createContext("/quick", exchange -> answer(exchange, "quick"));
    upstream.start();
    APP.outbound.upstream = "http://127.0.0.1:" + upstream.getAddress().getPort();
  }

  @AfterAll
  static void stopUpstream() {
    RELEASE.countDown();
    upstream.stop(0);
    APP.outbound.client.close();
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aNonBlockingHandlerCallsOutWithoutHoldingItsEventLoop(ServerTestAppClient api, TestClient client) throws Exception {
    CompletableFuture<String> relayed = api.outbound().relay().toCompletableFuture();
    assertThat(ARRIVED.await(10, TimeUnit.SECONDS)).as("the other server got the call").isTrue();

    // The server's one event loop is free while the other server holds its answer.
    assertThat(client.get("/thread-nb").text()).startsWith("kiln-loop-");
    assertThat(relayed).isNotDone();

    RELEASE.countDown();
    assertThat(relayed.get(10, TimeUnit.SECONDS)).isEqualTo("relayed from upstream");
    assertThat(APP.outbound.threads).hasSize(2);
    assertThat(APP.outbound.threads.get(0)).startsWith("handler kiln-loop-");
    assertThat(APP.outbound.threads.get(1)).startsWith("then kiln-client-");
  }

  @Test
  void waitingOnTheEventLoopIsRefusedAndAnswers500(ServerTestAppClient api) {
    CompletableFuture<String> refused = api.outbound().waitOnTheLoop().toCompletableFuture();

    assertThat(refused).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
        .havingCause().isInstanceOf(StatusException.class)
        .matches(e -> ((StatusException) e).status() == 500, "status 500");
  }

  @Test
  void aBlockingHandlerMayWait(ServerTestAppClient api) {
    assertThat(api.outbound().blocking().toCompletableFuture().join()).isEqualTo("waited quick");
  }
}
