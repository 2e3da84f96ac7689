package dev.kiln;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI 3.1 document the processor wrote at compile time to
 * {@code META-INF/kiln/openapi.json}. An application opts in with a route of its own:
 *
 * <pre>{@code
 * @Route(path = "/openapi.json", name = "openapi")
 * public Response openapi() {
 *   return OpenApi.response(ProjectsApp.class);
 * }
 * }</pre>
 */
public final class OpenApi {
  public static final String RESOURCE = "META-INF/kiln/openapi.json";

  /** Read once per application class, from that class's loader. */
  private static final ClassValue<byte[]> DOCUMENTS = new ClassValue<>() {
    @Override
    protected byte[] computeValue(Class<?> application) {
      ClassLoader loader = application.getClassLoader();
      try (InputStream in = loader == null ? null : loader.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on " + application.getName() + "'s class path; "
              + "compile the application with kiln-processor");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + RESOURCE, e);
      }
    }
  };

  private OpenApi() {}

  /** The document's bytes (UTF-8 JSON). */
  public static byte[] document(Class<?> application) {
    return DOCUMENTS.get(application).clone();
  }

  /** The document as an {@code application/json} response. */
  public static Response response(Class<?> application) {
    return Response.bytes(DOCUMENTS.get(application), Response.APPLICATION_JSON);
  }
}
