package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.files.StaticFiles;
import dev.kiln.jte.TemplateReload;
import dev.kiln.sample.storage.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In debug mode the generated template methods render from the source folder, and a changed template shows at once. */
class TemplateReloadTest {
  private static final StaticFiles ASSETS = StaticFiles.fromClasspath(SampleApp.class, "/static", "static");
  /** Pages render without a session too: the layout then shows no account links. */
  private static final dev.kiln.session.Session NO_SESSION = null;
  private static final List<Project> PROJECTS = List.of(new Project(1, "Kiln", "kiln", "stack"));

  @AfterEach
  void precompiledAgain() {
    TemplateReload.disable();
  }

  @Test
  void aChangedTemplateIsRenderedWithNoRebuild(@TempDir Path sources) throws Exception {
    try (Stream<Path> templates = Files.list(Path.of("src/main/jte"))) {
      for (Path template : (Iterable<Path>) templates::iterator) {
        Files.copy(template, sources.resolve(template.getFileName()));
      }
    }
    assertThat(SampleAppTemplates.projects(ASSETS, NO_SESSION, PROJECTS).bodyText()).contains("<h1>Projects</h1>");

    TemplateReload.enable(sources);
    assertThat(SampleAppTemplates.projects(ASSETS, NO_SESSION, PROJECTS).bodyText()).contains("<h1>Projects</h1>");
    Path projects = sources.resolve("projects.jte");
    Files.writeString(projects, Files.readString(projects).replace("<h1>Projects</h1>", "<h1>All the projects</h1>"));
    Files.setLastModifiedTime(projects, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
    assertThat(SampleAppTemplates.projects(ASSETS, NO_SESSION, PROJECTS).bodyText()).contains("<h1>All the projects</h1>")
        .contains("<a href=\"/projects/1\">Kiln</a>");

    TemplateReload.disable();
    assertThat(SampleAppTemplates.projects(ASSETS, NO_SESSION, PROJECTS).bodyText()).as("the precompiled class again")
        .contains("<h1>Projects</h1>");
  }

  @Test
  void aFolderThatIsNotThereIsRefused(@TempDir Path sources) {
    assertThatThrownBy(() -> TemplateReload.enable(sources.resolve("missing")))
        .hasMessageStartingWith("no template folder");
  }
}
