package hello;

import dev.kiln.Url;
import dev.kiln.client.Client;
import dev.kiln.client.ClientRequest;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * Typed calls of the named routes of {@link HelloApp}, through the outbound {@link Client}: each takes the
 * parameters its handler declares and completes with its result, or fails with a
 * {@code ProblemException} (a 422's violations included) or a {@code StatusException}.
 *
 * <pre>{@code
 * HelloAppClient api = new HelloAppClient(client, URI.create("http://127.0.0.1:8080"));
 * }</pre>
 *
 * <p>Routes without a name get no method; name them with {@code @Route(name = ...)}:
 * {@code POST /v1/health}.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.HelloApp"
)
public final class HelloAppClient {
  private final Client client;

  private final String base;

  private final UnaryOperator<ClientRequest> everyCall;

  /**
   * Calls the application at {@code base} ({@code http://127.0.0.1:8080}) through {@code client}.
   */
  public HelloAppClient(Client client, URI base) {
    this(client, base.toString().replaceAll("/+$", ""), UnaryOperator.identity());
  }

  private HelloAppClient(Client client, String base, UnaryOperator<ClientRequest> everyCall) {
    this.client = Objects.requireNonNull(client, "client");
    this.base = base;
    this.everyCall = everyCall;
  }

  /**
   * This client, with {@code customize} applied to each call before it is sent: a header,
   * a timeout. Applied after what it was given before.
   */
  public HelloAppClient withEveryCall(UnaryOperator<ClientRequest> customize) {
    Objects.requireNonNull(customize, "customize");
    return new HelloAppClient(client, base, request -> customize.apply(everyCall.apply(request)));
  }

  private ClientRequest newCall(String method, Url url) {
    return client.request(method, URI.create(base + url));
  }

  private ClientRequest send(ClientRequest request) {
    return everyCall.apply(request);
  }

  /**
   * The routes named {@code v1.*}.
   */
  public V1 v1() {
    return new V1();
  }

  /**
   * Calls of the routes named {@code v1.*}.
   */
  public final class V1 {
    private V1() {
    }

    /**
     * {@code GET /v1/health}, handled by {@link Health#health()}.
     */
    public CompletionStage<String> health() {
      Url url = HelloAppUrls.v1().health();
      ClientRequest request = newCall("GET", url);
      return send(request).asText();
    }
  }
}
