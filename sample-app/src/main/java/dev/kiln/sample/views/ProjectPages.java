package dev.kiln.sample.views;

import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.files.StaticFiles;
import dev.kiln.jdbi.DatabaseErrors;
import dev.kiln.sample.SampleAppTemplates;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.session.Session;

/**
 * The projects as pages for people, from the jte templates in {@code src/main/jte} (the talk's
 * {@code templates/}); the JSON API lives in {@code api/}.
 */
public final class ProjectPages {
  private final ProjectStore store;
  private final StaticFiles assets;

  public ProjectPages(ProjectStore store, StaticFiles assets) {
    this.store = store;
    this.assets = assets;
  }

  @Route(path = "/projects", name = "projects")
  public Response projects(Session session) {
    return SampleAppTemplates.projects(assets, session, store.all());
  }

  @Route(path = "/projects/{projectId:\\d+}", name = "project")
  public Response project(long projectId, Session session) {
    return SampleAppTemplates.project(assets, session,
        DatabaseErrors.found(store.find(projectId), "no project " + projectId));
  }
}
