package dev.kiln.sample.api;

import dev.kiln.Body;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Routes;
import dev.kiln.Skip;
import dev.kiln.Use;
import dev.kiln.jdbi.Transactional;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.events.ProjectEvents;
import dev.kiln.sample.storage.Project;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.session.Sessions;
import java.util.List;

/** The projects API, grouped under {@code /api} and the route names {@code api.*}. */
@Skip(Sessions.class) // authenticated by its API key, not a cookie: no session, no CSRF token
@Routes(prefix = "/api", name = "api")
public final class ProjectViews {
  private final ProjectStore store;
  private final ProjectEvents events;

  public ProjectViews(ProjectStore store, ProjectEvents events) {
    this.store = store;
    this.events = events;
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
   * project and its URL in {@code Location}; a slug another project has is a 409. Forms are listed
   * on purpose: any site can make a browser post one, and what keeps that out here is the API key
   * header, which a form cannot send.
   */
  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/projects", name = "addProject", consumes = {Route.JSON, Route.FORM})
  public Response addProject(@Body NewProject project) {
    Project added = store.add(project.name(), project.slug(), descriptionOf(project));
    events.created(added);
    return Response.json(201, added).withHeader("Location", SampleAppUrls.api().project(added.id()).toString());
  }

  /** The talk's {@code edit_project}: replaces a project's fields; 404 for no such project, 409 for a taken slug. */
  @Use(Transactional.class)
  @Route(method = HttpMethod.PUT, path = "/projects/{projectId:\\d+}", name = "editProject",
      consumes = {Route.JSON, Route.FORM})
  public Project editProject(long projectId, @Body NewProject project) {
    Project edited = store.update(new Project(projectId, project.name(), project.slug(), descriptionOf(project)))
        .orElseThrow(() -> HttpError.notFound("no project " + projectId));
    events.edited(edited);
    return edited;
  }

  /** The talk's {@code delete_project}: 204, or 404 for no such project. */
  @Use(Transactional.class)
  @Route(method = HttpMethod.DELETE, path = "/projects/{projectId:\\d+}", name = "deleteProject")
  public void deleteProject(long projectId) {
    Project deleted = store.delete(projectId).orElseThrow(() -> HttpError.notFound("no project " + projectId));
    events.deleted(deleted);
  }

  /** The project changes this instance heard on Redis, from any instance, newest last. */
  @Route(path = "/events", name = "events")
  public List<ProjectEvents.Event> events() {
    return events.recent();
  }

  private static String descriptionOf(NewProject project) {
    return project.description() == null ? "" : project.description();
  }
}
