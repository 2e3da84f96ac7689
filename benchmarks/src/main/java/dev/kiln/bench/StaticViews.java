package dev.kiln.bench;

import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.files.StaticFiles;

/**
 * The static-file suite's route: the files of {@code bench-static} on the class path (which
 * run.py writes into the build output before the run), as a packaged app serves them, compared with
 * nginx serving the same folder. Without the folder every path is a 404.
 */
public final class StaticViews {
  private final StaticFiles files;

  public StaticViews() {
    this.files = BenchApp.class.getClassLoader().getResource("bench-static") == null ? null
        : StaticFiles.fromClasspath(BenchApp.class, "/static", "bench-static");
  }

  @Route(path = "/static/{path:.+}")
  public Response file(Request request, String path) {
    return files == null ? Response.status(404) : files.serve(request, path);
  }
}
