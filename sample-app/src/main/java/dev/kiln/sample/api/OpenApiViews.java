package dev.kiln.sample.api;

import dev.kiln.OpenApi;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Skip;
import dev.kiln.sample.SampleApp;
import dev.kiln.session.Sessions;

/** The OpenAPI 3.1 document the processor wrote for this application. */
@Skip(Sessions.class) // no session needed
public final class OpenApiViews {
  /** This API's OpenAPI 3.1 description. */
  @Route(path = "/openapi.json", name = "openapi")
  public static Response openapi() {
    return OpenApi.response(SampleApp.class);
  }
}
