package dev.kiln.testing;

import dev.kiln.Router;
import java.lang.reflect.Constructor;
import dev.kiln.server.Server;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Serves an application for the tests of a class and injects {@link TestClient} and
 * {@link TestServer} parameters, and the application's generated client ({@code AppClient},
 * pointed at the server), as aiohttp's {@code aiohttp_client} fixture hands one over.
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
 *
 *   @Test
 *   void createsAProject(AppClient api) {
 *     assertThat(api.api().projects().create(new NewProject("kiln")).toCompletableFuture().join().id()).isPositive();
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

  /** The application's generated client ({@code AppClient::new}) pointed at the server. */
  public <C> C client(java.util.function.BiFunction<dev.kiln.client.Client, java.net.URI, C> generatedClient) {
    return server().client(generatedClient);
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
    return type == TestClient.class || type == TestServer.class || generatedClientConstructor(type) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestClient.class) {
      return client();
    }
    if (type == TestServer.class) {
      return server();
    }
    Constructor<?> constructor = generatedClientConstructor(type);
    return client((outbound, base) -> {
      try {
        return constructor.newInstance(outbound, base);
      } catch (ReflectiveOperationException e) {
        throw new ParameterResolutionException("cannot make " + type.getName() + " for the test", e);
      }
    });
  }

  /** A generated {@code <App>Client}'s {@code (Client, URI)} constructor; {@code null} for any other type. */
  private static Constructor<?> generatedClientConstructor(Class<?> type) {
    if (!type.getSimpleName().endsWith("Client")) {
      return null;
    }
    try {
      return type.getConstructor(dev.kiln.client.Client.class, java.net.URI.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
