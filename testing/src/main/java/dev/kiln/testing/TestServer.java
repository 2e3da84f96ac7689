package dev.kiln.testing;

import dev.kiln.Router;
import dev.kiln.client.Client;
import dev.kiln.server.Server;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * An application served on an ephemeral port of 127.0.0.1 for the length of a test, with a client
 * pointed at it: aiohttp's {@code aiohttp_client} fixture.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(AppRoutes.builder().views(new Views()).build())) {
 *   assertThat(server.client().get("/").text()).isEqualTo("Hello, world!");
 *   assertThat(server.client(AppClient::new).hello().toCompletableFuture().join()).isEqualTo("Hello, world!");
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
  private final Server server;
  private final TestClient client;
  private Client outbound;

  private TestServer(Server server) {
    this.server = server;
    this.client = new TestClient(URI.create("http://127.0.0.1:" + server.port()));
  }

  public static TestServer start(Router router) {
    return start(router, UnaryOperator.identity());
  }

  /** Starts with server settings adjusted by {@code settings}; host and port are the test's. */
  public static TestServer start(Router router, UnaryOperator<Server.Builder> settings) {
    Server.Builder builder = settings.apply(Server.builder(router)).host("127.0.0.1").port(0);
    return new TestServer(builder.start());
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** A client with its own cookie jar, shared by the calls of this server's test. */
  public TestClient client() {
    return client;
  }

  /** Another client, with a cookie jar of its own: a second browser, for sessions. */
  public TestClient newClient() {
    return new TestClient(URI.create("http://127.0.0.1:" + server.port()));
  }

  /**
   * The application's generated client ({@code AppClient::new}) pointed at this server, on an
   * outbound {@link Client} closed with it: typed calls, as another service would make them.
   */
  public <C> C client(BiFunction<Client, URI, C> generatedClient) {
    return generatedClient.apply(outbound(), uri(""));
  }

  /** The outbound client the generated clients of this server share, made on first use and closed with the server. */
  public synchronized Client outbound() {
    if (outbound == null) {
      outbound = Client.builder().build();
    }
    return outbound;
  }

  /** A fresh connection for sending raw bytes, for framing and hostile-input tests. */
  public RawConnection raw() {
    return RawConnection.open(server.port());
  }

  /**
   * A raw connection whose socket receive buffer holds about {@code receiveBuffer} bytes, for tests of
   * clients that read their answers slowly or not at all.
   */
  public RawConnection raw(int receiveBuffer) {
    return RawConnection.open(port(), receiveBuffer);
  }

  public Server server() {
    return server;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (outbound != null) {
        outbound.close();
      }
    }
    server.close();
  }
}
