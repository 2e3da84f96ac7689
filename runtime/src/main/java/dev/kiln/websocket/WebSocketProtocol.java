package dev.kiln.websocket;

import dev.kiln.internal.server.ProtocolHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import java.util.concurrent.Executor;

/**
 * What a connection becomes after an accepted handshake: Netty's RFC 6455 frame codec, strict
 * (masked frames only, no reserved bits without an extension, the frame limit, close on any
 * violation), UTF-8 validation of text across fragments, permessage-deflate when negotiated, then
 * the {@link WebSocketConnection}, which answers every violation they report with its close code.
 */
final class WebSocketProtocol implements ProtocolHandler {
  private final WebSocketHandler handler;
  private final WebSocketLimits limits;
  private final boolean blockingCallbacks;
  private final WebSocketServerExtension compression;

  WebSocketProtocol(WebSocketHandler handler, WebSocketLimits limits, boolean blockingCallbacks,
      WebSocketServerExtension compression) {
    this.handler = handler;
    this.limits = limits;
    this.blockingCallbacks = blockingCallbacks;
    this.compression = compression;
  }

  @Override
  public String protocol() {
    return "websocket";
  }

  @Override
  public void install(ChannelPipeline pipeline, Executor blocking) {
    WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(limits.maxFrameSize())
        .expectMaskedFrames(true)
        .allowMaskMismatch(false)
        .allowExtensions(compression != null)
        .closeOnProtocolViolation(false) // the connection sends the close frame, with its code, itself
        .withUTF8Validator(true)
        .build();
    pipeline.addLast("ws-encoder", new WebSocket13FrameEncoder(false))
        .addLast("ws-decoder", new WebSocket13FrameDecoder(config));
    if (compression != null) {
      pipeline.addLast("ws-deflate", compression.newExtensionEncoder())
          .addLast("ws-inflate", compression.newExtensionDecoder());
    }
    pipeline.addLast("ws-utf8", new Utf8FrameValidator(false))
        .addLast("ws-connection", new WebSocketConnection(handler, limits, blockingCallbacks ? blocking : null));
  }
}
