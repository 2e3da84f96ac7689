package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.internal.routing.InMemory;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Route conditions (host, headers, consumes, produces): compiled into the table, taken into account
 * by conflict detection, and answered 415, 406 or 404 when a path and method match but no route's
 * conditions do. Bodies read forms only where the route consumes them.
 */
class RouteConditionsTest {
  private static final JavaFileObject APP = Compilations.source("""
      package rc;
      @dev.kiln.Application
      public final class RcApp {}
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package rc;
      import dev.kiln.*;
      import java.util.List;
      public final class Views {
        public record Note(String title) {}

        @Route(method = HttpMethod.POST, path = "/notes", consumes = Route.JSON)
        public String fromJson(@Body Note note) { return "json:" + note.title(); }

        @Route(method = HttpMethod.POST, path = "/notes", consumes = Route.FORM)
        public String fromForm(@Body Note note) { return "form:" + note.title(); }

        @Route(method = HttpMethod.POST, path = "/plain")
        public String plain(@Body Note note) { return "plain:" + note.title(); }

        @Route(path = "/report", produces = Route.HTML)
        public Response page() { return Response.html("<p>report</p>"); }

        @Route(path = "/report", produces = {Route.JSON, "application/xml"})
        public List<String> data() { return List.of("report"); }

        @Route(path = "/feed", produces = "text/csv")
        public String csv() { return "a,b"; }

        @Route(path = "/feed")
        public String anything() { return "anything"; }

        @Route(path = "/api/version", headers = "X-Api-Version=2")
        public String v2() { return "v2"; }

        @Route(path = "/api/version")
        public String v1() { return "v1"; }

        @Route(path = "/admin", host = "admin.example.com")
        public String admin() { return "admin"; }

        @Route(path = "/site/{page}", host = {"example.com", "www.example.com"})
        public String sitePage(String page) { return "site:" + page; }

        @Route(path = "/site/{rest:.*}")
        public String anyPage(String rest) { return "any:" + rest; }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package rc;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() { return RcAppRoutes.create(); }
      }
      """);

  private static GeneratedApp app() {
    return GeneratedApp.compile("rc.Fixture", APP, VIEWS, FIXTURE);
  }

  private static Response post(GeneratedApp app, String path, String type, String body) {
    InMemory.Builder request = InMemory.request(HttpMethod.POST, path).body(body);
    if (type != null) {
      request.header("Content-Type", type);
    }
    return app.call(request.build());
  }

  private static Response get(GeneratedApp app, String path, String header, String value) {
    return app.call(InMemory.request(HttpMethod.GET, path).header(header, value).build());
  }

  @Test
  void routesThatDifferOnlyInWhatTheyConsumeEachTakeTheirBodies() {
    GeneratedApp app = app();
    assertThat(post(app, "/notes", "application/json", "{\"title\": \"a\"}").bodyText()).isEqualTo("json:a");
    assertThat(post(app, "/notes", "application/x-www-form-urlencoded", "title=b").bodyText()).isEqualTo("form:b");
    assertThat(post(app, "/notes", "application/problem+json", "{\"title\": \"c\"}").bodyText()).isEqualTo("json:c");
    Response csv = post(app, "/notes", "text/csv", "x");
    assertThat(csv.status()).isEqualTo(415);
    assertThat(csv.bodyText()).contains("Content-Type text/csv is not accepted by POST /notes; send "
        + "application/json or application/x-www-form-urlencoded");
  }

