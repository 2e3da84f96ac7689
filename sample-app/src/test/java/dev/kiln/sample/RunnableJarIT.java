package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} makes (run by Failsafe, after packaging): {@code target/kiln-sample-app.jar}
 * runs with {@code java -jar} alone, its libraries beside it in {@code target/lib}.
 */
class RunnableJarIT {
  private static final Path JAR = Path.of("target", "kiln-sample-app.jar");

  @Test
  void theThinJarNamesItsMainClassAndLibraries() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Manifest manifest = jar.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo(SampleApp.class.getName());
      String classPath = manifest.getMainAttributes().getValue("Class-Path");
      assertThat(classPath).contains("lib/kiln-runtime-");
      for (String entry : classPath.split(" ")) {
        assertThat(JAR.resolveSibling(entry)).as("a Class-Path entry beside the jar").exists();
      }
    }
    assertThat(Files.list(JAR.resolveSibling("lib")).map(p -> p.getFileName().toString()))
        .noneMatch(name -> name.startsWith("junit") || name.startsWith("kiln-processor"));
  }

  @Test
  void javaDashJarServesAndStops() throws Exception {
    try (AppProcess app = AppProcess.start(List.of(AppProcess.java(), "-Dport=0",
        "-DdatabaseDirectory=target/jar-test-postgres", "-jar", JAR.toString()))) {
      assertThat(app.get("/").body()).isEqualTo("Hello, world!");
      assertThat(app.get("/api/projects").statusCode()).isEqualTo(200);
      assertThat(app.get("/static/css/site.css").body()).as("static files out of the jar").contains("--accent");
      assertThat(app.stop()).contains("Kiln stopped");
    }
  }
}
