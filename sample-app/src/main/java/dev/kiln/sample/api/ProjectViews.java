package dev.kiln.sample.api;

import dev.kiln.Body;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Problem;
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

  /** Every project, oldest first. */
  @Route(path = "/projects", name = "projects")
  public List<Project> projects() {
    return store.all();
  }

  /** One project by its id. */
  @Route(path = "/projects/{projectId:\\d+}", name = "project")
  public Project project(long projectId) {
    return store.find(projectId).orElseThrow(() -> HttpError.notFound("no project " + projectId));
  }

  /**
   * Adds a project, sent as JSON or as a form with the same fields, and answers 201 with the
   * project and its URL in {@code Location}. Forms are listed on purpose: any site can make a browser
   * post one, and what keeps that out here is the API key header, which a form cannot send.
   */
  @Route(method = HttpMethod.POST, path = "/projects", name = "addProject", consumes = {Route.JSON, Route.FORM})
  public Response addProject(@Body NewProject project) {
    if (store.findBySlug(project.slug()).isPresent()) {
      throw Problem.of(409).detail("a project with slug '" + project.slug() + "' exists").with("slug", project.slug())
          .toError();
    }
    String description = project.description() == null ? "" : project.description();
    Project added = store.add(project.name(), project.slug(), description);
    return Response.json(201, added).withHeader("Location", SampleAppUrls.api().project(added.id()).toString());
  }
}
