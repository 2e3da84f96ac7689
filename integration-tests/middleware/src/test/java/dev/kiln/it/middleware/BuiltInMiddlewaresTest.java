package dev.kiln.it.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.HttpMethod;
import dev.kiln.middleware.Compression;
import dev.kiln.middleware.Cors;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.middleware.RequestId;
import dev.kiln.middleware.SecurityHeaders;
import dev.kiln.middleware.TrailingSlash;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each built-in middleware over a real socket. */
class BuiltInMiddlewaresTest {
  private static TestServer server;
  private static TestServer debugServer;

  @BeforeAll
  static void start() {
    Cors cors = Cors.allowing("https://app.example.com").methods(HttpMethod.GET, HttpMethod.POST)
        .headers("Content-Type", "Authorization").exposedHeaders("X-Request-Id").credentials(true)
        .maxAge(Duration.ofHours(1));
    ErrorPages errors = ErrorPages.builder()
        .onException(IllegalArgumentException.class, (request, e) -> dev.kiln.Response.text(422, "custom: " + e.getMessage()))
        .build();
    server = TestServer.start(BuiltInsApp.router(errors, cors, new RateLimiter(2, 0.001)), s -> s.accessLog(false));
    debugServer = TestServer.start(BuiltInsApp.router(ErrorPages.builder().debug(true).build(), cors,
        new RateLimiter(2, 0.001)), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
    debugServer.close();
  }

  private static TestClient client() {
    return server.client();
  }

  @Test
  void requestIdIsMadeOrKeptEchoedAndInTheLoggingContext() {
    String made = client().get("/small").header("X-Request-Id");
    assertThat(made).matches("[0-9a-f]{32}");
    assertThat(client().get("/small", "X-Request-Id", "abc-123").header("X-Request-Id")).isEqualTo("abc-123");
    assertThat(client().get("/small", "X-Request-Id", "evil value\u00e9").header("X-Request-Id")).matches("[0-9a-f]{32}");
    TestResponse blocking = client().get("/id/blocking", "X-Request-Id", "trace-1");
    assertThat(blocking.text()).isEqualTo("trace-1");
    assertThat(client().get("/id/loop", "X-Request-Id", "trace-2").text()).isEqualTo("trace-2");
  }

  @Test
  void errorsAreProblemDetailsForApiClientsAndPagesForBrowsers() {
    TestResponse json = client().get("/boom", "Accept", "application/json");
    assertThat(json.status()).isEqualTo(500);
    assertThat(json.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(json.text()).isEqualTo(
        "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"instance\":\"/boom\"}");
    TestResponse html = client().get("/boom", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(html.text()).contains("<h1>500 Internal Server Error</h1>").doesNotContain("fire", "IllegalState", "at ");

    TestResponse conflict = client().get("/conflict");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.text()).contains("\"detail\":\"already exists\"");
    TestResponse notAllowed = client().delete("/small", "Accept", "text/html");
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD");
    assertThat(notAllowed.text()).contains("405 Method Not Allowed");
    assertThat(client().get("/nowhere").text()).contains("\"status\":404");
    assertThat(client().get("/bad-argument").text()).isEqualTo("custom: no such thing");
  }

  @Test
  void debugModeShowsTheExceptionTheHandlerFrameAndTheRequest() {
    TestResponse page = debugServer.client().get("/boom", "Accept", "text/html", "X-Trace", "t1");
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.text()).contains("java.lang.IllegalStateException: the database is on fire",
        "class=\"handler\">    at dev.kiln.it.middleware.BuiltInsApp.boom(", "GET /boom", "X-Trace: t1",
        "dev.kiln.it.middleware.BuiltInsApp#boom()");
  }

  @Test
  void securityHeadersAreAddedWithoutOverridingTheHandlers() {
    TestResponse response = client().get("/small");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'self'");
    assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(client().get("/framed").header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(client().get("/nowhere").header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aStreamedBodyIsCompressedAsItIsSent() throws IOException {
    TestResponse gzip = client().get("/streamed-page", "Accept-Encoding", "gzip");
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.header("Content-Length")).isNull(); // compressed on the way: its length is not known first
    assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.bytes())).readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo("<p>" + BuiltInsApp.BIG + "</p>");
    TestResponse identity = client().get("/streamed-page");
    assertThat(identity.header("Content-Encoding")).isNull();
    assertThat(identity.text()).isEqualTo("<p>" + BuiltInsApp.BIG + "</p>");
  }

  @Test
  void compressesWhatTheClientAcceptsAndIsWorthIt() throws IOException {
    TestResponse gzip = client().get("/page", "Accept-Encoding", "gzip, deflate");
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.header("Vary")).contains("Accept-Encoding");
    assertThat(gzip.bytes().length).isLessThan(BuiltInsApp.BIG.length() / 5);
    assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.bytes())).readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo("<p>" + BuiltInsApp.BIG + "</p>");

    TestResponse deflate = client().get("/page", "Accept-Encoding", "gzip;q=0, deflate");
    assertThat(deflate.header("Content-Encoding")).isEqualTo("deflate");
    assertThat(new String(new InflaterInputStream(new ByteArrayInputStream(deflate.bytes())).readAllBytes(),
        StandardCharsets.UTF_8)).startsWith("<p>Kiln");

    assertThat(client().get("/page").header("Content-Encoding")).isNull();
    assertThat(client().get("/small", "Accept-Encoding", "gzip").header("Content-Encoding")).isNull();
    assertThat(client().get("/image", "Accept-Encoding", "gzip").header("Content-Encoding")).isNull();
    assertThat(client().get("/page", "Accept-Encoding", "br").header("Content-Encoding")).isNull();
  }

  @Test
  void malformedPreferenceHeadersNeverFailTheRequest() {
    for (String junk : new String[] {";", ";;;,,,/q=", ",", "gzip;q=", "gzip;q=NaN", "gzip;q=0x1p0", "*;q=-1"}) {
      assertThat(client().get("/page", "Accept-Encoding", junk).status()).as("Accept-Encoding: %s", junk).isEqualTo(200);
      assertThat(client().get("/nowhere", "Accept", junk).status()).as("Accept: %s", junk).isEqualTo(404);
    }
    assertThat(client().get("/page", "Accept-Encoding", "gzip;q=1.5").header("Content-Encoding")).isNull();
  }

  @Test
  void redirectsToTheOtherSlashFormOnlyWhenThatRouteExists() {
    TestResponse toDir = client().get("/dir?x=1");
    assertThat(toDir.status()).isEqualTo(308);
    assertThat(toDir.header("Location")).isEqualTo("/dir/?x=1");
    TestResponse toFile = client().get("/file/");
    assertThat(toFile.status()).isEqualTo(308);
    assertThat(toFile.header("Location")).isEqualTo("/file");
    assertThat(client().get("/nowhere/").status()).isEqualTo(404);
    try (dev.kiln.testing.RawConnection raw = server.raw()) {
      assertThat(raw.send("GET //evil.example HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(404);
    }
  }

  @Test
  void corsAnswersPreflightsAndMarksAllowedResponses() {
    TestResponse preflight = client().send("OPTIONS", "/api/items", "", "Origin", "https://app.example.com",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
    assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");

    assertThat(client().send("OPTIONS", "/api/items", "", "Origin", "https://evil.example",
        "Access-Control-Request-Method", "POST").status()).isEqualTo(403);
    assertThat(client().send("OPTIONS", "/api/items", "", "Origin", "https://app.example.com",
        "Access-Control-Request-Method", "DELETE").status()).isEqualTo(403);

    TestResponse actual = client().get("/api/items", "Origin", "https://app.example.com");
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(actual.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
    assertThat(client().get("/api/items", "Origin", "https://evil.example").header("Access-Control-Allow-Origin"))
        .isNull();
    assertThat(client().get("/small", "Origin", "https://app.example.com").header("Access-Control-Allow-Origin"))
        .isNull(); // outside /api
  }

  @Test
  void rateLimitsEachClient() {
    assertThat(debugServer.client().get("/limited").status()).isEqualTo(200);
    assertThat(debugServer.client().get("/limited").status()).isEqualTo(200);
    TestResponse limited = debugServer.client().get("/limited");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isGreaterThan(100);
    assertThat(debugServer.client().get("/small").status()).isEqualTo(200); // other paths are not limited
  }
}
