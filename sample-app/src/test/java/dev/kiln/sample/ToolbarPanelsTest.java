package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import dev.kiln.toolbar.DebugToolbar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debug toolbar on the sample app in debug mode, over a socket: a page's request shows its SQL
 * and its template, an API write's shows its SQL and the PUBLISH of its project event, and outside
 * debug mode none of it exists.
 */
class ToolbarPanelsTest {
  @TempDir
  static Path data;
  private static TestServer server;

  @BeforeAll
  static void start() {
    App app = SampleApp.app(SampleAppTest.settings(data, Map.of("debug", "true")));
    server = TestServer.start(SampleApp.router(app), s -> s.app(app).accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String pageOf(TestResponse response) {
    String page = response.header(DebugToolbar.HEADER);
    assertThat(page).as("named in %s", DebugToolbar.HEADER).startsWith(DebugToolbar.PREFIX + "/requests/");
    return server.client().get(page).text();
  }

  @Test
  void aPagesRequestShowsItsSqlAndItsTemplate() {
    TestResponse projects = server.client().get("/projects");
    assertThat(projects.text()).contains("id=\"kiln-debug-toolbar\"");
    String page = pageOf(projects);
    assertThat(page).contains("<summary>SQL (1)</summary>").containsIgnoringCase("from projects");
    assertThat(page).contains("<summary>Templates (1)</summary>").contains("<td>projects.jte</td>");
    assertThat(page).contains("dev.kiln.sample.views.ProjectPages#projects(dev.kiln.session.Session)");
    assertThat(page).contains("<summary>Session</summary>");
  }

  @Test
  void anApiWritesRequestShowsItsSqlAndItsPublish() {
    TestResponse created = server.client().postJson("/api/projects", Map.of("name", "Toolbar", "slug", "toolbar"),
        "X-Api-Key", "secret");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String page = pageOf(created);
    assertThat(page).containsIgnoringCase("insert into projects");
    assertThat(page).contains("<td>PUBLISH</td><td>projects</td>");
    assertThat(page).contains("dev.kiln.jdbi.Transactional");
  }
}
