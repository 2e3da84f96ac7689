package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.InMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Awkward but legal signatures: the generated code must compile against all of them. */
class TortureTest {
  private static final JavaFileObject APP = Compilations.source("""
      package torture;
      @dev.kiln.Application
      public final class TortureApp {}
      """);

  /** Named like Kiln's own types, to force the generated code to qualify names. */
  private static final JavaFileObject CLASHING_NAMES = Compilations.source("""
      package torture;
      import dev.kiln.Route;
      public final class Url {
        public enum Response { YES, NO }
        @Route(path = "/clash/{response}", name = "clash")
        public String clash(Response response) { return "clash:" + response; }
      }
      """);

  private static final JavaFileObject HANDLERS = Compilations.source("""
      package torture;

      import dev.kiln.*;
      import java.util.*;
      import java.util.concurrent.*;

      public final class Outer {
        public record Point(int x, int y) {}

        public static final class Nested {
          public enum Mode { FAST, SLOW }

          @Route(path = "/nested/{mode}", name = "nested")
          public Map<String, List<Point[]>> nested(Mode mode) { return Map.of(mode.name(), List.<Point[]>of(new Point[] {new Point(1, 2)})); }

          @Route(path = "/ints")
          public int[] ints() { return new int[] {1, 2}; }

          @Route(path = "/number")
          public long number() { return 42L; }

          @Route(path = "/boxed")
          public Optional<String> boxed() { return Optional.of("x"); }
        }

        public class Inner {
          @Route(path = "/inner")
          public String inner() { return "inner"; }
        }

        // Overloads, and parameters named like the generated code's own locals.
        @Route(path = "/over/{request}")
        public String over(String request) { return "over1:" + request; }

        @Route(path = "/over/{handler}/{request}")
        public String over(String handler, String request) { return "over2:" + handler + request; }

        @Route(path = "/names")
        public String names(@Query Optional<Integer> requestText, @Query("handler") String handler, Request request) {
          return requestText.orElse(0) + handler + request.method();
        }

        @Route(path = "/static-too")
        public static CompletableFuture<Response> staticAsync() { return CompletableFuture.completedFuture(Response.text("s")); }

        @Route(method = HttpMethod.PUT, path = "/throws")
        public String throwsChecked() throws java.io.IOException { throw new java.io.IOException("disk"); }

        @Route(path = "/generic")
        public List<Map<String, Set<UUID>>> generic() { return List.of(); }

        @Route(path = "/wild")
        public List<? extends Point> wild() { return List.of(); }
      }
      """);

  /** A dotted group name nests the URL builders: {@code TortureAppUrls.admin().v2().report(...)}. */
  private static final JavaFileObject NESTED_GROUPS = Compilations.source("""
      package torture;
      import dev.kiln.*;
      @Routes(prefix = "/admin/v2", name = "admin.v2")
      public final class Admin {
        @Route(path = "/reports/{year}", name = "report")
        public static String report(int year) { return "report:" + year; }

        public static dev.kiln.Url link() { return TortureAppUrls.admin().v2().report(2015); }
      }
      """);

  /** Names that collide with what the generated code declares itself. */
  private static final JavaFileObject COLLIDING_ROUTE_NAMES = Compilations.source("""
      package torture.names;
      import dev.kiln.*;
      import java.util.concurrent.*;
      import torture.Outer;
      public final class Request {
        public enum Weird { CAFÉ, A$B }

        @Route(path = "/names/match/{id}", name = "match") public String match(long id) { return "match"; }
        @Route(path = "/names/path/{id}", name = "path") public String path(long id) { return "path"; }
        @Route(path = "/names/end/{id}", name = "end") public String end(long id) { return "end"; }
        @Route(path = "/names/routes", name = "routes") public String routes() { return "routes"; }
        @Route(path = "/names/max", name = "maxPathParams") public String max() { return "max"; }
        @Route(path = "/names/result") public CompletionStage<Outer.Point> result(@Query int result) {
          return CompletableFuture.completedFuture(new Outer.Point(result, 0));
        }
        @Route(path = "/names/weird/{weird}", name = "weird") public String weird(Weird weird) { return weird.name(); }
        @Route(path = "/back\\\\uzz*/x") public String backslash() { return "backslash"; }
      }
      """);

