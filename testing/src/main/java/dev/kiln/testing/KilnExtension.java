package dev.kiln.testing;

import dev.kiln.Router;
import dev.kiln.server.Server;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Serves an application for the tests of a class and injects {@link TestClient} and
 * {@link TestServer} parameters.
 *
 * <pre>{@code
 * class ProjectsTest {
 *   @RegisterExtension
 *   static final KilnExtension kiln = KilnExtension.serve(
 *       () -> AppRoutes.builder().projectViews(new ProjectViews(store)).build());
 *
 *   @Test
 *   void listsProjects(TestClient client) {
 *     assertThat(client.get("/api/projects").status()).isEqualTo(200);
 *   }
 * }
 * }</pre>
 */
public final class KilnExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final Supplier<Router> router;
  private final UnaryOperator<Server.Builder> settings;
  private TestServer server;

  private KilnExtension(Supplier<Router> router, UnaryOperator<Server.Builder> settings) {
    this.router = router;
    this.settings = settings;
  }

  public static KilnExtension serve(Supplier<Router> router) {
    return new KilnExtension(router, UnaryOperator.identity());
  }

  public static KilnExtension serve(Supplier<Router> router, UnaryOperator<Server.Builder> settings) {
    return new KilnExtension(router, settings);
  }

  public TestServer server() {
    if (server == null) {
      throw new IllegalStateException("the server starts before the class's tests; register the extension on a "
          + "static field");
    }
    return server;
  }

  public TestClient client() {
    return server().client();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.start(router.get(), settings);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestClient.class || type == TestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestClient.class ? client() : server();
  }
}
