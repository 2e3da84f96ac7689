package dev.kiln.sample.api;

import dev.kiln.OpenApi;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.sample.SampleApp;

/** The OpenAPI 3.1 document the processor wrote for this application. */
public final class OpenApiViews {
  /** This API's OpenAPI 3.1 description. */
  @Route(path = "/openapi.json", name = "openapi")
  public static Response openapi() {
    return OpenApi.response(SampleApp.class);
  }
}
