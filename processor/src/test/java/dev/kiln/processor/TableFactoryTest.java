package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How an application makes its table: {@code builder()} with one setter per instance, named after
 * its class; instances the table can make with {@code new T()} are optional; {@code build()} names
 * every required one still missing; and {@code create()} exists only where nothing is required.
 */
class TableFactoryTest {
  private static final JavaFileObject APP = Compilations.source("""
      package tf;
      @dev.kiln.Application
      public final class TfApp {}
      """);

  /** Needs a greeting, so only the application can make it. */
  private static final JavaFileObject GREETER = Compilations.source("""
      package tf;
      import dev.kiln.*;
      public final class Greeter {
        private final String greeting;
        public Greeter(String greeting) { this.greeting = greeting; }
        @Route(path = "/greet/{name}")
        public String greet(String name) { return greeting + ", " + name; }
      }
      """);

  /** Has a public no-argument constructor, so the table makes one unless the application sets its own. */
  private static final JavaFileObject COUNTER = Compilations.source("""
      package tf;
      import dev.kiln.*;
      public final class Counter {
        private final String label;
        private int count;
        public Counter() { this("made by the table"); }
        public Counter(String label) { this.label = label; }
        @Route(path = "/count")
        public String count() { return label + " " + (++count); }
      }
      """);

  /** Its constructor declares a checked exception, so the table cannot call it. */
  private static final JavaFileObject LOADER = Compilations.source("""
      package tf;
      import dev.kiln.*;
      public final class Loader {
        public Loader() throws java.io.IOException {}
        @Route(path = "/load")
        public String load() { return "loaded"; }
      }
      """);

  /** Its no-argument constructor is package-private in another package than the application's. */
  private static final JavaFileObject REMOTE = Compilations.source("""
      package tf.other;
      import dev.kiln.*;
      public final class Remote {
        Remote() {}
        @Route(path = "/remote")
        public String remote() { return "remote"; }
      }
      """);

  @Test
  void aConstructibleInstanceIsMadeWhenNotSetAndTheSetOneIsUsedWhenSet() {
    GeneratedApp made = GeneratedApp.compile("tf.Fixture", APP, GREETER, COUNTER, fixture("""
        TfAppRoutes.builder().greeter(new Greeter("Hello")).build()"""));
    assertThat(made.get("/greet/ana").bodyText()).isEqualTo("Hello, ana");
    assertThat(made.get("/count").bodyText()).isEqualTo("made by the table 1");
    assertThat(made.get("/count").bodyText()).isEqualTo("made by the table 2");

    GeneratedApp set = GeneratedApp.compile("tf.Fixture", APP, GREETER, COUNTER, fixture("""
        TfAppRoutes.builder().greeter(new Greeter("Hi")).counter(new Counter("set by the app")).build()"""));
    assertThat(set.get("/count").bodyText()).isEqualTo("set by the app 1");
  }

  @Test
  void buildNamesEveryRequiredInstanceStillMissing() {
    assertThatThrownBy(() -> GeneratedApp.compile("tf.Fixture", APP, GREETER, COUNTER, LOADER, REMOTE, fixture("""
        TfAppRoutes.builder().counter(new Counter()).build()""")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TfAppRoutes.builder() needs greeter(Greeter), loader(Loader), remote(Remote) before build()");
  }

  @Test
  void aSetterRefusesNullNamingItself() {
    assertThatThrownBy(() -> GeneratedApp.compile("tf.Fixture", APP, GREETER, COUNTER, fixture("""
        TfAppRoutes.builder().greeter(null).build()""")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("greeter");
  }

  @Test
  void createExistsOnlyWhenTheTableCanMakeEveryInstance() throws Exception {
    GeneratedApp constructible = GeneratedApp.compile("tf.Fixture", APP, COUNTER, fixture("TfAppRoutes.create()"));
    assertThat(constructible.get("/count").bodyText()).isEqualTo("made by the table 1");

    Compilation required = Compilations.compile(APP, GREETER, COUNTER);
    assertThat(required).succeeded();
    Class<?> routes = Compilations.classLoader(required).loadClass("tf.TfAppRoutes");
    assertThat(Arrays.stream(routes.getMethods()).map(Method::getName)).contains("builder").doesNotContain("create");
    assertThat(required).generatedSourceFile("tf.TfAppRoutes").contentsAsUtf8String()
        .contains("Make it with {@link #builder()} and");
    assertThat(required).generatedSourceFile("tf.TfAppRoutes").contentsAsUtf8String()
        .contains("<p>Optional: without it the table makes one with {@code new Counter()}.");
  }

  @Test
  void aTableOfStaticHandlersHasOnlyCreate() throws Exception {
    JavaFileObject handlers = Compilations.source("""
        package tf;
        import dev.kiln.*;
        public final class Pings {
          @Route(path = "/ping")
          public static String ping() { return "pong"; }
        }
        """);
    GeneratedApp app = GeneratedApp.compile("tf.Fixture", APP, handlers, fixture("TfAppRoutes.create()"));
    assertThat(app.get("/ping").bodyText()).isEqualTo("pong");
    Class<?> routes = app.loader.loadClass("tf.TfAppRoutes");
    assertThat(Arrays.stream(routes.getMethods()).map(Method::getName)).contains("create").doesNotContain("builder");
  }

  @Test
  void classesOfOneSimpleNameGetSettersNamedAfterTheirPackageOrEnclosingClass() {
    JavaFileObject api = Compilations.source("""
        package tf.api;
        import dev.kiln.*;
        public final class Views {
          private final String prefix;
          public Views(String prefix) { this.prefix = prefix; }
          @Route(path = "/api/hello")
          public String hello() { return prefix + "api"; }
        }
        """);
    JavaFileObject pages = Compilations.source("""
        package tf.pages;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/hello")
          public String hello() { return "pages"; }
        }
        """);
    JavaFileObject admin = Compilations.source("""
        package tf;
        import dev.kiln.*;
        public final class Admin {
          public static final class Views {
            @Route(path = "/admin/hello")
            public String hello() { return "admin"; }
          }
        }
        """);
    GeneratedApp app = GeneratedApp.compile("tf.Fixture", APP, api, pages, admin, fixture("""
        TfAppRoutes.builder().apiViews(new tf.api.Views("from ")).pagesViews(new tf.pages.Views())
            .adminViews(new Admin.Views()).build()"""));
    assertThat(app.get("/api/hello").bodyText()).isEqualTo("from api");
    assertThat(app.get("/hello").bodyText()).isEqualTo("pages");
    assertThat(app.get("/admin/hello").bodyText()).isEqualTo("admin");
  }

  /** A {@code Supplier<Router>} returning {@code expression}. */
  private static JavaFileObject fixture(String expression) {
    return Compilations.source("""
        package tf;
        public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
          public dev.kiln.Router get() {
            return %s;
          }
        }
        """.formatted(expression));
  }
}
