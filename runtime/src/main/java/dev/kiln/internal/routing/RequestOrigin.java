package dev.kiln.internal.routing;

import dev.kiln.App;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.http.TrustedProxies;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Where a request came from and how its handler runs: a connection of Kiln's server, or in-process
 * dispatch ({@link InMemory}). The innermost link of a route's chain asks it to run the handler, so
 * where handlers run is the server's decision, not the request's.
 */
public interface RequestOrigin {
  /** Runs an endpoint's handler where it belongs (event loop or blocking executor). */
  CompletionStage<Response> run(Endpoint endpoint, Request request);

  /** The client's address, or {@code null} in-process. */
  InetSocketAddress remoteAddress();

  /** The proxies whose forwarding headers are believed: none in-process. */
  default TrustedProxies trustedProxies() {
    return TrustedProxies.NONE;
  }

  /** The table the request was dispatched by; {@code null} for a request not dispatched yet. */
  RouteTable table();

  /** The application the server serves, {@link App#none()} when it was given none. */
  default App app() {
    return App.none();
  }
}
