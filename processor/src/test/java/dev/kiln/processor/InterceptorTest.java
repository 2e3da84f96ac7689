package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Interceptor chains resolved at compile time like middleware chains: scope, {@code @Use},
 * {@code @Skip} and {@code @Install} apply, they order apart from middlewares (inside every one), and
 * mistakes are compile errors on the declaration.
 */
class InterceptorTest {
  /** An interceptor that wraps the body in its name, so a response shows the calls it went through. */
  private static JavaFileObject wrapping(String name, String annotation) {
    return Compilations.source("""
        package ic;
        import dev.kiln.*;
        %s
        public final class %s implements Interceptor.Handler {
          @SuppressWarnings("unchecked")
          public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
            try {
              T result = call.proceed();
              if (result instanceof Response response) {
                return (T) Response.text(response.status(), "%s(" + response.bodyText() + ")");
              }
              return (T) ((java.util.concurrent.CompletionStage<Response>) result)
                  .thenApply(r -> Response.text(r.status(), "%s~(" + r.bodyText() + ")"));
            } catch (IllegalStateException e) {
              return (T) Response.text(500, "%s saw " + e.getMessage());
            }
          }
        }
        """.formatted(annotation, name, name, name, name));
  }

  private static final JavaFileObject APP = Compilations.source("""
      package ic;
      import dev.kiln.*;
      @Application
      @Install(value = Installed.class, order = 1)
      public final class IcApp {}
      """);

  /** A middleware with the same order as an interceptor: the two kinds order apart, so no conflict. */
  private static final JavaFileObject OUTER = Compilations.source("""
      package ic;
      import dev.kiln.*;
      import java.util.concurrent.*;
      @Middleware(order = 10)
      public final class Outer implements Middleware.Handler {
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          return next.handle(request).thenApply(r -> Response.text(r.status(), "M(" + r.bodyText() + ")"));
        }
      }
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package ic;
      import dev.kiln.*;
      import java.util.concurrent.*;
      public final class Views {
        @Route(path = "/") public String index() { return "index"; }
        @Route(path = "/api/items") public String items() { return "items"; }
        @Skip(A.class) @Route(path = "/api/health") public String health() { return "ok"; }
        @Use(Opt.class) @Route(path = "/opted") public String opted() { return "opted"; }
        @Route(path = "/fails") public String fails() { throw new IllegalStateException("boom"); }
        @Route(path = "/bad") public String bad(@Query int n) { return "n=" + n; }
        @NonBlocking @Route(path = "/async")
        public CompletionStage<String> async() { return CompletableFuture.completedFuture("async"); }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package ic;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() {
          return IcAppRoutes.create();
        }
      }
      """);

  private static GeneratedApp app() {
    return GeneratedApp.compile("ic.Fixture", APP, OUTER, VIEWS, FIXTURE,
        wrapping("Installed", ""),
        wrapping("A", "@Interceptor(order = 10)"),
        wrapping("B", "@Interceptor(order = 20, paths = \"/api\")"),
        wrapping("Opt", "@Interceptor(order = 30, optIn = true)"));
  }

  @Test
  void scopesCombineIntoOrderedCallChainsInsideTheMiddlewares() throws Exception {
    GeneratedApp app = app();
    assertThat(app.get("/").bodyText()).isEqualTo("M(Installed(A(index)))");
    assertThat(app.get("/api/items").bodyText()).isEqualTo("M(Installed(A(B(items))))");
    assertThat(app.get("/api/health").bodyText()).isEqualTo("M(Installed(B(ok)))");
    assertThat(app.get("/opted").bodyText()).isEqualTo("M(Installed(A(Opt(opted))))");
    // No handler, no interceptor: requests no route matched see only middlewares.
    assertThat(app.get("/nowhere").bodyText()).isEqualTo("M(Not Found)");
    String generated = app.compilation.generatedSourceFile("ic.IcAppRoutes").orElseThrow()
        .getCharContent(true).toString();
    assertThat(generated).contains(".around(installed, a, b)\n").contains(".through(outer)");
    String routes = app.compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/routes.txt")
        .orElseThrow().getCharContent(true).toString();
    assertThat(routes).contains("GET\t/api/items\t-\tic.Views#items()\tic.Outer,ic.Installed,ic.A,ic.B");
  }

  @Test
  void anInterceptorSeesTheHandlersExceptionAndABindingFailure() {
    GeneratedApp app = app();
    assertThat(app.get("/fails").bodyText()).isEqualTo("M(Installed(A saw boom))");
    dev.kiln.Response bad = app.get("/bad?n=x");
    assertThat(bad.status()).isEqualTo(400); // the HttpError passed through every interceptor untouched
  }

  @Test
  void aNonBlockingHandlersInterceptorWrapsTheStage() {
    assertThat(app().get("/async").bodyText()).isEqualTo("M(Installed~(A~(async)))");
  }

  @Test
  void anInterceptorClassMustImplementTheHandler() {
    JavaFileObject notOne = Compilations.source("package ic;\n@dev.kiln.Interceptor(order = 1)\npublic final class NotOne {}\n");
    Compilation compilation = compile(notOne);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/NotAMiddleware] @Interceptor class NotOne does not implement "
        + "Interceptor.Handler; add `implements Interceptor.Handler`").inFile(notOne)
        .onLineContaining("@dev.kiln.Interceptor");
  }

  @Test
  void aMiddlewareAnnotatedAsAnInterceptorIsAnError() {
    JavaFileObject wrong = Compilations.source("""
        package ic;
        import dev.kiln.*;
        import java.util.concurrent.*;
        @Interceptor(order = 1)
        public final class Wrong implements Middleware.Handler {
          public CompletionStage<Response> handle(Request request, Middleware.Next next) { return next.handle(request); }
        }
        """);
    Compilation compilation = compile(wrong);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("@Interceptor class Wrong does not implement Interceptor.Handler")
        .inFile(wrong).onLineContaining("@Interceptor");
  }

  @Test
  void twoInterceptorsWithTheSameOrderInOneChainAreAnError() {
    JavaFileObject b = wrapping("B", "@Interceptor(order = 10, paths = \"/api\")");
    Compilation compilation = compile(wrapping("A", "@Interceptor(order = 10)"), b);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/MiddlewareOrderConflict] interceptors A and B both have order 10 "
        + "in the chain of GET /api/x (Views#x)").inFile(b).onLineContaining("@Interceptor");
  }

  @Test
  void installingAClassThatIsNeitherIsAnErrorOnTheInstall() {
    JavaFileObject app = Compilations.source("""
        package neither;
        import dev.kiln.*;
        @Application
        @Install(value = String.class, order = 10)
        public final class NeitherApp {
          @Route(path = "/") public String index() { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(app);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("@Install(String.class) names a class that implements neither "
        + "Middleware.Handler nor Interceptor.Handler").inFile(app).onLineContaining("String.class");
  }

  private static Compilation compile(JavaFileObject... sources) {
    return Compilations.compileWithOneRoute("ic", sources);
  }
}
