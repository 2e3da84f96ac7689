package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Development reload: a handler recompiled into the watched output is served by the running
 * process, from a fresh class loader, and the old loader can be collected.
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
          return dev.kiln.server.Server.builder(LiveAppRoutes.create(new Hello()))
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
