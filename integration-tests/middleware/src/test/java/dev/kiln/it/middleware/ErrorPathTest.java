package dev.kiln.it.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.middleware.Cors;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One error path, in the sample app's middleware order (ErrorPages 20, SecurityHeaders 30): every
 * error answer, whatever made it, passes out through the middlewares as a response, and what the
 * server refuses itself once a request is routed gets the app's pages like a handler's error.
 */
class ErrorPathTest {
  private static final String JSON = "application/json";
  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static TestServer server;

  @BeforeAll
  static void start() {
    ErrorPages pages = ErrorPages.builder()
        .onStatus(408, (request, response) -> dev.kiln.Response.html("<h1>Too slow, " + request.path() + "</h1>")
            .withStatus(408))
        .build();
    server = TestServer.start(BuiltInsApp.router(pages, Cors.allowing("https://app.example.com"), new RateLimiter(100, 100)),
        s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The headers {@code SecurityHeaders} adds, on an answer it saw. */
  private static void secured(String what, String contentSecurityPolicy, String frameOptions, String noSniff) {
    assertThat(noSniff).as(what + ": X-Content-Type-Options").isEqualTo("nosniff");
    assertThat(frameOptions).as(what + ": X-Frame-Options").isEqualTo("DENY");
    assertThat(contentSecurityPolicy).as(what + ": Content-Security-Policy").contains("default-src 'self'");
  }

  private static void secured(String what, TestResponse response) {
    secured(what, response.header("Content-Security-Policy"), response.header("X-Frame-Options"),
        response.header("X-Content-Type-Options"));
  }

  private static void secured(String what, RawResponse response) {
    secured(what, response.header("Content-Security-Policy"), response.header("X-Frame-Options"),
        response.header("X-Content-Type-Options"));
  }

  @Test
  void aHeaderMiddlewareSeesEveryErrorAnswerInItsScope() {
    for (String accept : new String[] {JSON, BROWSER}) {
      TestResponse thrown = server.client().get("/conflict", "Accept", accept);
      assertThat(thrown.status()).isEqualTo(409);
      secured("a thrown HttpError for " + accept, thrown);
      TestResponse badQuery = server.client().get("/count?n=many", "Accept", accept);
      assertThat(badQuery.status()).isEqualTo(400);
      secured("a binding 400 for " + accept, badQuery);
      TestResponse wrongType = server.client().send("POST", "/things", "text/plain", "name=x".getBytes(), "Accept", accept);
      assertThat(wrongType.status()).isEqualTo(415);
      secured("a 415 for " + accept, wrongType);
      TestResponse invalid = server.client().send("POST", "/things", JSON, "{\"name\":\" \"}".getBytes(), "Accept", accept);
      assertThat(invalid.status()).isEqualTo(422);
      secured("a 422 for " + accept, invalid);
      TestResponse missing = server.client().get("/nowhere", "Accept", accept);
      assertThat(missing.status()).isEqualTo(404);
      secured("a 404 for " + accept, missing);
      TestResponse wrongMethod = server.client().send("DELETE", "/small", "", "Accept", accept);
      assertThat(wrongMethod.status()).isEqualTo(405);
      secured("a 405 for " + accept, wrongMethod);
      TestResponse failed = server.client().get("/boom", "Accept", accept);
      assertThat(failed.status()).isEqualTo(500);
      secured("a handler's exception for " + accept, failed);
    }
  }

  @Test
  void aBodyOverTheRouteLimitIsTheAppsOwn413() {
    try (RawConnection connection = server.raw()) {
      RawResponse json = connection.send("POST /tiny HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\n").read();
      assertThat(json.status()).isEqualTo(413);
      assertThat(json.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(json.body()).contains("\"status\":413", "request body larger than 8 bytes", "\"instance\":\"/tiny\"");
      secured("a 413 for JSON", json);
      assertThat(connection.isClosedByServer()).isTrue(); // the body was never read
    }
    try (RawConnection connection = server.raw()) {
      RawResponse page = connection.send("POST /tiny HTTP/1.1\r\nHost: x\r\nAccept: " + BROWSER + "\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n20\r\n" + "x".repeat(32) + "\r\n0\r\n\r\n").read();
      assertThat(page.status()).isEqualTo(413);
      assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(page.body()).contains("<h1>413 ", "request body larger than 8 bytes");
      secured("a 413 for a browser", page);
    }
  }

  @Test
  void aBodyThatStopsComingIsTheAppsOwn408() {
    try (RawConnection connection = server.raw()) {
      RawResponse json = connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
          + "Content-Length: 100\r\n\r\nonly part").read();
      assertThat(json.status()).isEqualTo(408);
      assertThat(json.body()).isEqualTo("<h1>Too slow, /upload</h1>"); // the app's page for 408
      secured("a 408", json);
    }
  }

  @Test
  void aHandlerPastItsTimeoutIsTheAppsOwn503() {
    BuiltInsApp.stuck = new CountDownLatch(1);
    try (RawConnection json = server.raw(); RawConnection browser = server.raw()) {
      RawResponse problem = json.send("GET /stuck HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n").read();
      assertThat(problem.status()).isEqualTo(503);
      assertThat(problem.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(problem.body()).contains("\"status\":503", "request timed out");
      secured("a 503 for JSON", problem);
      RawResponse page = browser.send("GET /stuck HTTP/1.1\r\nHost: x\r\nAccept: " + BROWSER + "\r\n\r\n").read();
      assertThat(page.status()).isEqualTo(503);
      assertThat(page.body()).contains("<h1>503 Service Unavailable</h1>");
      secured("a 503 for a browser", page);
      assertThat(json.isClosedByServer()).isTrue(); // the handler may still answer late: not on this connection
    } finally {
      BuiltInsApp.stuck.countDown();
    }
  }

  @Test
  void aHeadTheServerCannotParseGetsTheDefaultPageForItsAccept() {
    try (RawConnection connection = server.raw()) {
      RawResponse json = connection.send("GET /small HTTP/1.1\r\nHost: a b\r\nAccept: application/json\r\n\r\n").read();
      assertThat(json.status()).isEqualTo(400);
      assertThat(json.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(json.body()).contains("malformed Host header");
    }
    try (RawConnection connection = server.raw()) {
      RawResponse page = connection.send("BREW /small HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n").read();
      assertThat(page.status()).isEqualTo(501);
      assertThat(page.body()).contains("<h1>501 Not Implemented</h1>");
    }
  }
}
