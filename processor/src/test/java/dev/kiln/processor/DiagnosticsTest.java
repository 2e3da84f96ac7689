package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic the processor reports: its code, the exact line it points at, a message that
 * names what is involved and how to fix it, and one error per root cause.
 */
class DiagnosticsTest {
  private static final JavaFileObject APP = Compilations.source("""
      package app;
      @dev.kiln.Application
      public final class App {}
      """);

  private static Compilation compile(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.add(0, APP);
    return Compilations.compileAllowingWarnings(all.toArray(new JavaFileObject[0]));
  }

  private static JavaFileObject handler(String name, String body) {
    return Compilations.source("package app;\nimport dev.kiln.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n"
        + "public class " + name + " {\n" + body + "\n}\n");
  }

  @Test
  void routeConflictNamesBothHandlersAndPointsAtTheSecond() {
    JavaFileObject a = handler("A", "@Route(path = \"/items/{id}\") public String one(String id) { return id; }");
    JavaFileObject b = handler("B", "@Route(path = \"/items/{key}\") public String two(String key) { return key; }");
    Compilation compilation = compile(a, b);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict] GET /items/{id} (A#one) and GET /items/{key} (B#two)"
            + " have the same path")
        .inFile(b).onLineContaining("/items/{key}");
  }

  @Test
  void overlappingConstraintsAtTheSameSegmentConflictWithAnExample() {
    JavaFileObject a = handler("A", """
        @Route(path = "/v/{n:\\\\d+}") public String digits(String n) { return n; }
        @Route(path = "/v/{h:[0-9a-f]+}") public String hex(String h) { return h; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict] GET /v/{n:\\d+} (A#digits) and GET /v/{h:[0-9a-f]+}"
            + " (A#hex) can both match GET /v/0 and neither is more specific at segment 2")
        .inFile(a).onLineContaining("hex");
  }

  @Test
  void disjointConstraintsAndDifferentMethodsDoNotConflict() {
    Compilation compilation = compile(handler("A", """
        @Route(path = "/v/{n:\\\\d+}") public String digits(String n) { return n; }
        @Route(path = "/v/{w:[a-z]+}") public String word(String w) { return w; }
        @Route(path = "/v/{id}") public String id(String id) { return id; }
        @Route(method = HttpMethod.POST, path = "/v/{n:\\\\d+}") public String post(String n) { return n; }
        @Route(path = "/v/{n:\\\\d+}/x") public String deeper(long n) { return "" + n; }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aTypedParameterConflictsWithAnOverlappingRegex() {
    JavaFileObject a = handler("A", """
        @Route(path = "/o/{id}") public String byId(long id) { return "" + id; }
        @Route(path = "/o/{code:[0-9A-Z]+}") public String byCode(String code) { return code; }
        """);
    assertThat(compile(a)).hadErrorContaining("[Kiln/RouteConflict] GET /o/{id} (A#byId) and GET /o/{code:[0-9A-Z]+}")
        .inFile(a).onLineContaining("byCode");
  }

  @Test
  void shadowedRouteIsAWarningNamingTheRouteThatWins() {
    JavaFileObject a = handler("A", """
        @Route(path = "/s/new/x") public String any() { return "new"; }
        @Route(path = "/s/{plain:new}/x") public String plain(String plain) { return plain; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[Kiln/ShadowedRoute] GET /s/{plain:new}/x (A#plain) can never match: "
            + "every request it matches goes to the more specific GET /s/new/x (A#any)")
        .inFile(a).onLineContaining("plain(String plain)");
  }

  @Test
  void regexesBeyondTheRegularSubsetGiveAPossibleConflictWarning() {
    JavaFileObject a = handler("A", """
        @Route(path = "/l/{a:(?=x)\\\\w+}") public String look(String a) { return a; }
        @Route(path = "/l/{b:\\\\w+}") public String word(String b) { return b; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[Kiln/PossibleRouteConflict]").inFile(a).onLineContaining("word");
  }

  @Test
  void aHeadRouteOverlappingAGetRouteConflictsUnlessItIsTheSamePath() {
    JavaFileObject a = handler("A", """
        @Route(path = "/x/{a:[0-9]+}") public String get(String a) { return a; }
        @Route(method = HttpMethod.HEAD, path = "/x/{b:\\\\d{1,3}}") public Response head(String b) { return null; }
        @Route(method = HttpMethod.HEAD, path = "/y/{b:\\\\d+}") public Response headOverride(String b) { return null; }
        @Route(path = "/y/{b:\\\\d+}") public String getOverridden(String b) { return b; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict] GET /x/{a:[0-9]+} (A#get) and HEAD /x/{b:\\d{1,3}}"
        + " (A#head) can both match").inFile(a).onLineContaining("public Response head(");
  }

  @Test
  void regexTranslationKeepsJavaSemantics() {
    // \Q..\E then a quantifier: Java repeats the last character only, so abb overlaps, abab does not.
    Compilation disjoint = compile(handler("A", """
        @Route(path = "/q/{a:\\\\Qab\\\\E+}") public String a(String a) { return a; }
        @Route(path = "/q/{b:abab}") public String b(String b) { return b; }
        """));
    assertThat(disjoint).succeededWithoutWarnings();
    assertThat(compile(handler("B", """
        @Route(path = "/q/{a:\\\\Qab\\\\E+}") public String a(String a) { return a; }
        @Route(path = "/q/{b:abb}") public String b(String b) { return b; }
        """))).hadErrorContaining("[Kiln/RouteConflict]");
    // "[\s-.]": the '-' after \s is a literal, so '%' is not in the class.
    assertThat(compile(handler("C", """
        @Route(path = "/c/{s:[\\\\w\\\\s-.]+}") public String s(String s) { return s; }
        @Route(path = "/c/{p:\\\\d+%}") public String p(String p) { return p; }
        """))).succeededWithoutWarnings();
  }

  @Test
  void perRouteLimitsArePositiveOrMinusOne() {
    JavaFileObject a = handler("A", """
        @Route(path = "/a",
            maxBodySize = 0) public String a() { return ""; }
        @Route(path = "/b",
            timeoutMillis = -5) public String b() { return ""; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidLimit] maxBodySize must be a positive number of bytes, "
        + "or -1 for the server's setting; got 0").inFile(a).onLineContaining("maxBodySize = 0");
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidLimit] timeoutMillis must be a positive number of "
        + "milliseconds").inFile(a).onLineContaining("timeoutMillis = -5");
  }

  @Test
  void routeNamesThatEveryObjectHasAreRejected() {
    JavaFileObject a = handler("A", "@Route(path = \"/a\", name = \"toString\") public String a() { return \"\"; }");
    assertThat(compile(a)).hadErrorContaining("[Kiln/InvalidRouteName] route name \"toString\" would make a URL builder "
        + "method toString(), which every Java object already has").inFile(a).onLineContaining("toString");
  }

  @Test
  void aPathEnumTheUrlBuildersCannotNameIsAnError() {
    JavaFileObject views = Compilations.source("""
        package app.views;
        import dev.kiln.*;
        public class Views {
          enum Color { RED }
          @Route(path = "/c/{color}", name = "color") public String c(Color color) { return ""; }
        }
        """);
    Compilation compilation = compile(views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/InaccessibleHandler] path parameter {color} of GET /c/{color} has "
        + "type app.views.Views.Color, which is not public").inFile(views).onLineContaining("@Route");
  }

  @Test
  void duplicateRouteNamePointsAtTheNameValue() {
    JavaFileObject a = handler("A", """
        @Route(path = "/a", name = "thing") public String a() { return ""; }
        @Route(path = "/b",
            name = "thing") public String b() { return ""; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/DuplicateRouteName] route name \"thing\" is already used by GET /a (A#a)")
        .inFile(a).onLineContaining("name = \"thing\") public String b");
  }

  @Test
  void routeNamesMustBeIdentifiersAndNotAlsoGroups() {
    JavaFileObject bad = handler("A", "@Route(path = \"/a\", name = \"my-route\") public String a() { return \"\"; }");
    assertThat(compile(bad)).hadErrorContaining("[Kiln/InvalidRouteName] route name \"my-route\" must be Java identifiers "
        + "joined by dots").inFile(bad).onLineContaining("my-route");
    assertThat(compile(bad)).hadErrorContaining("e.g. \"my_route\"");
    JavaFileObject keyword = handler("K", "@Route(path = \"/k\", name = \"assets.static\") public String k() { return \"\"; }");
    assertThat(compile(keyword)).hadErrorContaining("route name \"assets.static\" must be Java identifiers joined by dots, "
        + "none a Java keyword").inFile(keyword).onLineContaining("assets.static");
    assertThat(compile(keyword)).hadErrorContaining("e.g. \"assets.staticRoute\"");

    JavaFileObject clash = handler("B", """
        @Route(path = "/api", name = "api") public String api() { return ""; }
        @Route(path = "/api/x", name = "api.x") public String x() { return ""; }
        """);
    assertThat(compile(clash)).hadErrorContaining("[Kiln/InvalidRouteName] route name \"api\" is also the group of \"api.x\"")
        .inFile(clash).onLineContaining("name = \"api\"");
  }

  @Test
  void malformedPathsSayWhatIsWrong() {
    String[][] cases = {
        {"/items/{id", "unbalanced '{'"},
        {"/items/{}", "empty parameter name"},
        {"/items/{id}/{id}", "parameter {id} appears twice"},
        {"/files/{name}.json", "a parameter must fill a whole path segment"},
        {"/a//b", "empty path segment"},
        {"items", "a route path starts with '/': write path = \"/items\""},
        {"/search?q={q}", "'?' starts a query string"},
        {"/items/{project-id}", "parameter name \"project-id\" is not a Java identifier"},
        {"/items/id}", "unbalanced '}'"},
    };
    for (String[] c : cases) {
      JavaFileObject a = handler("A", "@Route(path = \"" + c[0] + "\") public String a(String id) { return id; }");
      Compilation compilation = compile(a);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[Kiln/MalformedPath] " + c[1]).inFile(a).onLineContaining("@Route");
    }
  }

  @Test
  void aRegexThatDoesNotCompileReportsTheRegexError() {
    JavaFileObject a = handler("A", "@Route(path = \"/x/{id:[0-9+}\") public String a(String id) { return id; }");
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidRegex] regex of {id} does not compile: Unclosed character class")
        .inFile(a).onLineContaining("@Route");
  }

  @Test
  void badGroupPrefixPointsAtRoutes() {
    JavaFileObject a = Compilations.source("""
        package app;
        import dev.kiln.*;
        @Routes(prefix = "api/")
        public class A {
          @Route(path = "/x") public String x() { return ""; }
        }
        """);
    assertThat(compile(a)).hadErrorContaining("[Kiln/MalformedPath] a group prefix starts with '/' and does not end with "
        + "'/': write prefix = \"/api\"").inFile(a).onLineContaining("@Routes");
  }

  @Test
  void templateParameterWithoutMethodParameterSuggestsTheClosestName() {
    JavaFileObject a = handler("A", "@Route(path = \"/p/{projectId}\") public String a(@Query String q, long projectid) { return q; }");
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorContaining("[Kiln/UnboundParameter] parameter 'projectid' of a is not in the path "
        + "\"/p/{projectId}\" and has no @Query, @Header, @Cookie, @Form or @Body; did you mean {projectId}?")
        .inFile(a).onLineContaining("@Route");
    assertThat(compilation).hadErrorContaining("[Kiln/UnboundPathVariable] {projectId} in \"/p/{projectId}\" has no "
        + "method parameter of that name; did you mean to rename parameter 'projectid' to 'projectId'?");
  }

  @Test
  void methodParameterMissingFromTheTemplateSaysHowToBindIt() {
    JavaFileObject a = handler("A", "@Route(path = \"/p\") public String a(\n String page) { return page; }");
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/UnboundParameter] parameter 'page' of a is not in the path \"/p\" "
        + "and has no @Query, @Header, @Cookie, @Form or @Body; add {page} to the path or annotate it with @Query(\"page\")")
        .inFile(a).onLineContaining("String page)");
  }

  @Test
  void unsupportedParameterTypesListWhatIsSupported() {
    JavaFileObject a = handler("A", """
        @Route(path = "/a") public String a(
            @Query Map<String, String> all) { return ""; }
        @Route(path = "/b/{id}") public String b(
            Optional<Long> id) { return ""; }
        @Route(path = "/c") public String c(
            @Cookie List<String> crumbs) { return ""; }
        @Route(path = "/d") public String d(
            @Query float ratio) { return ""; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedParameterType] cannot bind query parameter 'all' to "
        + "java.util.Map<java.lang.String,java.lang.String>: supported types are String, int, long, double, boolean, "
        + "their boxed types, UUID or an enum, or Optional or List of one").inFile(a).onLineContaining("Map<String");
    assertThat(compilation).hadErrorContaining("(a path parameter is always present, so neither Optional nor List)")
        .inFile(a).onLineContaining("Optional<Long> id");
    assertThat(compilation).hadErrorContaining("cannot bind cookie 'crumbs'").inFile(a).onLineContaining("crumbs");
    assertThat(compilation).hadErrorContaining("cannot bind query parameter 'ratio' to float").inFile(a)
        .onLineContaining("float ratio");
  }

  @Test
  void unsupportedReturnTypes() {
    JavaFileObject a = handler("A", """
        @Route(path = "/a")
        public <T> T a() { return null; }
        @Route(path = "/b")
        public CompletionStage<?> b() { return null; }
        """);
    Compilation compilation = compile(a);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedHandler] @Route method a declares type parameters")
        .inFile(a).onLineContaining("<T> T a()");
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedReturnType] cannot tell what "
        + "java.util.concurrent.CompletionStage<?> completes with").inFile(a).onLineContaining("b()");
  }

  @Test
  void handlersTheGeneratedCodeCannotReach() {
    JavaFileObject privateMethod = handler("A", "@Route(path = \"/a\")\n private String a() { return \"\"; }");
    assertThat(compile(privateMethod)).hadErrorContaining("[Kiln/InaccessibleHandler] @Route method a is private")
        .inFile(privateMethod).onLineContaining("private String a()");

    JavaFileObject privateClass = Compilations.source("""
        package app;
        import dev.kiln.*;
        public class Outer {
          private static class Inner {
            @Route(path = "/a") public String a() { return ""; }
          }
        }
        """);
    assertThat(compile(privateClass)).hadErrorContaining("[Kiln/InaccessibleHandler] handler class Inner is private")
        .inFile(privateClass).onLineContaining("private static class Inner");

    JavaFileObject otherPackage = Compilations.source("""
        package app.views;
        import dev.kiln.*;
        class Hidden {
          @Route(path = "/a") public String a() { return ""; }
        }
        """);
    Compilation hidden = compile(otherPackage);
    assertThat(hidden).hadErrorCount(1);
    assertThat(hidden).hadErrorContaining("[Kiln/InaccessibleHandler] handler class app.views.Hidden has instance @Route "
        + "methods, so AppRoutes.builder() in package app takes an instance of it, but Hidden is not public")
        .inFile(otherPackage).onLineContaining("class Hidden");

    JavaFileObject staticOnly = Compilations.source("""
        package app.views;
        import dev.kiln.*;
        class StaticOnly {
          @Route(path = "/a") static String a() { return ""; }
        }
        """);
    assertThat(compile(staticOnly)).succeededWithoutWarnings();
  }

  @Test
  void genericHandlersAreRejected() {
    JavaFileObject genericClass = handler("A<T>", "@Route(path = \"/a\") public String a() { return \"\"; }");
    assertThat(compile(genericClass)).hadErrorContaining("[Kiln/UnsupportedHandler] handler class A is generic")
        .inFile(genericClass).onLineContaining("class A<T>");

    JavaFileObject genericMethod = handler("B", "@Route(path = \"/a\")\n public <T> String a() { return \"\"; }");
    assertThat(compile(genericMethod)).hadErrorContaining("[Kiln/UnsupportedHandler] @Route method a declares type parameters")
        .inFile(genericMethod).onLineContaining("<T> String a()");
  }

  @Test
  void routesWithoutAnApplicationAreAnError() {
    JavaFileObject a = handler("A", "@Route(path = \"/a\")\n public String a() { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(a);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/MissingApplication] @Route methods need an @Application class")
        .inFile(a).onLineContaining("String a()");
  }

  @Test
  void aHandlerOutsideTheApplicationsPackageTreeIsAnError() {
    JavaFileObject stray = Compilations.source("""
        package elsewhere;
        import dev.kiln.*;
        public class Stray {
          @Route(path = "/stray") public String stray() { return ""; }
        }
        """);
    Compilation compilation = compile(stray);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/OutsideApplication] Stray is in package elsewhere, outside App's "
        + "package app, so AppRoutes would not include it").inFile(stray).onLineContaining("class Stray");
  }

  @Test
  void twoApplicationsAreAnErrorOnEach() {
    JavaFileObject other = Compilations.source("package app;\n@dev.kiln.Application\npublic final class Other {}\n");
    Compilation compilation = compile(other);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[Kiln/DuplicateApplication] a module has one @Application, but "
        + "[app.App, app.Other] are all annotated").inFile(other).onLineContaining("class Other");
  }

  @Test
  void aFailedValidationStillWritesThePublicClassesSoUsersSeeOneError() {
    JavaFileObject a = handler("A", """
        @Route(path = "/x", name = "x") public String one() { return ""; }
        @Route(path = "/x") public String two() { return ""; }
        """);
    JavaFileObject user = Compilations.source("""
        package app;
        public final class Main {
          static dev.kiln.Router router() { return AppRoutes.create(); }
          static dev.kiln.Url url() { return AppUrls.x(); }
        }
        """);
    Compilation compilation = compile(a, user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict]");
  }
}
