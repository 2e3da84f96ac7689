package dev.kiln.toolbar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.jdbi.Database;
import dev.kiln.redis.Redis;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolbar over a socket, on a real (embedded) PostgreSQL and Redis: off outside debug mode and
 * beyond loopback, injected into HTML only with a right Content-Length, a bounded ring, and each
 * panel's data for a request that ran SQL and Redis and logged.
 */
class DebugToolbarTest {
  @TempDir
  static Path data;
  private static Database database;
  private static Redis redis;
  private TestServer server;

  @BeforeAll
  static void services() {
    TestSettingsValues settings = TestSettings.of(Map.of("databaseDirectory", data.resolve("postgres").toString()));
    database = Database.open(settings);
    redis = Redis.open(settings);
  }

  @AfterAll
  static void stopServices() {
    redis.close();
    database.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private DebugToolbar serve(Map<String, String> settings, UnaryOperator<DebugToolbar.Builder> more) {
    TestSettingsValues values = TestSettings.of(settings);
    DebugToolbar toolbar = more.apply(DebugToolbar.builder(ToolbarTestApp.class).settings(values, values::describe)
        .sql().redis().migrations(database)).build();
    server = TestServer.start(ToolbarTestApp.router(toolbar, database, redis), s -> s.app(App.none()).accessLog(false));
    return toolbar;
  }

  private DebugToolbar serveInDebugMode() {
    return serve(Map.of("debug", "true"), UnaryOperator.identity());
  }

  private TestResponse get(String path, String... headers) {
    return server.client().get(path, headers);
  }

  @Test
  void outsideDebugModeThereIsNoToolbar() {
    DebugToolbar toolbar = serve(Map.of(), UnaryOperator.identity());
    assertThat(toolbar.enabled()).isFalse();
    TestResponse page = get("/page");
    assertThat(page.text()).isEqualTo(ToolbarTestApp.PAGE);
    assertThat(page.header(DebugToolbar.HEADER)).isNull();
    assertThat(get(DebugToolbar.PREFIX).status()).isEqualTo(404);
  }

  @Test
  void beyondLoopbackItStaysOffUnlessExplicitlyAllowed() {
    assertThat(serve(Map.of("debug", "true", "host", "0.0.0.0"), UnaryOperator.identity()).enabled()).isFalse();
    assertThat(get("/page").header(DebugToolbar.HEADER)).isNull();
    server.close();
    assertThat(serve(Map.of("debug", "true", "host", "0.0.0.0", "debugToolbarAnyHost", "true"), UnaryOperator.identity())
        .enabled()).isTrue();
    assertThat(get("/page").header(DebugToolbar.HEADER)).startsWith(DebugToolbar.PREFIX + "/requests/");
    server.close();
    assertThat(serve(Map.of("debug", "true", "debugToolbar", "false"), UnaryOperator.identity()).enabled()).isFalse();
  }

  @Test
  void onlyHtmlGetsTheBarAndItsLengthIsRight() {
    serveInDebugMode();
    TestResponse page = get("/page");
    assertThat(page.text()).contains("<h1>Hello, toolbar</h1>").contains("id=\"kiln-debug-toolbar\"")
        .endsWith("</div></body></html>");
    assertThat(Integer.parseInt(page.header("Content-Length"))).isEqualTo(page.bytes().length);
    assertThat(page.text()).contains("href=\"" + page.header(DebugToolbar.HEADER) + "\"");

    TestResponse json = get("/data");
    assertThat(json.text()).as("JSON untouched").isEqualTo("{\"hello\":\"json\"}");
    assertThat(json.header("Content-Length")).isEqualTo("16");
    assertThat(json.header(DebugToolbar.HEADER)).as("but named").startsWith(DebugToolbar.PREFIX + "/requests/");
    assertThat(get("/missing").header(DebugToolbar.HEADER)).as("a 404 is a request too").isNotNull();
  }

  @Test
  void theRingKeepsTheLastRequestsOnly() {
    serve(Map.of("debug", "true", "debugToolbarRequests", "3"), UnaryOperator.identity());
    String[] pages = new String[5];
    for (int i = 0; i < 5; i++) {
      pages[i] = get("/data").header(DebugToolbar.HEADER);
    }
    assertThat(get(pages[0]).status()).isEqualTo(404);
    assertThat(get(pages[1]).status()).isEqualTo(404);
    for (int i = 2; i < 5; i++) {
      assertThat(get(pages[i]).status()).isEqualTo(200);
    }
    String index = get(DebugToolbar.PREFIX).text();
    assertThat(index.split("<tr>", -1)).as("a header row and three requests").hasSize(5);
  }

  @Test
  void aRequestsPageShowsItsRouteChainSqlRedisLogsTimingAndResponse() {
    serveInDebugMode();
    TestResponse worked = get("/work/anvil?depth=3", "Cookie", "kiln_session=very-secret-value; theme=dark");
    assertThat(worked.status()).isEqualTo(200);
    String page = get(worked.header(DebugToolbar.HEADER)).text();
    assertThat(page).contains("GET /work/anvil?depth=3");
    assertThat(page).contains("<th>query values</th><td>depth = 3</td>");
    assertThat(page).contains("kiln_session=(hidden); theme=dark").doesNotContain("very-secret-value");
    assertThat(page).contains("work").contains("GET /work/{item}")
        .contains("dev.kiln.toolbar.ToolbarTestApp#work(java.lang.String)")
        .contains("dev.kiln.toolbar.ToolbarTestApp_Endpoints#work").contains("item = anvil")
        .contains("blocking, on the blocking executor");
    assertThat(page).contains("<li>dev.kiln.middleware.RequestId</li><li>dev.kiln.session.Sessions</li><li>dev.kiln.toolbar.DebugToolbar</li>");
    assertThat(page).as("each middleware's time").containsPattern("<tr><td>dev.kiln.middleware.RequestId</td><td>[0-9.]+</td><td>[0-9.-]+</td></tr>")
        .containsPattern("<tr><td>dev.kiln.session.Sessions</td><td>[0-9.]+</td>")
        .containsPattern("<tr><td>dev.kiln.toolbar.DebugToolbar</td><td>[0-9.]+</td><td>— \\(with the handler\\)</td>");
    assertThat(page).contains("<summary>SQL (2)</summary>").contains("select 1 where :item &lt;&gt; &#39;&#39;")
        .contains("ran more than once").doesNotContain(">anvil<");
    assertThat(page).as("each query's rows, and its text value hidden")
        .containsPattern("<td>item = \\(hidden, \\d+ characters\\)</td><td>[0-9.]+</td><td>1</td>");
    assertThat(page).contains("<summary>Redis (2)</summary>").contains("<td>INCR</td>")
        .contains("<td>PUBLISH</td><td>work-done</td>");
    assertThat(page).containsPattern("<summary>Logs \\([1-9]\\d*\\)</summary>")
        .contains("INFO dev.kiln.toolbar.ToolbarTestApp — worked on anvil: 1 and ");
    assertThat(page).contains("ms on the handler&#39;s thread");
    assertThat(page).containsPattern("<th>status</th><td>200</td>");
  }

  @Test
  void theAppsRoutesSettingsAndVersionsHavePages() {
    serveInDebugMode();
    assertThat(get(DebugToolbar.PREFIX + "/routes").text()).contains("/work/{item}")
        .contains("dev.kiln.middleware.RequestId, dev.kiln.session.Sessions, dev.kiln.toolbar.DebugToolbar");
    assertThat(get(DebugToolbar.PREFIX + "/settings").text()).contains("debug").contains("true");
    assertThat(get(DebugToolbar.PREFIX + "/versions").text()).contains("JDK").contains("Netty");
    assertThat(get(DebugToolbar.PREFIX + "/toolbar.css").header("Content-Type")).startsWith("text/css");
  }

  @Test
  void theSessionPanelShowsTheValuesBeforeAndAfterAndWhatWasWritten() {
    serveInDebugMode();
    String first = get("/visit").header(DebugToolbar.HEADER);
    TestResponse second = get("/visit");
    assertThat(second.text()).isEqualTo("visit 2");
    String page = get(second.header(DebugToolbar.HEADER)).text();
    assertThat(page).contains("<summary>Session</summary>").contains("written: changed")
        .contains("<tr><td>visits</td><td><code>1</code></td><td><code>2</code></td></tr>");
    assertThat(get(first).text()).contains("written: a new session");
    assertThat(get(get("/data").header(DebugToolbar.HEADER)).text()).contains("not written: unchanged");
  }

  @Test
  void theRoutePanelSaysWhetherValidationPassed() {
    serveInDebugMode();
    TestResponse refused = get("/greet?name=al");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(get(refused.header(DebugToolbar.HEADER)).text()).contains("<th>validation</th><td>failed: ")
        .contains("Size");
    assertThat(get(get("/greet?name=ada").header(DebugToolbar.HEADER)).text())
        .contains("<th>validation</th><td>passed, or nothing to check</td>");
  }

  @Test
  void theMigrationsPageListsWhatFlywayApplied() {
    serveInDebugMode();
    assertThat(get(DebugToolbar.PREFIX + "/migrations").text()).contains("<td>1</td><td>1</td><td>things</td>")
        .contains("applied");
  }

  @Test
  void redirectsCanBeHeldForTheDeveloper() {
    serve(Map.of("debug", "true"), b -> b.interceptRedirects(true));
    TestResponse held = get("/elsewhere", "Accept", "text/html");
    assertThat(held.status()).isEqualTo(200);
    assertThat(held.text()).contains("redirected to <a id=\"redirect\" href=\"/page\">");
    TestResponse api = get("/elsewhere", "Accept", "application/json");
    assertThat(api.status()).as("API clients get the redirect itself").isEqualTo(303);
  }

  @Test
  void theToolbarsOwnPagesEscapeWhatTheyShow() {
    serveInDebugMode();
    String named = get("/work/%3Cscript%3E").header(DebugToolbar.HEADER);
    assertThat(get(named).text()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(new String(get(DebugToolbar.PREFIX).bytes(), StandardCharsets.UTF_8)).doesNotContain("<script>");
  }
}
