package dev.kiln.internal.server;

import dev.kiln.ConnectionUpgrade;
import io.netty.channel.ChannelPipeline;

/**
 * A {@link ConnectionUpgrade} the server can carry out. Once the {@code 101} is written, Kiln's HTTP
 * handlers leave the connection's pipeline (its timeouts included: the protocol keeps its own) and
 * {@link #install} adds the protocol's; bytes the client sent after its upgrade request reach them.
 * The connection then reads on its own (auto-read on).
 */
public interface ProtocolHandler extends ConnectionUpgrade {
  /** Adds the protocol's handlers to {@code pipeline}, which holds none of Kiln's HTTP handlers. */
  void install(ChannelPipeline pipeline);
}
