package hello;

import dev.kiln.Request;
import dev.kiln.Response;
import javax.annotation.processing.Generated;

/**
 * Binding code for the routes of {@link Health}: converts request values to the handler's
 * parameters and its result to a {@link Response}. Called from the application's generated table.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.Health"
)
public final class Health_Endpoints {
  private Health_Endpoints() {
  }

  /**
   * Binds {@code GET /v1/health} to {@link Health#health()}.
   */
  public static Response health(Request request) throws Exception {
    return Response.text(Health.health());
  }

  /**
   * Binds {@code POST /v1/health} to {@link Health#reset()}.
   */
  public static Response reset(Request request) throws Exception {
    Health.reset();
    return Response.noContent();
  }
}
