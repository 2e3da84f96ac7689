package dev.kiln.sample.views;

import dev.kiln.HttpError;
import dev.kiln.Route;
import dev.kiln.sample.storage.Project;
import dev.kiln.sample.storage.ProjectStore;
import java.util.stream.Collectors;

/** The projects as pages for people; the JSON API lives in {@code api/}. */
public final class ProjectPages {
  private final ProjectStore store;

  public ProjectPages(ProjectStore store) {
    this.store = store;
  }

  @Route(path = "/projects", name = "projects")
  public String projects() {
    return store.all().stream()
        .map(p -> p.id() + "\t" + p.name() + "\t" + p.description())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Route(path = "/projects/{projectId:\\d+}", name = "project")
  public String project(long projectId) {
    Project project = store.find(projectId).orElseThrow(() -> HttpError.notFound("no project " + projectId));
    return project.name() + "\n" + project.description() + "\n";
  }
}