  private static final JavaFileObject USES_GENERATED_TYPE = Compilations.source("""
      package torture;
      import dev.kiln.*;
      public final class LateViews {
        @Route(path = "/late/{id}", name = "late")
        public LateDto late(long id) { return new LateDto(id); }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package torture;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() {
          Outer outer = new Outer();
          return TortureAppRoutes.builder().outer(outer).inner(outer.new Inner()).url(new Url()).build();
        }
      }
      """);

  @Test
  void awkwardSignaturesCompileAndRun() {
    Compilation compilation = javac()
        .withProcessors(new KilnProcessor(), new LateDtoGenerator())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(APP, CLASHING_NAMES, HANDLERS, NESTED_GROUPS, COLLIDING_ROUTE_NAMES, USES_GENERATED_TYPE, FIXTURE);
    assertThat(compilation).succeededWithoutWarnings();
    GeneratedApp app = GeneratedApp.of(compilation, "torture.Fixture");

    assertThat(app.get("/nested/fast").bodyText()).isEqualTo("{\"FAST\":[[{\"x\":1,\"y\":2}]]}");
    assertThat(app.get("/ints").bodyText()).isEqualTo("[1,2]");
    assertThat(app.get("/number").bodyText()).isEqualTo("42");
    assertThat(app.get("/boxed").bodyText()).isEqualTo("\"x\"");
    assertThat(app.get("/inner").bodyText()).isEqualTo("inner");
    assertThat(app.get("/over/a").bodyText()).isEqualTo("over1:a");
    assertThat(app.get("/over/a/b").bodyText()).isEqualTo("over2:ab");
    assertThat(app.get("/names?requestText=3&handler=h").bodyText()).isEqualTo("3hGET");
    assertThat(app.get("/static-too").bodyText()).isEqualTo("s");
    assertThat(app.get("/clash/yes").bodyText()).isEqualTo("clash:YES");
    assertThat(app.get("/late/9").bodyText()).isEqualTo("{\"id\":9}");
    assertThat(app.get("/generic").bodyText()).isEqualTo("[]");
    assertThat(app.get("/admin/v2/reports/2015").bodyText()).isEqualTo("report:2015");
    assertThat(app.get("/names/match/1").bodyText()).isEqualTo("match");
    assertThat(app.get("/names/routes").bodyText()).isEqualTo("routes");
    assertThat(app.get("/names/result?result=4").bodyText()).isEqualTo("{\"x\":4,\"y\":0}");
    assertThat(app.get("/back%5Cuzz*/x").bodyText()).isEqualTo("backslash");
    for (String weird : new String[] {"CAFÉ", "A$B"}) {
      dev.kiln.Url url = app.urlWith("torture.TortureAppUrls", new String[] {"weird"},
          Enum.valueOf(enumClass(app, "torture.names.Request$Weird"), weird));
      assertThat(app.get(url.toString()).bodyText()).as(url.toString()).isEqualTo(weird);
    }
    assertThat(app.get("/names/weird/A$B").bodyText()).isEqualTo("A$B");
    assertThat(app.urlWith("torture.TortureAppUrls", new String[] {"admin", "v2", "report"}, 2015).toString())
        .isEqualTo("/admin/v2/reports/2015");
    dev.kiln.Response thrown = InMemory.dispatch(app.router, InMemory.of(HttpMethod.PUT, "/throws")).toCompletableFuture()
        .join();
    assertThat(thrown.status()).isEqualTo(500);
    assertThat(thrown.failure()).isInstanceOf(java.io.IOException.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Enum> enumClass(GeneratedApp app, String name) {
    try {
      return (Class<Enum>) app.loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Stands for another annotation processor: writes {@code torture.LateDto} in its first round. */
  static final class LateDtoGenerator extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("torture.LateDto").openWriter()) {
          writer.write("package torture;\npublic record LateDto(long id) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
