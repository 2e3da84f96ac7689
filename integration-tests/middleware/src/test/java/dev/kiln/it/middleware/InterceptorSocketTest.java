package dev.kiln.it.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.middleware.Cors;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An interceptor runs on the handler's own thread, around the call, and sees what a handler throws. */
class InterceptorSocketTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(BuiltInsApp.router(ErrorPages.builder().build(), Cors.allowing("https://app.example.com"),
        new RateLimiter(100, 100)), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Answers {@code path} with the thread the interceptor and then the handler ran on: the same one, named {@code threadPrefix...}. */
  private static void interceptedOnTheHandlersThread(String path, String threadPrefix) {
    TestResponse response = server.client().get(path);
    assertThat(response.status()).isEqualTo(200);
    String thread = response.header("X-Intercepted-On");
    assertThat(thread).startsWith(threadPrefix);
    assertThat(response.text()).isEqualTo(thread + " after " + thread); // entered before the call, left after it
  }

  @Test
  void aBlockingHandlersInterceptorRunsOnTheBlockingExecutorAroundTheCall() {
    interceptedOnTheHandlersThread("/intercepted/blocking", "kiln-blocking-");
  }

  @Test
  void aNonBlockingHandlersInterceptorRunsOnTheEventLoopAroundTheCall() {
    interceptedOnTheHandlersThread("/intercepted/loop", "kiln-loop");
  }

  @Test
  void anInterceptorSeesAFailingHandlersExceptionWhichStillBecomesTheErrorAnswer() {
    TestResponse response = server.client().get("/intercepted/failing", "Accept", "application/json");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.text()).doesNotContain("ledger");
    assertThat(CallRecorder.FAILURES).contains("/intercepted/failing: the ledger is locked");
  }

  @Test
  void routesOutsideItsScopeAreNotIntercepted() {
    assertThat(server.client().get("/small").header("X-Intercepted-On")).isNull();
  }
}
