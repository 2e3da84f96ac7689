package dev.kiln.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against real sockets: a JDK server for well-formed answers, raw sockets for the rest. */
class ClientTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private HttpServer server;
  private String base;
  private Client client;

  record Project(String name, int stars) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    client = Client.builder().build();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    client.close();
    server.stop(0);
    for (AutoCloseable resource : closing) {
      resource.close();
    }
  }

  private final AtomicInteger flaky = new AtomicInteger();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    byte[] received = exchange.getRequestBody().readAllBytes();
    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
    switch (path) {
      case "/project" -> send(exchange, 200, "application/json", "{\"name\":\"kiln\",\"stars\":42}");
      case "/echo" -> send(exchange, 200, "text/plain; charset=utf-8",
          exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
              + new String(received, StandardCharsets.UTF_8) + " " + exchange.getRequestHeaders().getFirst("X-Trace")
              + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      case "/moved" -> {
        exchange.getResponseHeaders().add("Location", "/echo");
        send(exchange, 302, "text/plain", "");
      }
      case "/see-other" -> {
        exchange.getResponseHeaders().add("Location", "/echo");
        send(exchange, 303, "text/plain", "");
      }
      case "/loop" -> {
        exchange.getResponseHeaders().add("Location", "/loop");
        send(exchange, 307, "text/plain", "");
      }
      case "/invalid" -> send(exchange, 422, "application/problem+json", """
          {"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"2 constraint violations",
           "violations":[{"in":"body","path":"name","constraint":"NotBlank","message":"must not be blank"},
                         {"in":"query","path":"page","constraint":"Min","message":"must be at least 1"}],
           "traceId":"abc"}""");
      case "/broken" -> send(exchange, 500, "text/plain", "the database is away");
      case "/flaky" -> {
        if (flaky.incrementAndGet() < 3) {
          send(exchange, 503, "text/plain", "busy");
        } else {
          send(exchange, 200, "text/plain", "at last");
        }
      }
      case "/held" -> {
        arrived.countDown();
        await(release);
        send(exchange, 200, "text/plain", "released");
      }
      case "/big" -> send(exchange, 200, "text/plain", "x".repeat(2_000));
      default -> send(exchange, 404, "text/plain", "no " + path);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void readsJsonIntoARecord() {
    Project project = join(client.get(base + "/project").as(Project.class));

    assertThat(project).isEqualTo(new Project("kiln", 42));
  }

  @Test
  void sendsJsonFormsHeadersAndQueriesAsGiven() {
    assertThat(join(client.post(base + "/echo").header("X-Trace", "t1").json(Map.of("a", 1)).asText()))
        .isEqualTo("POST application/json {\"a\":1} t1 null");
    assertThat(join(client.put(base + "/echo").form(Map.of("q", "a b&c")).asText()))
        .isEqualTo("PUT application/x-www-form-urlencoded q=a+b%26c null null");

    client.get(base + "/users/{}/repos", "a b/c?").query("sort", "stars&desc").query("page", 2).call();

    assertThat(seen).last().isEqualTo("GET /users/a%20b%2Fc%3F/repos?sort=stars%26desc&page=2");
  }

  @Test
  void aFailedAnswerIsAnAnswerUntilItIsAskedToBeAResult() {
    ClientResponse broken = client.get(base + "/broken").call();
    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.text()).isEqualTo("the database is away");

    Throwable failure = failure(client.get(base + "/broken").asText());
    assertThat(failure).isExactlyInstanceOf(StatusException.class)
        .hasMessage("GET " + base + "/broken answered 500: the database is away");
    assertThat(((StatusException) failure).status()).isEqualTo(500);
  }

  @Test
  void problemJsonBecomesAProblemExceptionWithItsFields() {
    Throwable failure = failure(client.post(base + "/invalid").json(Map.of()).as(Project.class));

    assertThat(failure).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) failure;
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.title()).isEqualTo("Unprocessable Content");
    assertThat(problem.detail()).isEqualTo("2 constraint violations");
    assertThat(problem.violations()).containsExactly(
        new ProblemException.Violation("body", "name", "NotBlank", "must not be blank"),
        new ProblemException.Violation("query", "page", "Min", "must be at least 1"));
    assertThat(problem.extensions()).containsOnlyKeys("violations", "traceId");
    assertThat(problem.extensions().get("traceId").asText()).isEqualTo("abc");
    assertThat(problem).hasMessageContaining("answered 422: Unprocessable Content (2 constraint violations)");
  }

  @Test
  void redirectsAreAnswersUnlessFollowingIsAskedFor() {
    ClientResponse moved = client.get(base + "/moved").call();
    assertThat(moved.status()).isEqualTo(302);
    assertThat(moved.header("Location")).isEqualTo("/echo");
    assertThat(seen).containsExactly("GET /moved");

    ClientResponse followed = client.post(base + "/see-other").followRedirects(true).header("Authorization", "secret")
        .body("hello", "text/plain").call();
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.uri().getPath()).isEqualTo("/echo");
    assertThat(followed.text()).isEqualTo("GET null  null secret"); // 303: a GET without the body, same origin

    Throwable loop = failure(client.get(base + "/loop").followRedirects(true).send());
    assertThat(loop).isInstanceOf(ClientException.class).hasMessageEndingWith("more than 5 redirects");
  }

  @Test
  void aRedirectToAnotherOriginDropsCredentials() throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location", base + "/echo");
      send(exchange, 307, "text/plain", "");
    });
    other.start();
    closing.add(() -> other.stop(0));

    String echoed = client.put("http://localhost:" + other.getAddress().getPort() + "/away").followRedirects(true)
        .header("Authorization", "secret").body("kept", "text/plain").call().text();

    assertThat(echoed).isEqualTo("PUT text/plain; charset=utf-8 kept null null");
  }

  @Test
  void theAddressPolicyRefusesBeforeConnectingAndOnEveryRedirect() throws IOException {
    try (Client publicOnly = Client.builder().addresses(AddressPolicy.publicOnly()).build()) {
      Throwable refused = failure(publicOnly.get(base + "/project").send());
      assertThat(refused).isInstanceOf(ClientException.class)
          .hasMessage("GET " + base + "/project: 127.0.0.1 is 127.0.0.1, which this client's address policy refuses");
      assertThat(seen).isEmpty();
    }

    HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
    redirecting.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location", base + "/project");
      send(exchange, 302, "text/plain", "");
    });
    redirecting.start();
    closing.add(() -> redirecting.stop(0));
    AddressPolicy only2 = address -> address.getHostAddress().equals("127.0.0.2");
    try (Client picky = Client.builder().addresses(only2).followRedirects(true).build()) {
      Throwable refused = failure(picky.get("http://127.0.0.2:" + redirecting.getAddress().getPort() + "/go").send());
      assertThat(refused).hasMessageEndingWith("127.0.0.1 is 127.0.0.1, which this client's address policy refuses");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void retriesAnIdempotentCallOnlyWhenAsked() {
    assertThat(client.get(base + "/flaky").call().status()).isEqualTo(503);

    ClientResponse retried = client.get(base + "/flaky").retries(2).call();

    assertThat(retried.text()).isEqualTo("at last");
    assertThat(seen).containsExactly("GET /flaky", "GET /flaky", "GET /flaky");
    assertThatThrownBy(() -> client.post(base + "/flaky").retries(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("POST is not idempotent: trying it again could do it twice");
  }

  @Test
  void retriesAfterAConnectionFailure() throws IOException {
    ServerSocket dropping = listen();
    CompletableFuture.runAsync(() -> {
      try (Socket first = dropping.accept()) {
        first.getInputStream().read(); // then closed without an answer
      } catch (IOException ignored) {
        // the test fails on the client's side
      }
      try (Socket second = dropping.accept()) {
        readHead(second.getInputStream());
        second.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException ignored) {
        // the test fails on the client's side
      }
    });

    assertThat(client.get("http://127.0.0.1:" + dropping.getLocalPort() + "/").retries(1).call().text()).isEqualTo("ok");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws IOException {
    ServerSocket silent = listen();
    BlockingQueue<Socket> accepted = acceptAll(silent);

    Throwable failure = failure(client.get("http://127.0.0.1:" + silent.getLocalPort() + "/").timeout(Duration.ofMillis(300)).send());

    assertThat(failure).isInstanceOf(ClientException.class).hasMessageEndingWith("no whole answer within PT0.3S");
    assertThat(((ClientException) failure).timedOut()).isTrue();
    assertThat(accepted).isNotEmpty();
  }

  @Test
  void theTimeoutCoversABodyThatTrickles() throws Exception {
    ServerSocket trickling = listen();
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture.runAsync(() -> {
      try (Socket socket = trickling.accept()) {
        readHead(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        done.get(10, TimeUnit.SECONDS); // the rest never comes
      } catch (Exception ignored) {
        // the test fails on the client's side
      }
    });

    Throwable failure = failure(client.get("http://127.0.0.1:" + trickling.getLocalPort() + "/").timeout(Duration.ofMillis(300)).send());
    done.complete(null);

    assertThat(((ClientException) failure).timedOut()).isTrue();
  }

  @Test
  void aConnectionThatIsNotAcceptedTimesOutConnecting() throws IOException {
    ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closing.add(full);
    List<Socket> filling = new ArrayList<>();
    for (int i = 0; i < 8; i++) { // never accepted: the queue fills, and later handshakes go unanswered
      Socket socket = new Socket();
      closing.add(socket);
      try {
        socket.connect(full.getLocalSocketAddress(), 200);
        filling.add(socket);
      } catch (IOException queueFull) {
        break;
      }
    }
    try (Client impatient = Client.builder().connectTimeout(Duration.ofMillis(200)).build()) {
      Throwable failure = failure(impatient.get("http://127.0.0.1:" + full.getLocalPort() + "/").send());

      assertThat(failure).isInstanceOf(ClientException.class).hasMessageEndingWith("no connection within PT0.2S");
      assertThat(((ClientException) failure).timedOut()).isTrue();
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhetherDeclaredOrStreamed() throws IOException {
    Throwable declared = failure(client.get(base + "/big").maxBodySize(1_000).send());
    assertThat(declared).isExactlyInstanceOf(ResponseTooLargeException.class)
        .hasMessage("GET " + base + "/big: the answer's body is larger than the 1000 bytes this client reads"
            + " (Content-Length 2000); raise clientMaxBodySize, or ClientRequest.maxBodySize for this call");

    ServerSocket streaming = listen();
    CompletableFuture.runAsync(() -> {
      try (Socket socket = streaming.accept()) {
        readHead(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 10_000; i++) { // 10 MB, unless the client hangs up first
          out.write(("3e8\r\n" + "y".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException hungUp) {
        // what should happen
      }
    });
    Throwable streamed = failure(client.get("http://127.0.0.1:" + streaming.getLocalPort() + "/").maxBodySize(5_000).send());
    assertThat(streamed).isExactlyInstanceOf(ResponseTooLargeException.class);
    assertThat(((ResponseTooLargeException) streamed).limit()).isEqualTo(5_000);
  }

  @Test
  void callRefusesToWaitOnAnEventLoopThread() throws Exception {
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    Thread loop = new FastThreadLocalThread(() -> {
      try {
        client.get(base + "/project").call();
        refused.complete(null);
      } catch (Throwable e) {
        refused.complete(e);
      }
    }, "test-loop-1");
    loop.start();

    assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call() waits, and this is an event-loop thread (test-loop-1); use send()");
    assertThat(seen).isEmpty();
  }

  @Test
  void stagesCompleteOnTheClientsThreads() {
    // The answer is held until the stage is chained, so the chained step runs where the stage completes.
    CompletableFuture<String> thread = client.get(base + "/held").send()
        .thenApply(response -> Thread.currentThread().getName()).toCompletableFuture();
    release.countDown();

    assertThat(thread.join()).startsWith("kiln-client-");
  }

  @Test
  void aClosedClientRefusesNewCalls() {
    client.close();

    assertThatThrownBy(() -> client.get(base + "/project"))
        .isInstanceOf(IllegalStateException.class).hasMessage("This client is closed: GET " + base + "/project");
  }

  @Test
  void closingFailsTheCallsInFlight() throws Exception {
    CompletableFuture<ClientResponse> held = client.get(base + "/held").send().toCompletableFuture();
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

    client.close();

    assertThat(failure(held)).isInstanceOf(ClientException.class).hasMessage("GET " + base + "/held: the client is closed");
  }

  @Test
  void onlyAbsoluteHttpUrlsAreCalled() {
    assertThatThrownBy(() -> client.get("file:///etc/passwd")).hasMessage("Not an absolute http or https URL: file:///etc/passwd");
    assertThatThrownBy(() -> client.get("/relative")).hasMessage("Not an absolute http or https URL: /relative");
    assertThatThrownBy(() -> client.get("http://h/{}/{}", "one")).hasMessage("The URL http://h/{}/{} has more {} than the 1 values given");
  }

  private ServerSocket listen() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closing.add(socket);
    return socket;
  }

  private BlockingQueue<Socket> acceptAll(ServerSocket listening) {
    BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    CompletableFuture.runAsync(() -> {
      try {
        while (true) {
          Socket socket = listening.accept();
          closing.add(socket);
          accepted.add(socket);
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    return accepted;
  }

  private static void readHead(InputStream in) throws IOException {
    int state = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }
}
