package dev.kiln.internal.routing;

import dev.kiln.App;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Router;
import dev.kiln.internal.http.Failures;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Requests made in memory and dispatched on the calling thread, middlewares and blocking handlers
 * included: for Kiln's own tests, benchmarks and tools, never for an event loop.
 *
 * <pre>{@code
 * Request request = InMemory.request(HttpMethod.POST, "/api/projects")
 *     .header("Content-Type", "application/json").body("{\"name\":\"Kiln\"}").build();
 * Response response = InMemory.dispatch(router, request).toCompletableFuture().join();
 * }</pre>
 */
public final class InMemory {
  /** The origin of a request not dispatched yet. */
  static final RequestOrigin UNROUTED = new Origin(null);

  private InMemory() {}

  public static Builder request(HttpMethod method, String target) {
    return new Builder(method, target);
  }

  /** A request with no headers and no body. */
  public static Request of(HttpMethod method, String target) {
    return request(method, target).build();
  }

  /**
   * Routes and runs {@code request} on the calling thread. Every answer, an error's included, is a
   * response ({@link Response#failure()} says which exception made it), as the server would send.
   */
  public static CompletionStage<Response> dispatch(Router router, Request request) {
    RouteTable table = RouteTable.of(router);
    ServedRequest served = ServedRequest.of(request);
    RouteMatch match = table.newMatch().headers(served.headHeaders());
    served.dispatchedBy(table);
    Endpoint endpoint;
    if (table.match(served.method(), served.path(), match)) {
      endpoint = match.endpoint();
      served.bind(endpoint.route(), match);
    } else {
      endpoint = table.fallback(served.path());
      served.unmatched(match.allowedMethods(), match.refusal());
    }
    return Endpoint.answering(endpoint.route(), endpoint.handle(served))
        .thenApply(response -> response.rendered(served.app().json()));
  }

  /** In-process dispatch: handlers run on the calling thread. */
  record Origin(RouteTable table) implements RequestOrigin {
    @Override
    public CompletionStage<Response> run(Endpoint endpoint, Request request) {
      if (!endpoint.isBlocking()) {
        return Endpoint.answering(endpoint.route(), endpoint.callAsync(request));
      }
      try {
        return CompletableFuture.completedFuture(endpoint.call(request));
      } catch (Exception | Error e) {
        return CompletableFuture.completedFuture(Failures.response(endpoint.route(), e));
      }
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return null;
    }
  }

  /** Builds a request in memory. */
  public static final class Builder {
    private final HttpMethod method;
    private final String target;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private byte[] body = new byte[0];
    private App app;

    private Builder(HttpMethod method, String target) {
      this.method = method;
      this.target = target;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    public Builder body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The application {@link Request#app()} answers. */
    public Builder app(App app) {
      this.app = app;
      return this;
    }

    /**
     * @throws dev.kiln.HttpError 400 for a target that is not an absolute path, as the server would
     */
    public Request build() {
      return ServedRequest.inMemory(method, target, headers, body, app);
    }
  }
}
