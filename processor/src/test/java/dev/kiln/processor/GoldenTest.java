package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of representative applications, compared with files under
 * {@code src/test/resources/goldens/GoldenTest/<case>/}. After an intended change to the generated
 * code, refresh them with {@code mvn -pl processor test -Dtest=GoldenTest -Dkiln.updateGoldens=true}
 * and review the diff; never edit them by hand.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("kiln.updateGoldens");

  @Test
  void shop() throws IOException {
    check("shop", Compilations.compile(Fixtures.APP, Fixtures.CATALOG, Fixtures.FIXTURE));
  }

  @Test
  void staticOnly() throws IOException {
    check("static-only", Compilations.compile(
        Compilations.source("""
            package hello;
            @dev.kiln.Application
            public final class HelloApp {}
            """),
        Compilations.source("""
            package hello;
            import dev.kiln.*;
            @Routes(prefix = "/v1", name = "v1")
            public final class Health {
              /** Liveness probe. */
              @Route(path = "/health", name = "health")
              public static String health() { return "ok"; }

              @Route(method = HttpMethod.POST, path = "/health")
              public static void reset() {}
            }
            """),
        Compilations.source("""
            package hello;
            import dev.kiln.*;
            import java.util.concurrent.CompletionStage;
            @Middleware(order = 10, paths = "/v1")
            public final class Versioned implements Middleware.Handler {
              public CompletionStage<Response> handle(Request request, Middleware.Next next) {
                return next.handle(request).thenApply(r -> r.withHeader("API-Version", "1"));
              }
            }
            """)));
  }

  private static void check(String name, Compilation compilation) throws IOException {
    assertThat(compilation.status()).as("%s", compilation.diagnostics()).isEqualTo(Compilation.Status.SUCCESS);
    Map<String, String> generated = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.SOURCE || path.endsWith(".txt")) {
        generated.put(path.replaceFirst("^/(SOURCE|CLASS)_OUTPUT/", ""), file.getCharContent(true).toString());
      }
    }
    Path root = goldens().resolve("GoldenTest").resolve(name);
    if (UPDATE) {
      for (Map.Entry<String, String> entry : generated.entrySet()) {
        Path target = root.resolve(entry.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, entry.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    Map<String, String> expected = new TreeMap<>();
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        expected.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(generated.keySet()).as("generated files of %s", name).isEqualTo(expected.keySet());
    for (Map.Entry<String, String> entry : generated.entrySet()) {
      assertThat(entry.getValue()).as("%s (refresh with -Dkiln.updateGoldens=true)", entry.getKey())
          .isEqualTo(expected.get(entry.getKey()));
    }
  }

  private static Path goldens() {
    String configured = System.getProperty("kiln.goldens");
    return configured != null ? Paths.get(configured) : Paths.get("src/test/resources/goldens");
  }
}
