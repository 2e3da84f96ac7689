package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kiln.reload.Reloader;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Development reload: a handler recompiled into the watched output is served by the running
 * process, from a fresh class loader, and the old loader can be collected; a build that failed
 * leaves the previous version serving; {@code Kiln.run} in a main is what reload restarts.
 */
class ReloadTest {
  private static final JavaFileObject APP = Compilations.source("""
      package live;
      @dev.kiln.Application
      public final class LiveApp {}
      """);

  private static final JavaFileObject DEV = Compilations.source("""
      package live;
      public final class Dev implements dev.kiln.reload.Reloadable {
        @Override
        public dev.kiln.server.Server.Builder configure(String[] args) {
          return dev.kiln.server.Server.builder(LiveAppRoutes.create())
              .port(0).accessLog(false).shutdownTimeout(java.time.Duration.ofSeconds(1));
        }
      }
      """);

  /** An app whose main is the short one: what {@code Reloader.startMain} runs in each generation. */
  private static final JavaFileObject SHORT_MAIN = Compilations.source("""
      package live;
      public final class Main {
        public static void main(String[] args) throws Exception {
          dev.kiln.launch.Kiln.run(Main.class, args, Main::configure);
        }

        static dev.kiln.server.Server.Builder configure(String[] args) {
          return dev.kiln.server.Server.builder(LiveAppRoutes.create())
              .port(0).accessLog(false).shutdownTimeout(java.time.Duration.ofSeconds(1));
        }
      }
      """);

  private static JavaFileObject hello(String answer) {
    return Compilations.source("""
        package live;
        public final class Hello {
          @dev.kiln.Route(path = "/")
          public String hello() { return "%s"; }
        }
        """.formatted(answer));
  }

  private static String get(Reloader reloader) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + reloader.server().port() + "/");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Copies a build over the watched output, replacing what is there, as a compiler does. */
  private static void build(Path staging, Path output) throws IOException {
    try (Stream<Path> files = Files.walk(staging)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path target = output.resolve(staging.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void aFailedBuildLeavesThePreviousVersionServingAndIsReportedOnce(@TempDir Path output, @TempDir Path staging)
      throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(Reloader.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    Level level = log.getLevel();
    log.setLevel(Level.DEBUG);
    log.setAdditive(false); // captured, not printed
    try {
      Compilations.writeClasses(Compilations.compile(APP, SHORT_MAIN, hello("v1")), output);
      try (Reloader reloader = Reloader.startMain("live.Main", List.of(output), new String[0],
          ReloadTest.class.getClassLoader())) {
        assertThat(get(reloader)).isEqualTo("v1");

        // A build that failed half way: one class deleted, another cut short.
        Files.delete(output.resolve("live/Hello.class"));
        byte[] routes = Files.readAllBytes(output.resolve("live/LiveAppRoutes.class"));
        Files.write(output.resolve("live/LiveAppRoutes.class"), java.util.Arrays.copyOf(routes, routes.length / 2));
        await("no failed reload reported", () -> failures(lines) == 1);
        assertThat(get(reloader)).isEqualTo("v1");
        assertThat(reloader.generation()).isEqualTo(1);

        // The next failed build is not reported again.
        Files.writeString(output.resolve("live/Broken.class"), "not a class");
        await("the second failed build was not tried", () -> failures(lines) == 2);
        assertThat(get(reloader)).isEqualTo("v1");
        assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.WARN)
            .extracting(ILoggingEvent::getFormattedMessage)
            .singleElement().asString()
            .startsWith("Build output incomplete or failed, still serving the previous version");
        assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.WARN && line.getThrowableProxy() != null);

        // A good build is served again.
        Files.delete(output.resolve("live/Broken.class"));
        Compilations.writeClasses(Compilations.compile(APP, SHORT_MAIN, hello("v2")), staging);
        build(staging, output);
        await("no reload after the good build", () -> reloader.generation() == 2);
        assertThat(get(reloader)).isEqualTo("v2");
      }
    } finally {
      log.detachAppender(lines);
      log.setLevel(level);
      log.setAdditive(true);
    }
  }

  /** How many reloads failed: each logs its cause at DEBUG. */
  private static long failures(ListAppender<ILoggingEvent> lines) {
    synchronized (lines) { // what the appender appends under
      return List.copyOf(lines.list).stream().filter(line -> line.getFormattedMessage().equals("Reload failed")).count();
    }
  }

  @Test
  void aRecompiledHandlerIsServedAndTheOldClassesCanBeCollected(@TempDir Path output, @TempDir Path staging)
      throws Exception {
    Compilations.writeClasses(Compilations.compile(APP, DEV, hello("v1")), output);
    try (Reloader reloader = Reloader.start("live.Dev", List.of(output), new String[0],
        ReloadTest.class.getClassLoader())) {
      assertThat(get(reloader)).isEqualTo("v1");
      WeakReference<ClassLoader> first = new WeakReference<>(reloader.loader());
      assertThat(first.get().getName()).isEqualTo("kiln-app-1");

      Compilations.writeClasses(Compilations.compile(APP, DEV, hello("v2")), staging);
      build(staging, output);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (reloader.generation() < 2 || reloader.server() == null) {
        assertThat(System.nanoTime()).as("no reload after the build").isLessThan(deadline);
        Thread.onSpinWait();
      }
      assertThat(get(reloader)).isEqualTo("v2");
      assertThat(reloader.loader().getName()).isEqualTo("kiln-app-2");

      while (first.get() != null) {
        assertThat(System.nanoTime()).as("the first class loader is still reachable").isLessThan(deadline);
        System.gc();
      }
    }
  }
}
