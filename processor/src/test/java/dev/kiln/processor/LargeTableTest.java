package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Thousands of routes: the generated table splits what one method could not hold (64 KiB of bytecode
 * per static initializer or constructor) and still routes every path.
 */
class LargeTableTest {
  private static final int ROUTES = 2400;

  @Test
  void aTableOfThousandsOfRoutesCompilesAndRoutes() {
    StringBuilder handler = new StringBuilder("package big;\nimport dev.kiln.*;\npublic final class Handlers {\n");
    for (int i = 0; i < ROUTES; i++) {
      String path = switch (i % 3) {
        case 0 -> "/r" + i;
        case 1 -> "/r" + i + "/{id}";
        default -> "/r" + i + "/{id}/items/{item:\\\\d+}";
      };
      String params = switch (i % 3) {
        case 0 -> "";
        case 1 -> "String id";
        default -> "String id, long item";
      };
      handler.append("  @Route(path = \"").append(path).append("\", name = \"r").append(i).append("\") public String r")
          .append(i).append('(').append(params).append(") { return \"").append(i).append("\"; }\n");
    }
    Compilation compilation = Compilations.compile(
        Compilations.source("package big;\n@dev.kiln.Application\npublic final class BigApp {}\n"),
        Compilations.source(handler.append("}\n").toString()),
        Compilations.source("""
            package big;
            import dev.kiln.*;
            import java.util.concurrent.CompletionStage;
            @Middleware(order = 1)
            public final class Tag implements Middleware.Handler {
              public CompletionStage<Response> handle(Request request, Middleware.Next next) {
                return next.handle(request).thenApply(r -> r.withHeader("X-Tag", "big"));
              }
            }
            """),
        Compilations.source("""
            package big;
            public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
              public dev.kiln.Router get() { return BigAppRoutes.create(); }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    GeneratedApp app = GeneratedApp.of(compilation, "big.Fixture");
    assertThat(app.router.routes()).hasSize(ROUTES);
    assertThat(app.get("/r0").bodyText()).isEqualTo("0");
    assertThat(app.get("/r2397").bodyText()).isEqualTo("2397");
    assertThat(app.get("/r2398/x").bodyText()).isEqualTo("2398");
    assertThat(app.get("/r2399/x/items/5").bodyText()).isEqualTo("2399");
    assertThat(app.get("/r1501/y").header("X-Tag")).isEqualTo("big");
    assertThat(app.get("/r2399/x/items/five").status()).isEqualTo(404);
    assertThat(app.urlWith("big.BigAppUrls", new String[] {"r2399"}, "a b", 7L).toString()).isEqualTo("/r2399/a%20b/items/7");
    assertThat(app.url("r2399", java.util.Map.of("id", "a", "item", 3))).hasToString("/r2399/a/items/3");
  }
}
