package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.InMemory;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed request-scoped values: a {@code @Provides} middleware hands a value on, a handler takes it
 * as a plain parameter, and a route whose chain provides nothing of the type does not compile.
 */
class ProvidedValueTest {
  private static final JavaFileObject APP = Compilations.source("""
      package pv;
      @dev.kiln.Application
      public final class PvApp {}
      """);

  private static final JavaFileObject USER = Compilations.source("""
      package pv;
      public record CurrentUser(String name) {}
      """);

  /** Provides the user named by X-User, or answers 401. */
  private static final JavaFileObject AUTH = Compilations.source("""
      package pv;
      import dev.kiln.*;
      import java.util.concurrent.*;
      @Middleware(order = 10, paths = "/account")
      @Provides(CurrentUser.class)
      public final class Auth implements Middleware.Handler {
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          String name = request.header("X-User");
          if (name == null) {
            return CompletableFuture.completedFuture(Response.text(401, "who are you?"));
          }
          request.provide(CurrentUser.class, new CurrentUser(name));
          return next.handle(request);
        }
      }
      """);

  /** Provides a user only when X-User is there. */
  private static final JavaFileObject GUEST = Compilations.source("""
      package pv;
      import dev.kiln.*;
      import java.util.concurrent.*;
      @Middleware(order = 20, optIn = true)
      @Provides(CurrentUser.class)
      public final class Guest implements Middleware.Handler {
        public CompletionStage<Response> handle(Request request, Middleware.Next next) {
          String name = request.header("X-User");
          if (name != null) {
            request.provide(CurrentUser.class, new CurrentUser(name));
          }
          return next.handle(request);
        }
      }
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package pv;
      import dev.kiln.*;
      import java.util.Optional;
      public final class Views {
        @Route(path = "/account/me")
        public String me(CurrentUser user) { return "me=" + user.name(); }

        @Use(Guest.class)
        @Route(path = "/hello")
        public String hello(Optional<CurrentUser> user, @Query("greeting") Optional<String> greeting) {
          return greeting.orElse("hello") + " " + user.map(CurrentUser::name).orElse("stranger");
        }

        @Use(Guest.class)
        @Route(path = "/strict")
        public String strict(CurrentUser user) { return "strict=" + user.name(); }
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package pv;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() {
          return PvAppRoutes.create();
        }
      }
      """);

  @Test
  void aHandlerTakesWhatItsChainProvides() {
    GeneratedApp app = GeneratedApp.compile("pv.Fixture", APP, USER, AUTH, GUEST, VIEWS, FIXTURE);
    assertThat(app.call(InMemory.request(HttpMethod.GET, "/account/me").header("X-User", "ana").build()).bodyText())
        .isEqualTo("me=ana");
    assertThat(app.get("/account/me").status()).isEqualTo(401);
    assertThat(app.call(InMemory.request(HttpMethod.GET, "/hello").header("X-User", "bo").build()).bodyText())
        .isEqualTo("hello bo");
    assertThat(app.get("/hello?greeting=hi").bodyText()).isEqualTo("hi stranger");
  }

