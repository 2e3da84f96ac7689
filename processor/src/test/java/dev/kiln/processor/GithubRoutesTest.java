package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.routing.InMemory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 203-route GitHub API table (shared/data, copied into test resources) as an application: it
 * compiles without a conflict or warning, and every route is reached by a request for it.
 */
class GithubRoutesTest {
  private static List<String[]> routes;
  private static GeneratedApp app;

  @BeforeAll
  static void compile() throws IOException {
    routes = readRoutes();
    StringBuilder handler = new StringBuilder("package gh;\nimport dev.kiln.*;\npublic final class Api {\n");
    for (int i = 0; i < routes.size(); i++) {
      String[] route = routes.get(i);
      List<String> params = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(route[1]);
      while (m.find()) {
        params.add(m.group(1));
      }
      handler.append("  @Route(method = HttpMethod.").append(route[0]).append(", path = \"").append(route[1])
          .append("\")\n  public String route").append(i).append("(")
          .append(String.join(", ", params.stream().map(p -> "String " + p).toList()))
          .append(") { return \"").append(i).append("\"")
          .append(params.stream().map(p -> " + \"|\" + " + p).reduce("", String::concat))
          .append("; }\n");
    }
    handler.append("}\n");
    Compilation compilation = Compilations.compile(
        Compilations.source("package gh;\n@dev.kiln.Application\npublic final class GithubApp {}\n"),
        Compilations.source(handler.toString()),
        Compilations.source("""
            package gh;
            public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
              public dev.kiln.Router get() { return GithubAppRoutes.create(); }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    app = GeneratedApp.of(compilation, "gh.Fixture");
  }

  @Test
  void everyRouteIsReachedWithItsParameters() {
    for (int i = 0; i < routes.size(); i++) {
      String[] route = routes.get(i);
      StringBuilder expected = new StringBuilder(String.valueOf(i));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(route[1]);
      StringBuilder path = new StringBuilder();
      while (m.find()) {
        String value = m.group(1) + "-value";
        m.appendReplacement(path, value);
        expected.append('|').append(value);
      }
      m.appendTail(path);
      Response response = app.call(InMemory.of(HttpMethod.valueOf(route[0]), path.toString()));
      assertThat(response.bodyText()).as(route[0] + " " + path).isEqualTo(expected.toString());
    }
  }

  @Test
  void unknownPathsAndMethodsAreTold() {
    assertThat(app.get("/repos/o/r/nothing-here").status()).isEqualTo(404);
    Response methodNotAllowed = app.call(HttpMethod.PATCH, "/user/keys/1");
    assertThat(methodNotAllowed.status()).isEqualTo(405);
    assertThat(methodNotAllowed.header("Allow")).isEqualTo("GET, HEAD, DELETE");
  }

  static List<String[]> readRoutes() throws IOException {
    List<String[]> routes = new ArrayList<>();
    try (InputStream in = GithubRoutesTest.class.getResourceAsStream("/github-api-routes.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          routes.add(line.trim().split(" "));
        }
      }
    }
    assertThat(routes).hasSize(203);
    return routes;
  }
}