  /** A JSON API with cookie auth must not take the form a cross-site page can post without asking. */
  @Test
  void aBodyRecordReadsJsonOnlyUnlessTheRouteConsumesForms() {
    GeneratedApp app = app();
    assertThat(post(app, "/plain", "application/json", "{\"title\": \"a\"}").bodyText()).isEqualTo("plain:a");
    Response form = post(app, "/plain", "application/x-www-form-urlencoded", "title=a");
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.bodyText()).contains("send application/json");
    assertThat(post(app, "/plain", "multipart/form-data; boundary=x", "--x--").status()).isEqualTo(415);
  }

  @Test
  void acceptChoosesAmongTheRoutesOfOnePathAndResponsesSayTheyVary() {
    GeneratedApp app = app();
    Response html = get(app, "/report", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(html.bodyText()).isEqualTo("<p>report</p>");
    assertThat(html.header("Vary")).isEqualTo("Accept");
    Response json = get(app, "/report", "Accept", "application/json");
    assertThat(json.bodyText()).isEqualTo("[\"report\"]");
    assertThat(json.header("Vary")).isEqualTo("Accept");
    assertThat(get(app, "/report", "Accept", "text/html;q=0.5, application/*").bodyText()).isEqualTo("[\"report\"]");
    assertThat(get(app, "/report", "Accept", "application/json;q=0.1, text/*;q=0.2").bodyText()).isEqualTo("<p>report</p>");
    Response none = get(app, "/report", "Accept", "image/png");
    assertThat(none.status()).isEqualTo(406);
    assertThat(none.bodyText()).contains("Accept names none of the types GET /report produces: text/html, "
        + "application/json or application/xml");
    assertThat(get(app, "/report", "Accept", "text/html;q=0").status()).isEqualTo(406);
    // Without Accept, the route listed first takes it.
    assertThat(app.get("/report").bodyText()).isEqualTo("<p>report</p>");
  }

  @Test
  void aRouteWithoutProducesTakesWhatNoTypedRouteSuits() {
    GeneratedApp app = app();
    assertThat(get(app, "/feed", "Accept", "text/csv").bodyText()).isEqualTo("a,b");
    assertThat(get(app, "/feed", "Accept", "application/json").bodyText()).isEqualTo("anything");
    assertThat(app.get("/feed").bodyText()).isEqualTo("a,b");
  }

  @Test
  void aHeaderValueNarrowsARouteAndTheOtherTakesTheRest() {
    GeneratedApp app = app();
    Response v2 = get(app, "/api/version", "X-Api-Version", "2");
    assertThat(v2.bodyText()).isEqualTo("v2");
    assertThat(v2.header("Vary")).isEqualTo("x-api-version");
    assertThat(get(app, "/api/version", "X-Api-Version", "3").bodyText()).isEqualTo("v1");
    assertThat(app.get("/api/version").bodyText()).isEqualTo("v1");
  }

  @Test
  void anUnmetHostIsA404AndLessSpecificPathsStillGetTheirTurn() {
    GeneratedApp app = app();
    assertThat(get(app, "/admin", "Host", "admin.example.com:8443").bodyText()).isEqualTo("admin");
    assertThat(get(app, "/admin", "Host", "ADMIN.example.com").bodyText()).isEqualTo("admin");
    assertThat(get(app, "/admin", "Host", "example.com").status()).isEqualTo(404);
    assertThat(app.get("/admin").status()).isEqualTo(404);
    assertThat(get(app, "/site/about", "Host", "www.example.com").bodyText()).isEqualTo("site:about");
    assertThat(get(app, "/site/about", "Host", "elsewhere.org").bodyText()).isEqualTo("any:about");
  }

  @Test
  void theTableListsEachRoutesConditions() {
    GeneratedApp app = app();
    String routes = Compilations.generatedSource(app.compilation, "rc.RcAppRoutes");
    assertThat(routes).contains(".consumes(\"application/json\")", ".produces(\"application/json\", \"application/xml\")",
        ".header(\"x-api-version\", \"2\")", ".host(\"example.com\", \"www.example.com\")",
        "if (match.choose(postNotesChoice))");
    assertThat(app.router.routes()).anySatisfy(route ->
        assertThat(route.toString()).isEqualTo("GET /admin [host=admin.example.com]"));
  }

  @Test
  void routesWhoseConditionsDifferDoNotConflictButTheSameConditionsStillDo() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/x", produces = Route.JSON)
          public String a() { return ""; }

          @Route(produces = Route.JSON,
              path = "/x")
          public String b() { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict] GET /x [produces=application/json] (Views#a) "
        + "and GET /x [produces=application/json] (Views#b) have the same path and the same conditions; change one "
        + "path or method, or tell them apart by a condition no request meets for both")
        .inFile(views).onLineContaining("path = \"/x\")");
  }

  @Test
  void conditionsARequestCanMeetTogetherWithNeitherIncludingTheOtherConflict() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/y", headers = "X-A=1")
          public String a() { return ""; }

          @Route(path = "/y", headers = "X-B")
          public String b() { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("a request can meet the conditions of both while neither includes "
        + "the other's").inFile(views).onLineContaining("headers = \"X-B\"");
  }

  @Test
  void differentHostsLetOverlappingPathsCoexist() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/z/{id:\\\\d+}", host = "a.example")
          public String a(String id) { return "a"; }

          @Route(path = "/z/{id:[0-9a-f]+}", host = "b.example")
          public String b(String id) { return "b"; }
        }
        """);
    assertThat(Compilations.compile(APP, views)).succeeded();
    JavaFileObject sameHost = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/z/{id:\\\\d+}", host = "a.example")
          public String a(String id) { return "a"; }

          @Route(path = "/z/{id:[0-9a-f]+}", host = "a.example")
          public String b(String id) { return "b"; }
        }
        """);
    assertThat(Compilations.compileAllowingWarnings(APP, sameHost)).hadErrorContaining("[Kiln/RouteConflict]");
  }

  @Test
  void aClassCanSetConditionsForItsRoutes() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        @Routes(prefix = "/api", consumes = Route.JSON)
        public final class Views {
          public record Note(String title) {}

          @Route(method = HttpMethod.POST, path = "/notes")
          public String add(@Body Note note) { return note.title(); }

          @Route(method = HttpMethod.POST, path = "/raw", consumes = "text/plain")
          public String raw(Request request) { return request.text(); }
        }
        """);
    JavaFileObject fixture = Compilations.source("""
        package rc;
        public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
          public dev.kiln.Router get() { return RcAppRoutes.create(); }
        }
        """);
    GeneratedApp app = GeneratedApp.compile("rc.Fixture", APP, views, fixture);
    assertThat(post(app, "/api/notes", "application/json", "{\"title\": \"t\"}").bodyText()).isEqualTo("t");
    assertThat(post(app, "/api/notes", "text/plain", "t").status()).isEqualTo(415);
    assertThat(post(app, "/api/raw", "text/plain", "hello").bodyText()).isEqualTo("hello");
    assertThat(post(app, "/api/raw", "application/json", "{}").status()).isEqualTo(415);
  }

  @Test
  void malformedConditionsAreErrorsOnTheValueThatIsWrong() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/a", consumes = {"application/json",
              "json"})
          public String a() { return ""; }

          @Route(path = "/b", headers =
              "Content-Type=text/plain")
          public String b() { return ""; }

          @Route(path = "/c", host =
              "bad host")
          public String c() { return ""; }

          @Route(path = "/d", produces =
              "text/*")
          public String d() { return ""; }

          @Route(path = "/e", consumes =
              "text/plain; charset=utf-8")
          public String e() { return ""; }

          @Route(path = "/f", headers =
              "X-Mode=")
          public String f() { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidCondition] consumes \"json\" is not a media type; write "
        + "type/subtype").inFile(views).onLineContaining("\"json\"})");
    assertThat(compilation).hadErrorContaining("a condition on Content-Type is written consumes = \"text/plain\"")
        .inFile(views).onLineContaining("\"Content-Type=text/plain\"");
    assertThat(compilation).hadErrorContaining("host \"bad host\" is not a host name").inFile(views)
        .onLineContaining("\"bad host\"");
    assertThat(compilation).hadErrorContaining("produces \"text/*\" is a range").inFile(views)
        .onLineContaining("\"text/*\"");
    assertThat(compilation).hadErrorContaining("consumes \"text/plain; charset=utf-8\" has parameters; list the "
        + "media type alone (\"text/plain\")").inFile(views).onLineContaining("charset=utf-8\"");
    assertThat(compilation).hadErrorContaining("header condition \"X-Mode=\" needs a value").inFile(views)
        .onLineContaining("\"X-Mode=\"");
  }

  @Test
  void aBodyTheConsumedTypesCannotCarryIsAnError() {
    JavaFileObject views = Compilations.source("""
        package rc;
        import dev.kiln.*;
        public final class Views {
          public record Note(String title) {}
          public record Scan(String title, Upload file) {}

          @Route(method = HttpMethod.POST, path = "/scans")
          public String scan(
              @Body Scan scan) { return ""; }

          @Route(method = HttpMethod.POST, path = "/csv", consumes =
              "text/csv")
          public String csv(@Body Note note) { return ""; }

          @Route(method = HttpMethod.POST, path = "/field", consumes =
              Route.JSON)
          public String field(@Form("title") String title) { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidBody] @Body Views.Scan holds files, which only a "
        + "multipart form carries; add consumes = Route.MULTIPART to the @Route").inFile(views)
        .onLineContaining("@Body Scan scan");
    assertThat(compilation).hadErrorContaining("@Body reads JSON and forms, not text/csv; remove it from consumes, "
        + "or take the Request").inFile(views).onLineContaining("\"text/csv\")");
    assertThat(compilation).hadErrorContaining("parameter 'title' is a form field, but the route consumes "
        + "application/json; add Route.FORM or Route.MULTIPART to consumes").inFile(views)
        .onLineContaining("Route.JSON)");
  }
}
