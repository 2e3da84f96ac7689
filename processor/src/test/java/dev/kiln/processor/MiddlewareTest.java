package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.InMemory;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Middleware chains resolved at compile time: scopes combine into the expected ordered chain per
 * route, chains run as composed, and mistakes are compile errors.
 */
class MiddlewareTest {
  /** Middlewares that wrap the body in their name, so a response shows the chain it went through. */
  private static JavaFileObject wrapping(String name, String annotation) {
    return Compilations.source("""
        package mw;
        import dev.kiln.*;
        import java.util.concurrent.*;
        %s
        public final class %s implements Middleware.Handler {
          public CompletionStage<Response> handle(Request request, Middleware.Next next) {
            return next.handle(request).thenApply(r -> Response.text(r.status(), "%s(" + r.bodyText() + ")"));
          }
        }
        """.formatted(annotation, name, name));
  }

  private static final JavaFileObject APP = Compilations.source("""
      package mw;
      import dev.kiln.*;
      @Application
      @Install(value = Outermost.class, order = 5)
      public final class MwApp {}
      """);

  private static final JavaFileObject OUTERMOST = Compilations.source("""
      package mw;
      import dev.kiln.*;
      import java.util.concurrent.*;
      /** Compiled "elsewhere" (no @Middleware): declared by @Install on the application. */
      public final class Outermost implements Middleware.Handler {
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          return next.handle(request).thenApply(r -> Response.text(r.status(), "E(" + r.bodyText() + ")"));
        }
      }
      """);

  private static final JavaFileObject AUTH = Compilations.source("""
      package mw;
      import dev.kiln.*;
      import java.util.concurrent.*;
      @Middleware(order = 50, groups = "admin")
      public final class Auth implements Middleware.Handler {
        public static final TypedKey<String> USER = TypedKey.of("user", String.class);
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          String user = request.header("X-User");
          if (user == null) {
            return CompletableFuture.completedFuture(Response.text(401, "who are you?"));
          }
          request.attribute(USER, user);
          return next.handle(request);
        }
      }
      """);

  private static final JavaFileObject RESCUE = Compilations.source("""
      package mw;
      import dev.kiln.*;
      import java.util.concurrent.*;
      @Middleware(order = 60, optIn = true)
      public final class Rescue implements Middleware.Handler {
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          // A handler's failure arrives as its response, remembering the exception.
          return next.handle(request).thenApply(response -> response.failure() == null ? response
              : Response.text(418, "rescued " + response.failure().getMessage()));
        }
      }
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package mw;
      import dev.kiln.*;
      public final class Views {
        @Route(path = "/") public String index() { return "index"; }
        @Route(path = "/api/items") public String items() { return "items"; }
        @Skip(A.class) @Route(path = "/api/health") public String health() { return "ok"; }
        @Use(Rescue.class) @Route(path = "/api/fragile") public String fragile() { throw new IllegalStateException("boom"); }
      }
      """);

  private static final JavaFileObject ADMIN = Compilations.source("""
      package mw;
      import dev.kiln.*;
      @Routes(prefix = "/admin", name = "admin")
      public final class Admin {
        @Route(path = "/me") public String me(Request request) { return "me=" + request.attribute(Auth.USER); }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package mw;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() {
          return MwAppRoutes.create();
        }
      }
      """);

  private static GeneratedApp app() {
    return GeneratedApp.compile("mw.Fixture", APP, OUTERMOST, AUTH, RESCUE, VIEWS, ADMIN, FIXTURE,
        wrapping("A", "@Middleware(order = 10)"),
        wrapping("B", "@Middleware(order = 20, paths = \"/api\")"));
  }

  @Test
  void scopesCombineIntoOrderedChainsPerRoute() throws IOException {
    GeneratedApp app = app();
    assertThat(app.get("/").bodyText()).isEqualTo("E(A(index))");                 // global + installed
    assertThat(app.get("/api/items").bodyText()).isEqualTo("E(A(B(items)))");      // + path prefix
    assertThat(app.get("/api/health").bodyText()).isEqualTo("E(B(ok))");           // @Skip(A)
    assertThat(app.get("/apix").bodyText()).isEqualTo("E(A(Not Found))");          // prefixes are segment-wise;
    assertThat(app.get("/apix").status()).isEqualTo(404);                          // unmatched: global chain
    assertThat(app.get("/api/nothing").bodyText()).isEqualTo("E(A(B(Not Found)))"); // ... and the path's
    String routes = app.compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/routes.txt")
        .orElseThrow().getCharContent(true).toString();
    assertThat(routes).contains("GET\t/api/fragile\t-\tmw.Views#fragile()\tmw.Outermost,mw.A,mw.B,mw.Rescue");
  }

