package dev.kiln.it.server;

import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.files.StaticFiles;
import java.nio.file.Path;

/** The test resources' {@code static/} folder under {@code /static}, and a folder on disk under {@code /dev}. */
public final class StaticViews {
  final StaticFiles files = StaticFiles.fromClasspath(ServerTestApp.class, "/static", "static");
  /** Set by a test: the folder {@code /dev} serves, as an app in development serves its sources. */
  volatile StaticFiles development = StaticFiles.fromFolder("/dev", Path.of("target", "no-such-folder"));

  @Route(path = "/static/{path:.+}", name = "staticFile")
  public Response file(Request request, String path) {
    return files.serve(request, path);
  }

  @Route(path = "/dev/{path:.+}", name = "development")
  public Response developmentFile(Request request, String path) {
    return development.serve(request, path);
  }
}
