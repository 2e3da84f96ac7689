package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.redis.Redis;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.net.HttpCookie;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's {@code auth/} over a socket, on its real PostgreSQL and Redis: register, sign in with
 * the session id replaced, pages and the API that need a user (a redirect for browsers, 401 for API
 * clients), a bounded number of attempts per email, and sign-out ending the session in Redis.
 */
class SignInTest {
  private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
  @TempDir
  static Path data;
  private static App app;
  private static TestServer server;

  @BeforeAll
  static void serve() {
    app = SampleApp.app(SampleAppTest.settings(data, Map.of("sessionCookieSecure", "false")));
    server = TestServer.start(SampleApp.router(app), s -> s.app(app).accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A browser of its own: a client with an empty cookie jar. */
  private static TestClient browser() {
    return server.newClient();
  }

  private static String sessionId(TestClient client) {
    return client.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("kiln_session"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private static TestResponse post(TestClient client, String path, String page, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", SampleAppTest.csrfToken(client.get(page, "Accept", HTML).text()));
    form.putAll(fields);
    return client.postForm(path, form, "Accept", HTML);
  }

  private static TestClient registered(String email) {
    TestClient client = browser();
    TestResponse registered = post(client, "/register", "/register",
        Map.of("email", email, "displayName", "Ada", "password", "correct horse battery"));
    assertThat(registered.status()).as(registered.text()).isEqualTo(303);
    assertThat(registered.header("Location")).isEqualTo("/account");
    return client;
  }

  @Test
  void registeringSignsInAndTheAccountPageAndTheApiKnowTheUser() {
    TestClient client = registered("ada@example.org");
    TestResponse account = client.get("/account", "Accept", HTML);
    assertThat(account.status()).isEqualTo(200);
    assertThat(account.text()).contains("<h1 id=\"account\">Ada</h1>").contains("ada@example.org")
        .contains("Welcome, Ada.");
    assertThat(client.get("/account", "Accept", HTML).text()).as("a flash is shown once").doesNotContain("Welcome");
    TestResponse me = client.get("/auth/api/me", "Accept", "application/json");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json(Map.class)).containsEntry("email", "ada@example.org").containsEntry("displayName", "Ada");
  }

  @Test
  void anonymousBrowsersAreSentToSignInAndApiClientsGet401() {
    TestResponse page = browser().get("/account", "Accept", HTML);
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/login?next=%2Faccount");
    TestResponse api = browser().get("/auth/api/me", "Accept", "application/json");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void signingInReplacesTheSessionIdAndReturnsToTheAskedPage() {
    registered("grace@example.org");
    TestClient client = browser();
    assertThat(client.get("/login?next=/account", "Accept", HTML).status()).isEqualTo(200);
    String before = sessionId(client);
    assertThat(before).as("the sign-in form's session, for its CSRF token").isNotNull();
    TestResponse signedIn = post(client, "/login", "/login",
        Map.of("email", "GRACE@example.org", "password", "correct horse battery", "next", "/account"));
    assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/account");
    assertThat(sessionId(client)).as("a new id at sign-in").isNotEqualTo(before);
    assertThat(app.get(Redis.KEY).sync().exists("kiln:session:" + before)).as("the old id is deleted").isZero();
    assertThat(client.get("/account", "Accept", HTML).text()).contains("Welcome back, Ada.");
  }

  @Test
  void aNextThatLeavesTheSiteIsIgnored() {
    registered("linus@example.org");
    TestClient client = browser();
    TestResponse signedIn = post(client, "/login", "/login",
        Map.of("email", "linus@example.org", "password", "correct horse battery", "next", "//evil.example/x"));
    assertThat(signedIn.header("Location")).isEqualTo("/account");
  }

  @Test
  void aWrongPasswordIsRefusedAndAttemptsPerEmailAreBounded() {
    registered("alan@example.org");
    TestClient client = browser();
    for (int i = 0; i < 5; i++) {
      TestResponse wrong = post(client, "/login", "/login", Map.of("email", "alan@example.org", "password", "guess " + i));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.text()).contains("That email and password do not match.");
    }
    TestResponse limited = post(client, "/login", "/login",
        Map.of("email", "alan@example.org", "password", "correct horse battery"));
    assertThat(limited.status()).as("even the right password, once the attempts are spent").isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(limited.text()).contains("Too many attempts");
    assertThat(post(browser(), "/login", "/login", Map.of("email", "nobody@example.org", "password", "x")).status())
        .as("another email is not limited by this one").isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSessionInRedis() {
    TestClient client = registered("barbara@example.org");
    String id = sessionId(client);
    assertThat(app.get(Redis.KEY).sync().exists("kiln:session:" + id)).isOne();
    TestResponse out = post(client, "/logout", "/account", Map.of());
    assertThat(out.status()).isEqualTo(303);
    assertThat(app.get(Redis.KEY).sync().exists("kiln:session:" + id)).as("deleted, not only forgotten").isZero();
    assertThat(client.get("/account", "Accept", HTML).status()).isEqualTo(303);
    assertThat(client.get("/", "Accept", HTML).status()).isEqualTo(200);
  }

  @Test
  void signingOutNeedsTheToken() {
    TestClient client = registered("edsger@example.org");
    TestResponse forged = client.postForm("/logout", Map.of(), "Accept", HTML);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(client.get("/account", "Accept", HTML).status()).as("still signed in").isEqualTo(200);
  }
}