  @Test
  void aProviderThatSetsNothingIsA500NotANullInTheHandler() {
    GeneratedApp app = GeneratedApp.compile("pv.Fixture", APP, USER, AUTH, GUEST, VIEWS, FIXTURE);
    dev.kiln.Response response = app.get("/strict");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.failure()).hasMessageContaining("no pv.CurrentUser was provided")
        .hasMessageContaining("request.provide(CurrentUser.class, value)");
  }

  @Test
  void aParameterNoMiddlewareProvidesIsAnErrorOnTheParameter() {
    JavaFileObject views = Compilations.source("""
        package pv;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/me")
          public String me(
              CurrentUser user) { return user.name(); }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, USER, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/MissingProvider] parameter 'user' of Views#me takes a "
        + "CurrentUser from a middleware, but no middleware in the chain of GET /me provides one (it has none); "
        + "annotate the middleware that sets it with @Provides(CurrentUser.class)")
        .inFile(views).onLineContaining("CurrentUser user");
  }

  @Test
  void aProviderOutsideTheRoutesScopeIsNamedWithTheFix() {
    JavaFileObject views = Compilations.source("""
        package pv;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/profile")
          public String profile(
              java.util.Optional<CurrentUser> user) { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, USER, AUTH, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("no middleware in the chain of GET /profile provides one (it has "
        + "none); Auth provides CurrentUser but does not cover this route: widen its paths or groups, or add "
        + "@Use(Auth.class) to the route").inFile(views).onLineContaining("Optional<CurrentUser> user");
  }

  @Test
  void aSessionOnARouteWithoutTheSessionMiddlewareSaysHowToInstallIt() {
    JavaFileObject views = Compilations.source("""
        package pv;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/cart")
          public String cart(
              dev.kiln.session.Session session) { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("parameter 'session' of Views#cart takes a Session from a middleware, "
        + "but no middleware in the chain of GET /cart provides one (it has none); install the session middleware "
        + "on the application class, @Install(value = dev.kiln.session.Sessions.class, order = ...)")
        .inFile(views).onLineContaining("Session session");
  }

  @Test
  void aSessionOnARouteTheInstalledSessionMiddlewareDoesNotCoverIsAnError() {
    JavaFileObject app = Compilations.source("""
        package pv;
        @dev.kiln.Application
        @dev.kiln.Install(value = dev.kiln.session.Sessions.class, order = 10, paths = "/shop")
        public final class PvApp {}
        """);
    JavaFileObject views = Compilations.source("""
        package pv;
        import dev.kiln.*;
        import dev.kiln.session.Session;
        public final class Views {
          @Route(path = "/shop/cart")
          public String cart(Session session) { return ""; }

          @Route(path = "/api/cart")
          public String api(
              Session apiSession) { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(app, views);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("Sessions provides Session but does not cover this route: widen its "
        + "paths or groups, or add @Use(Sessions.class) to the route").inFile(views).onLineContaining("Session apiSession");
  }

  @Test
  void onlyAMiddlewareCanProvide() {
    JavaFileObject notOne = Compilations.source("""
        package pv;
        @dev.kiln.Provides(CurrentUser.class)
        public final class Helper {}
        """);
    Compilation compilation = Compilations.compileWithOneRoute("pv", USER, notOne);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/NotAMiddleware] @Provides on Helper: only a middleware")
        .inFile(notOne).onLineContaining("@dev.kiln.Provides");
  }

  @Test
  void aConstraintOnAProvidedValueIsAnError() {
    JavaFileObject views = Compilations.source("""
        package pv;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/account/x")
          public String x(
              @jakarta.validation.constraints.NotNull CurrentUser user) { return ""; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, USER, AUTH, views);
    assertThat(compilation).hadErrorContaining("parameter 'user' is a value a middleware provides, and "
        + "constraints check request values only").inFile(views).onLineContaining("CurrentUser user");
  }

  /** A handler compiled by an older Kiln left a marker without a format: the root names it, not guesses. */
  @Test
  void aMarkerOfAnotherFormatIsACompileErrorNamingTheHandler(@TempDir Path classes) {
    JavaFileObject views = Compilations.source("""
        package pv;
        public final class OldViews {
          public String x() { return ""; }
        }
        """);
    JavaFileObject marker = Compilations.source("""
        package dev.kiln.aggregated.routes;
        @dev.kiln.internal.routing.AggregatedRoutes(format = 1, handler = "pv.OldViews",
            endpoints = "pv.OldViews_Endpoints", needsInstance = true, routes = {})
        public final class pv_OldViews {}
        """);
    Compilation old = javac().withOptions("-proc:none").compile(views, marker);
    assertThat(old).succeeded();
    Compilations.writeClasses(old, classes);

    Compilation compilation = Compilations.compileAgainst(classes, APP);
    assertThat(compilation).hadErrorContaining("[Kiln/StaleMarker] the routes of pv.OldViews were compiled by "
        + "another Kiln version (marker format 1; this processor reads format 4)").inFile(APP);
  }
}
