package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Router;
import dev.kiln.internal.routing.InMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE recompiles only what changed. The table is aggregated from markers, so recompiling one
 * handler against the earlier output still yields every route, and still finds conflicts.
 */
class IncrementalTest {
  private static final JavaFileObject APP = Compilations.source("""
      package app;
      @dev.kiln.Application
      public final class App {}
      """);

  private static final JavaFileObject ALPHA = Compilations.source("""
      package app;
      import dev.kiln.*;
      public final class Alpha {
        public record Note(@jakarta.validation.constraints.NotBlank String text) {}

        /** Reads an alpha by its id. */
        @Route(path = "/alpha/{id}", name = "alpha")
        public String alpha(long id) { return "alpha:" + id; }

        @Route(method = HttpMethod.POST, path = "/alpha/notes", name = "alphaNote")
        public String note(@Body Note note) { return note.text(); }
      }
      """);

  private static final JavaFileObject BETA = Compilations.source("""
      package app;
      import dev.kiln.*;
      public final class Beta {
        @Route(path = "/beta", name = "beta")
        public String beta() { return "beta"; }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package app;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() { return AppRoutes.builder().alpha(new Alpha()).beta(new Beta()).build(); }
      }
      """);

  @Test
  void recompilingOneHandlerAloneKeepsTheOthersRoutes(@TempDir Path output) throws Exception {
    Compilation full = Compilations.compile(APP, ALPHA, BETA, FIXTURE);
    assertThat(full).succeeded();
    Compilations.writeClasses(full, output);

    JavaFileObject changedBeta = Compilations.source("""
        package app;
        import dev.kiln.*;
        public final class Beta {
          @Route(path = "/beta", name = "beta")
          public String beta() { return "beta"; }
          @Route(path = "/beta/{name}", name = "betaNamed")
          public String named(String name) { return "beta:" + name; }
        }
        """);
    Compilation partial = Compilations.compileAgainst(output, changedBeta);
    assertThat(partial).succeeded();
    assertThat(Compilations.generatedSource(partial, "app.AppRoutes"))
        .contains("ALPHA = RouteInfo.of(HttpMethod.GET, \"/alpha/{id}\"", "BETA_NAMED = RouteInfo.of(HttpMethod.GET, \"/beta/{name}\"");
    assertThat(Compilations.generatedSource(partial, "app.AppUrls"))
        .contains("public static Url alpha(long id)", "public static Url betaNamed(String name)");
    assertThat(resource(partial)).contains("/alpha/{id}", "/beta/{name}");
    // The OpenAPI document keeps Alpha's operations, Javadoc and body schema, read from its class file.
    String openApi = partial.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/openapi.json").orElseThrow()
        .getCharContent(true).toString();
    assertThat(openApi).contains("\"summary\" : \"Reads an alpha by its id.\"", "\"/beta/{name}\"",
        "\"$ref\" : \"#/components/schemas/Alpha.Note\"", "\"minLength\" : 1");

    // The new table, loaded over the first output, routes to both the old and the new handler.
    ClassLoader loader = Compilations.classLoader(partial, output);
    @SuppressWarnings("unchecked")
    Router router = ((Supplier<Router>) loader.loadClass("app.Fixture").getDeclaredConstructor().newInstance()).get();
    assertThat(InMemory.dispatch(router, InMemory.of(HttpMethod.GET, "/alpha/7")).toCompletableFuture().join().bodyText())
        .isEqualTo("alpha:7");
    assertThat(InMemory.dispatch(router, InMemory.of(HttpMethod.GET, "/beta/x")).toCompletableFuture().join().bodyText())
        .isEqualTo("beta:x");
  }

  @Test
  void aConflictWithARouteFromTheEarlierOutputIsStillFound(@TempDir Path output) {
    Compilation full = Compilations.compile(APP, ALPHA, BETA, FIXTURE);
    Compilations.writeClasses(full, output);
    JavaFileObject conflicting = Compilations.source("""
        package app;
        import dev.kiln.*;
        public final class Beta {
          @Route(path = "/alpha/{key}")
          public String clash(long key) { return ""; }
        }
        """);
    Compilation partial = Compilations.compileAgainst(output, conflicting);
    assertThat(partial).hadErrorContaining("[Kiln/RouteConflict] GET /alpha/{id} (Alpha#alpha) and GET /alpha/{key} "
        + "(Beta#clash) have the same path").inFile(conflicting).onLineContaining("@Route");
  }

  @Test
  void recompilingTheApplicationWithOneHandlerAlsoKeepsTheRest(@TempDir Path output) {
    Compilation full = Compilations.compile(APP, ALPHA, BETA, FIXTURE);
    Compilations.writeClasses(full, output);
    Compilation partial = Compilations.compileAgainst(output, APP, BETA);
    assertThat(partial).succeeded();
    assertThat(partial).generatedSourceFile("app.AppRoutes").contentsAsUtf8String()
        .contains("public Builder alpha(Alpha alpha)");
    assertThat(partial).generatedSourceFile("app.AppRoutes").contentsAsUtf8String()
        .contains("public Builder beta(Beta beta)");
  }

  private static String resource(Compilation compilation) throws IOException {
    JavaFileObject routes = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/routes.txt")
        .orElseThrow();
    return routes.getCharContent(true).toString();
  }
}
