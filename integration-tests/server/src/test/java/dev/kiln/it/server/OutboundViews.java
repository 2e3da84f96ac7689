package dev.kiln.it.server;

import dev.kiln.NonBlocking;
import dev.kiln.Route;
import dev.kiln.client.Client;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Handlers that call another server through the outbound client. */
public final class OutboundViews {
  final Client client = Client.builder().build();
  /** The other server's base URL; set by the test. */
  volatile String upstream;
  /** Where each step of {@code /outbound/relay} ran. */
  final List<String> threads = new CopyOnWriteArrayList<>();

  /** Answers with what the other server answered, leaving the event loop free meanwhile. */
  @NonBlocking
  @Route(path = "/outbound/relay", name = "outbound.relay")
  public CompletionStage<String> relay() {
    threads.add("handler " + Thread.currentThread().getName());
    return client.get(upstream + "/answer").asText().thenApply(body -> {
      threads.add("then " + Thread.currentThread().getName());
      return "relayed " + body;
    });
  }

  /** Waits for the other server on the event loop, which the client refuses. */
  @NonBlocking
  @Route(path = "/outbound/wait", name = "outbound.waitOnTheLoop")
  public String waitOnTheLoop() {
    return client.get(upstream + "/answer").call().text();
  }

  /** Waits for the other server on a blocking thread, where that is fine. */
  @Route(path = "/outbound/blocking", name = "outbound.blocking")
  public String blocking() {
    return "waited " + client.get(upstream + "/quick").call().text();
  }
}
