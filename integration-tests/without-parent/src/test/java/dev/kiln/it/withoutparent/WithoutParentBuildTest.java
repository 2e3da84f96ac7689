package dev.kiln.it.withoutparent;

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
 * The README's setup without kiln-app-parent ({@code docs/without-a-parent}) builds with Maven:
 * the processor runs, and Surefire runs the test rather than reporting success with none.
 */
class WithoutParentBuildTest {
  private static final Path PROJECT = Path.of(System.getProperty("kiln.project"));

  @Test
  void pinsTheKilnVersionBeingBuilt() throws IOException {
    assertThat(Files.readString(PROJECT.resolve("pom.xml")))
        .contains("<kiln.version>" + System.getProperty("kiln.version") + "</kiln.version>");
  }

  @Test
  void buildsAndRunsItsTest(@TempDir Path copy) throws Exception {
    copyTree(PROJECT, copy);
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
    assertThat(copy.resolve("target/generated-sources/annotations/com/example/plain/PlainAppRoutes.java"))
        .exists();
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
