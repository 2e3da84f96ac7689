package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.App;
import dev.kiln.client.ProblemException;
import dev.kiln.jdbi.Database;
import dev.kiln.sample.api.LinkCheckViews.LinkCheck;
import dev.kiln.sample.api.NewProject;
import dev.kiln.sample.storage.Project;
import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's API through its generated {@code SampleAppClient}, over a socket, and the link
 * check (the talk's {@code fetch_page}) against a web server of its own on 127.0.0.2, the one
 * private address the test's settings allow.
 */
class ApiClientTest {
  @TempDir
  static Path data;
  private static App app;
  private static TestServer server;
  private static HttpServer web;
  private static String webBase;

  @BeforeAll
  static void serve() throws IOException {
    app = SampleApp.app(SampleAppTest.settings(data, Map.of(
        "writeBurst", "1000", "linkCheckAllowedAddresses", "127.0.0.2", "linkCheckMaxBytes", "4096")));
    server = TestServer.start(SampleApp.router(app), s -> s.app(app));
    web = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
    web.createContext("/", ApiClientTest::page);
    web.start();
    webBase = "http://127.0.0.2:" + web.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    web.stop(0);
    server.close();
  }

  @BeforeEach
  void onlyTheFirstProject() {
    SampleAppTest.onlyTheFirstProject(app);
  }

  private static void page(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestURI().getPath()) {
      case "/" -> send(exchange, 200, "text/html; charset=utf-8",
          "<!doctype html><html><head><TITLE>\n  Kiln,  a web   stack\n</TITLE></head><body>hi</body></html>");
      case "/to-the-app" -> {
        exchange.getResponseHeaders().add("Location", server.uri("/api/projects").toString());
        send(exchange, 302, "text/plain", "");
      }
      case "/to-home" -> {
        exchange.getResponseHeaders().add("Location", "/");
        send(exchange, 301, "text/plain", "");
      }
      case "/huge" -> send(exchange, 200, "text/html", "<p>" + "x".repeat(10_000));
      default -> send(exchange, 404, "text/plain", "not here");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
  }

  private static Throwable failure(CompletionStage<?> stage) {
    try {
      join(stage);
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void theApiIsCalledThroughItsGeneratedClient() {
    SampleAppClient.Api api = server.client(SampleAppClient::new).api();

    assertThat(join(api.projects())).extracting(Project::slug).containsExactly("kiln");
    assertThat(join(api.project(1)).name()).isEqualTo("Kiln");
    ProblemException missing = (ProblemException) failure(api.project(999));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.detail()).isEqualTo("no project 999");

    NewProject renamed = new NewProject("Kiln", "kiln", "A web stack");
    assertThat(((ProblemException) failure(api.editProject(1, renamed))).status()).as("writes need the key").isEqualTo(401);
    SampleAppClient.Api writer = server.client(SampleAppClient::new)
        .withEveryCall(call -> call.header("X-Api-Key", "secret")).api();
    assertThat(join(writer.editProject(1, renamed)).description()).isEqualTo("A web stack");

    ProblemException invalid = (ProblemException) failure(writer.editProject(1, new NewProject("", "Not A Slug", null)));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.violations()).extracting(ProblemException.Violation::path)
        .containsExactlyInAnyOrder("$.name", "$.name", "$.slug");

    app.get(Database.KEY).useHandle(h -> h.execute("insert into projects (name, slug) values ('gone', 'gone')"));
    join(writer.deleteProject(2));
    assertThat(((ProblemException) failure(api.project(2))).status()).isEqualTo(404);
  }

  @Test
  void theLinkCheckReadsAPagesStatusTypeAndTitle() {
    SampleAppClient.Api api = server.client(SampleAppClient::new).api();

    LinkCheck home = join(api.checkLink(webBase + "/"));
    assertThat(home.reachable()).isTrue();
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.contentType()).startsWith("text/html");
    assertThat(home.title()).isEqualTo("Kiln, a web stack");

    assertThat(join(api.checkLink(webBase + "/to-home")).title()).as("a redirect is followed").isEqualTo("Kiln, a web stack");
    LinkCheck missing = join(api.checkLink(webBase + "/missing"));
    assertThat(missing.reachable()).isFalse();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problem()).isEqualTo("answered 404");
  }

  @Test
  void theLinkCheckNeverReachesTheServersOwnAddressesEvenThroughARedirect() {
    SampleAppClient.Api api = server.client(SampleAppClient::new).api();

    LinkCheck itself = join(api.checkLink(server.uri("/api/projects").toString()));
    assertThat(itself.reachable()).isFalse();
    assertThat(itself.problem()).contains("127.0.0.1, which this client's address policy refuses");

    LinkCheck redirected = join(api.checkLink(webBase + "/to-the-app"));
    assertThat(redirected.reachable()).isFalse();
    assertThat(redirected.problem()).contains("127.0.0.1, which this client's address policy refuses");

    assertThat(join(api.checkLink("http://localhost:" + web.getAddress().getPort() + "/")).problem())
        .as("a name is checked by the addresses it resolves to").contains("address policy refuses");
  }

  @Test
  void theLinkCheckReadsNoMoreThanItsCapAndOnlyWebUrls() {
    SampleAppClient.Api api = server.client(SampleAppClient::new).api();

    LinkCheck huge = join(api.checkLink(webBase + "/huge"));
    assertThat(huge.bytes()).isEqualTo(-1);
    assertThat(huge.problem()).isEqualTo("larger than 4096 bytes, so not read");

    for (String url : new String[] {"ftp://127.0.0.2/", "file:///etc/passwd", "/relative", "http://", "not a url"}) {
      ProblemException refused = (ProblemException) failure(api.checkLink(url));
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.detail()).isEqualTo("url must be an absolute http or https URL");
    }
  }
}
