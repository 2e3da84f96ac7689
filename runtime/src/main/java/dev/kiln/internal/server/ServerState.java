package dev.kiln.internal.server;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connections of one server share: the set of open connections (for graceful shutdown),
 * HTTP or handed to another protocol, and whether the server is draining.
 */
final class ServerState {
  /** The user event a connection gets when the server starts draining: close between requests. */
  static final Object DRAINING = new Object() {
    @Override
    public String toString() {
      return "DRAINING";
    }
  };

  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean draining;
  private volatile boolean listening = true;

  void opened(Channel connection) {
    connections.add(connection);
    connection.closeFuture().addListener(future -> closed(connection));
  }

  private void closed(Channel connection) {
    connections.remove(connection);
    if (!listening && connections.isEmpty()) {
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
   * Stops keeping connections alive and tells each one ({@link #DRAINING}): an HTTP connection closes
   * between requests, the others after their response; a protocol a connection was handed to decides
   * for itself. Connections accepted from now on serve one request each.
   */
  void startDraining() {
    draining = true;
    for (Channel connection : connections) {
      connection.pipeline().fireUserEventTriggered(DRAINING);
    }
  }

  /** Once the listener has closed: completes when the last connection has closed. */
  CompletableFuture<Void> drained() {
    listening = false;
    if (connections.isEmpty()) {
      drained.complete(null);
    }
    return drained;
  }

  /** Closes whatever is still open once the shutdown deadline has passed. */
  void closeAll() {
    for (Channel connection : connections) {
      connection.close();
    }
  }
}
