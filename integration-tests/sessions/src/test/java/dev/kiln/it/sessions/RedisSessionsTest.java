package dev.kiln.it.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.redis.Redis;
import dev.kiln.redis.RedisSessionStore;
import dev.kiln.session.Sessions;
import dev.kiln.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store over a socket, with two instances of the app sharing one (embedded, real) Redis:
 * a session made on one is used on the other, login replaces the id, logout deletes the session so
 * that a request in flight cannot write it back, and two concurrent writers of different values both
 * keep their change.
 */
class RedisSessionsTest {
  private static final SessionsTestApp APP = new SessionsTestApp();
  private static Redis redisA;
  private static Redis redisB;
  private static TestServer serverA;
  private static TestServer serverB;
  private Browser browser;

  @BeforeAll
  static void start() {
    redisA = Redis.open(TestSettings.of(Map.of()));                              // starts the embedded Redis
    redisB = Redis.open(TestSettings.of(Map.of("redisUrl", redisA.url())));      // a second client of it
    serverA = TestServer.start(APP.router(Sessions.builder(RedisSessionStore.of(redisA)).build()), s -> s.accessLog(false));
    serverB = TestServer.start(APP.router(Sessions.builder(RedisSessionStore.of(redisB)).build()), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    serverA.close();
    serverB.close();
    redisB.close();
    redisA.close();
  }

  @BeforeEach
  void newBrowser() {
    browser = new Browser(serverA.port(), "kiln_session");
    APP.held = new CountDownLatch(1);
    APP.gate = new CountDownLatch(1);
  }

  private static boolean stored(String id) {
    return redisA.sync().exists("kiln:session:" + id) == 1;
  }

  @Test
  void theCookieHoldsARandomIdAndRedisTheValuesWithTheIdleLifetime() {
    browser.get("/count");
    String id = browser.cookie();
    assertThat(id).matches("[A-Za-z0-9_-]{22}");
    assertThat(redisA.sync().hget("kiln:session:" + id, "count")).isEqualTo("1");
    assertThat(redisA.sync().ttl("kiln:session:" + id)).isBetween(1700L, 1800L);
    assertThat(new Browser(serverA.port(), "kiln_session").get("/count").headers().firstValue("Set-Cookie").orElseThrow())
        .doesNotContain(id);
  }

  @Test
  void aSessionMadeOnOneInstanceIsUsedOnTheOther() {
    String token = browser.get("/token").body();
    browser.post("/login?user=grace", "", "X-CSRF-Token", token);
    assertThat(browser.get("/count").body()).isEqualTo("1");
    Browser onB = browser.at(serverB.port());
    assertThat(onB.get("/whoami").body()).isEqualTo("grace");
    assertThat(onB.get("/count").body()).isEqualTo("2");
    assertThat(browser.at(serverA.port()).get("/count").body()).isEqualTo("3");
  }

  @Test
  void loginDeletesTheOldIdSoAPlantedOneIsWorthNothing() {
    String token = browser.get("/token").body();
    String planted = browser.cookie();
    assertThat(stored(planted)).isTrue();
    browser.post("/login?user=ada", "", "X-CSRF-Token", token);
    assertThat(browser.cookie()).as("a new id at login").isNotEqualTo(planted);
    assertThat(stored(planted)).as("the old id is deleted").isFalse();
    Browser attacker = new Browser(serverA.port(), "kiln_session");
    attacker.cookie(planted);
    assertThat(attacker.get("/whoami").body()).isEqualTo("anonymous");
    assertThat(browser.get("/whoami").body()).isEqualTo("ada");
  }

  @Test
  void aRequestInFlightDuringLogoutDoesNotBringTheSessionBack() throws Exception {
    String token = browser.get("/token").body();
    browser.post("/login?user=ada", "", "X-CSRF-Token", token);
    String id = browser.cookie();
    token = browser.get("/token").body();
    Browser slowTab = browser.at(serverB.port());
    CompletableFuture<HttpResponse<String>> inFlight = slowTab.send("GET", "/held/late?value=written", null);
    assertThat(APP.held.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> logout = browser.post("/logout", "", "X-CSRF-Token", token);
    assertThat(logout.body()).isEqualTo("bye");
    assertThat(stored(id)).isFalse();

    APP.gate.countDown();
    HttpResponse<String> late = Browser.join(inFlight);
    assertThat(late.body()).isEqualTo("held");
    assertThat(late.headers().firstValue("Set-Cookie")).as("the refused write sets no cookie").isEmpty();
    assertThat(stored(id)).as("the logged-out session stays deleted").isFalse();
    Browser replay = new Browser(serverA.port(), "kiln_session");
    replay.cookie(id);
    assertThat(replay.get("/whoami").body()).isEqualTo("anonymous");
    assertThat(replay.get("/value/late").body()).isEqualTo("none");
  }

  @Test
  void twoConcurrentWritersOfDifferentValuesBothKeepTheirChange() throws Exception {
    browser.get("/count");
    APP.held = new CountDownLatch(2);
    CompletableFuture<HttpResponse<String>> first = browser.send("GET", "/held/colour?value=blue", null);
    CompletableFuture<HttpResponse<String>> second = browser.at(serverB.port()).send("GET", "/held/size?value=large", null);
    assertThat(APP.held.await(10, TimeUnit.SECONDS)).as("both requests hold the session as loaded").isTrue();
    APP.gate.countDown();
    assertThat(Browser.join(first).body()).isEqualTo("held");
    assertThat(Browser.join(second).body()).isEqualTo("held");
    assertThat(browser.get("/value/colour").body()).isEqualTo("blue");
    assertThat(browser.get("/value/size").body()).isEqualTo("large");
    assertThat(browser.get("/peek").body()).as("and the value neither touched").isEqualTo("1");
  }

  @Test
  void aCookieNamingNoStoredSessionGivesAFreshOne() {
    browser.cookie("AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(browser.get("/count").body()).isEqualTo("1");
    assertThat(browser.cookie()).isNotEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    browser.cookie("../../etc/passwd");
    assertThat(browser.get("/count").body()).isEqualTo("1");
  }
}
