package dev.kiln.sample.api;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Query;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Routes;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.storage.Project;
import dev.kiln.sample.storage.ProjectStore;
import java.util.List;

/** The projects API, grouped under {@code /api} and the route names {@code api.*}. */
@Routes(prefix = "/api", name = "api")
public final class ProjectViews {
  private final ProjectStore store;

  public ProjectViews(ProjectStore store) {
    this.store = store;
  }

  @Route(path = "/projects", name = "projects")
  public List<Project> projects() {
    return store.all();
  }

  @Route(path = "/projects/{projectId:\\d+}", name = "project")
  public Project project(long projectId) {
    return store.find(projectId).orElseThrow(() -> HttpError.notFound("no project " + projectId));
  }

  /** Adds a project and redirects to it (aiohttp's {@code HTTPFound}). */
  @Route(method = HttpMethod.POST, path = "/projects", name = "addProject")
  public Response addProject(@Query String name, @Query String slug, @Query java.util.Optional<String> description) {
    Project project = store.add(name, slug, description.orElse(""));
    return Response.redirect(SampleAppUrls.api().project(project.id()));
  }
}