  @Test
  void aMiddlewareCanAnswerItselfOrHandOnAttributes() {
    GeneratedApp app = app();
    assertThat(app.get("/admin/me").status()).isEqualTo(401);
    assertThat(app.get("/admin/me").bodyText()).isEqualTo("E(A(who are you?))");
    dev.kiln.Request request = InMemory.request(HttpMethod.GET, "/admin/me").header("X-User", "ana").build();
    assertThat(app.call(request).bodyText()).isEqualTo("E(A(me=ana))");
  }

  @Test
  void aMiddlewareCanReplaceTheResponseAfterAFailure() {
    assertThat(app().get("/api/fragile").bodyText()).isEqualTo("E(A(B(rescued boom)))");
  }

  private static Compilation compile(JavaFileObject... sources) {
    return Compilations.compileWithOneRoute("mw", sources);
  }


  @Test
  void aMiddlewareClassMustImplementTheHandler() {
    JavaFileObject notOne = Compilations.source("package mw;\n@dev.kiln.Middleware(order = 1)\npublic final class NotOne {}\n");
    Compilation compilation = compile(notOne);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/NotAMiddleware] @Middleware class NotOne does not implement "
        + "Middleware.Handler").inFile(notOne).onLineContaining("@dev.kiln.Middleware");
  }

  @Test
  void twoMiddlewaresWithTheSameOrderInOneChainAreAnError() {
    JavaFileObject b = wrapping("B", "@Middleware(order = 10, paths = \"/api\")");
    Compilation compilation = compile(wrapping("A", "@Middleware(order = 10)"), b);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/MiddlewareOrderConflict] middlewares A and B both have order 10 in "
        + "the chain of GET /api/x (Views#x)").inFile(b).onLineContaining("@Middleware");
  }

  @Test
  void usingAnUndeclaredMiddlewareIsAnError() {
    JavaFileObject undeclared = Compilations.source("""
        package mw;
        import dev.kiln.*;
        import java.util.concurrent.*;
        public final class Undeclared implements Middleware.Handler {
          public CompletionStage<Response> handle(Request request, Middleware.Next next) { return next.handle(request); }
        }
        """);
    JavaFileObject user = Compilations.source("""
        package mw;
        import dev.kiln.*;
        public final class User {
          @Use(Undeclared.class)
          @Route(path = "/u") public String u() { return ""; }
        }
        """);
    Compilation compilation = compile(undeclared, user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/UndeclaredMiddleware] @Use(Undeclared.class) on User#u names a "
        + "middleware the application does not declare").inFile(user).onLineContaining("@Use");
  }

  @Test
  void installingAClassThatDoesNotExistIsJavacsErrorNotACrash() {
    JavaFileObject app = Compilations.source("""
        package missing;
        import dev.kiln.*;
        @Application
        @Install(value = NoSuchMiddleware.class, order = 10)
        public final class MissingApp {
          @Route(path = "/") public String index() { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(app);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(app)
        .onLineContaining("NoSuchMiddleware.class");
  }

  @Test
  void usingSomethingThatIsNoMiddlewareDoesNotCompile() {
    JavaFileObject user = Compilations.source("""
        package mw;
        import dev.kiln.*;
        public final class User {
          @Use(String.class)
          @Route(path = "/u") public String u() { return ""; }
        }
        """);
    Compilation compilation = compile(user);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[Kiln/UndeclaredMiddleware] @Use(String.class) on User#u names a "
        + "middleware the application does not declare").inFile(user).onLineContaining("@Use(String.class)");
  }

  @Test
  void aPathScopeMustBeAPath() {
    JavaFileObject a = wrapping("A", "@Middleware(order = 1, paths = \"api\")");
    assertThat(compile(a)).hadErrorContaining("[Kiln/InvalidMiddlewareScope] middleware path prefix \"api\" must start "
        + "with '/'").inFile(a).onLineContaining("@Middleware");
  }

  @Test
  void aMiddlewareTheFactoryCannotNameIsAnError() {
    JavaFileObject hidden = Compilations.source("""
        package mw.internal;
        import dev.kiln.*;
        import java.util.concurrent.*;
        @Middleware(order = 1)
        final class Hidden implements Middleware.Handler {
          public CompletionStage<Response> handle(Request request, Middleware.Next next) { return next.handle(request); }
        }
        """);
    Compilation compilation = compile(hidden);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/InaccessibleHandler] middleware mw.internal.Hidden is not public")
        .inFile(hidden).onLineContaining("@Middleware");
  }
}
