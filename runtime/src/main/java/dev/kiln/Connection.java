package dev.kiln;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Where a request came from and how its handler runs: a connection of Kiln's server, or in-process
 * dispatch. Requests carry it; handlers and middlewares see it through {@link Request}.
 */
public interface Connection {
  /** Runs an endpoint's handler where it belongs (event loop or blocking executor). */
  CompletionStage<Response> run(Endpoint endpoint, Request request);

  /** The client's address, or {@code null} in-process. */
  InetSocketAddress remoteAddress();

  /** The table the request was dispatched by. */
  Router router();

  /** The application the server serves, {@link App#none()} when it was given none. */
  default App app() {
    return App.none();
  }
}
