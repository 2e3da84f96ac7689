package dev.kiln.jte;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup check for jte issue #63: compiled templates on the class path stop reload, so reload refuses to start. */
class TemplateReloadTest {
  @Test
  void jtesClassFolderOnTheClassPathIsRefused(@TempDir Path classes) throws Exception {
    Files.createDirectories(classes.resolve("gg/jte/generated/ondemand"));
    Files.writeString(classes.resolve("gg/jte/generated/ondemand/JteindexGenerated.class"), "stale");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> TemplateReload.requireNoCompiledTemplates(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("jte issue #63")
          .hasMessageContaining("remove jte's class folder");
    }
  }

  @Test
  void aCleanClassPathIsAccepted(@TempDir Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThatCode(() -> TemplateReload.requireNoCompiledTemplates(loader)).doesNotThrowAnyException();
    }
  }
}
