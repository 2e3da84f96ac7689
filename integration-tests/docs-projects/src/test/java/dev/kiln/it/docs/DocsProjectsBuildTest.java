package dev.kiln.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projects under {@code docs/} build with Maven as a user's would, against the Kiln modules
 * this build installed: the processors run, and Surefire runs each project's test rather than
 * reporting success with none.
 */
class DocsProjectsBuildTest {
  private static final Path DOCS = Path.of(System.getProperty("kiln.docs"));

  @Test
  void pinTheVersionsBeingBuilt() throws IOException {
    assertThat(Files.readString(DOCS.resolve("without-a-parent/pom.xml")))
        .contains("<kiln.version>" + System.getProperty("kiln.version") + "</kiln.version>");
    assertThat(Files.readString(DOCS.resolve("with-dagger/pom.xml")))
        .contains("<artifactId>kiln-app-parent</artifactId>\n    <version>" + System.getProperty("kiln.version"))
        .contains("<dagger.version>" + System.getProperty("dagger.version") + "</dagger.version>");
  }

  /** The README's setup without kiln-app-parent: the BOM imported, the plugins configured by hand. */
  @Test
  void withoutAParentBuildsAndRunsItsTest(@TempDir Path copy) throws Exception {
    build("without-a-parent", copy);
    assertThat(copy.resolve("target/generated-sources/annotations/com/example/plain/PlainAppRoutes.java")).exists();
  }

  /** Dagger's processor beside Kiln's: the component hands its instances to the generated builder. */
  @Test
  void withDaggerBuildsAndRunsItsTest(@TempDir Path copy) throws Exception {
    build("with-dagger", copy);
    assertThat(copy.resolve("target/generated-sources/annotations/com/example/wired/WiredAppRoutes.java")).exists();
    assertThat(copy.resolve("target/generated-sources/annotations/com/example/wired/DaggerWiredComponent.java"))
        .exists();
    assertThat(copy.resolve("target/wired.jar")).as("the parent's runnable jar").exists();
  }

  private static void build(String project, Path copy) throws Exception {
    copyTree(DOCS.resolve(project), copy);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
        "-B", "-Dmaven.repo.local=" + System.getProperty("kiln.localRepository"), "verify"));
    if (outerBuildIsOffline()) {
      command.add("-o");
    }
    Process maven = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
    String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(maven.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(maven.exitValue()).as(output).isZero();
    assertThat(output).contains("BUILD SUCCESS").contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
  }

  /** Whether the Maven running this test was started offline: its script exports its arguments. */
  private static boolean outerBuildIsOffline() {
    List<String> arguments = List.of(System.getenv().getOrDefault("MAVEN_CMD_LINE_ARGS", "").strip().split("\\s+"));
    return arguments.contains("-o") || arguments.contains("--offline");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path path : (Iterable<Path>) tree.filter(p -> !from.relativize(p).startsWith("target"))::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
