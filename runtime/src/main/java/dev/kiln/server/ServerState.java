package dev.kiln.server;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connections of one server share: the set of open connections (for graceful shutdown)
 * and whether the server is draining.
 */
final class ServerState {
  private final Set<ReadPacing> connections = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean draining;

  void opened(ReadPacing connection) {
    connections.add(connection);
  }

  void closed(ReadPacing connection) {
    connections.remove(connection);
    if (draining && connections.isEmpty()) {
      drained.complete(null);
    }
  }

  int openConnections() {
    return connections.size();
  }

  boolean isDraining() {
    return draining;
  }

  /**
   * Stops keeping connections alive and closes those between requests; the others close after
   * their response. Completes when the last connection has closed.
   */
  CompletableFuture<Void> drain() {
    draining = true;
    for (ReadPacing connection : connections) {
      connection.closeIfIdleOnItsLoop();
    }
    if (connections.isEmpty()) {
      drained.complete(null);
    }
    return drained;
  }

  /** Closes whatever is still open once the shutdown deadline has passed. */
  void closeAll() {
    for (ReadPacing connection : connections) {
      connection.close();
    }
  }
}
