package dev.kiln.internal.server;

import dev.kiln.ConnectionUpgrade;
import io.netty.channel.ChannelPipeline;
import java.util.concurrent.Executor;

/**
 * A {@link ConnectionUpgrade} the server can carry out. Once the {@code 101} is written, Kiln's HTTP
 * handlers leave the connection's pipeline (its timeouts included: the protocol keeps its own) and
 * {@link #install} adds the protocol's; bytes the client sent after its upgrade request reach them.
 * The connection then reads on its own (auto-read on).
 */
public interface ProtocolHandler extends ConnectionUpgrade {
  /**
   * The user event every connection gets when the server starts shutting down: a protocol closes its
   * connection as it should (WebSocket: 1001), within the server's shutdown timeout.
   */
  Object DRAINING = ServerState.DRAINING;

  /**
   * Adds the protocol's handlers to {@code pipeline}, which holds none of Kiln's HTTP handlers but
   * still the HTTP codec, removed right after.
   *
   * @param blocking the server's blocking executor, for the protocol's blocking callbacks
   */
  void install(ChannelPipeline pipeline, Executor blocking);
}
