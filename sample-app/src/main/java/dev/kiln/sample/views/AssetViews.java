package dev.kiln.sample.views;

import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Skip;
import dev.kiln.files.StaticFiles;
import dev.kiln.session.Sessions;

/**
 * The talk's {@code app.router.add_static('/static', path, name='static')}: the files of
 * {@code src/main/resources/static}, looked up in their listing and never on disk by the request's
 * path. Link them with {@code files.url("css/site.css")}, which gives the versioned URL browsers
 * keep for a year.
 */
@Skip(Sessions.class) // no session needed
public final class AssetViews {
  private final StaticFiles files;

  public AssetViews(StaticFiles files) {
    this.files = files;
  }

  @Route(path = "/static/{path:.+}", name = "assets")
  public Response asset(Request request, String path) {
    return files.serve(request, path);
  }
}
