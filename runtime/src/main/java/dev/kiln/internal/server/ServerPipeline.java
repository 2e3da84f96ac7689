package dev.kiln.internal.server;

import dev.kiln.internal.routing.RouteTable;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * A connection's pipeline, one handler per concern, from the socket inwards:
 *
 * <ol>
 *   <li>{@code timeouts} ({@link ConnectionTimeouts}): the idle, head and request deadlines, as events;
 *   <li>{@code codec}: Netty's HTTP/1.1 parser and encoder;
 *   <li>{@code head} ({@link HeadValidator}): the checks a head must pass before it is routed;
 *   <li>{@code encoder} ({@link ResponseEncoder}): answers as HTTP, bodies as bytes, files or streams
 *       ({@code chunked-writer}, Netty's, joins in front of it for a file that cannot go by {@code sendfile});
 *   <li>{@code access-log} ({@link AccessLog}), when it is on;
 *   <li>{@code pacing} ({@link ReadPacing}): when the socket is read and answers flushed;
 *   <li>{@code exchange} ({@link ExchangeHandler}): routing, limits, bodies, execution.
 * </ol>
 *
 * <p>After a {@code 101}, {@link #handOver} replaces all of them with the protocol's handlers.
 */
final class ServerPipeline {
  static final String TIMEOUTS = "timeouts";
  static final String CODEC = "codec";
  static final String HEAD = "head";
  static final String CHUNKED_WRITER = "chunked-writer";
  static final String ENCODER = "encoder";
  static final String ACCESS_LOG = "access-log";
  static final String PACING = "pacing";
  static final String EXCHANGE = "exchange";

  /**
   * Requests the codec lets wait for their answers: more than one socket read (64 KiB) of the smallest
   * requests can hold. {@link ReadPacing} stops reading while requests wait behind a running one.
   */
  private static final int MAX_PIPELINED = 8192;

  private final RouteTable router;
  private final ServerConfig config;
  private final Execution execution;
  private final ServerState state;
  private final HttpDecoderConfig decoder;
  private final HeadValidator heads;
  private final boolean zeroCopy;

  ServerPipeline(RouteTable router, ServerConfig config, Execution execution, ServerState state, boolean zeroCopy) {
    this.router = router;
    this.config = config;
    this.execution = execution;
    this.state = state;
    this.zeroCopy = zeroCopy;
    this.decoder = new HttpDecoderConfig()
        // Netty counts a CR that ends a read against the limit: two bytes of slack, and HeadCheck
        // applies the exact limits, whatever the reads.
        .setMaxInitialLineLength(config.maxInitialLineLength() + 2)
        .setMaxHeaderSize(config.maxHeaderSize() + 2)
        .setMaxChunkSize(64 * 1024)
        .setValidateHeaders(true)
        .setAllowDuplicateContentLengths(false)
        .setStrictLineParsing(true)
        .setUseRfc9112TransferEncoding(true);
    this.heads = new HeadValidator(config.maxInitialLineLength(), config.maxHeaderSize());
  }

  /** Adds a new connection's handlers. */
  void initialize(ChannelPipeline pipeline) {
    ConnectionTimeouts timeouts = new ConnectionTimeouts(config.idleTimeout(), config.headerTimeout(),
        config.requestTimeout());
    state.opened(pipeline.channel());
    ReadPacing pacing = new ReadPacing();
    timeouts.watch(pacing);
    pipeline.addLast(TIMEOUTS, timeouts)
        .addLast(CODEC, new HttpServerCodec(decoder, MAX_PIPELINED))
        .addLast(HEAD, heads)
        .addLast(ENCODER, new ResponseEncoder(execution.blocking(), config.app().json(), zeroCopy, config.idleTimeout().toMillis()));
    if (config.accessLog() && AccessLog.enabled()) {
      pipeline.addLast(ACCESS_LOG, AccessLog.INSTANCE);
    }
    pipeline.addLast(PACING, pacing)
        .addLast(EXCHANGE, new ExchangeHandler(router, config, execution, timeouts, state, pacing));
  }

  /**
   * Hands the connection to {@code protocol} after its {@code 101} has been written: Kiln's HTTP
   * handlers leave, the protocol's join, and the codec goes last, so the bytes the client sent after
   * its upgrade request, which the codec still holds, reach the protocol's handlers.
   */
  static void handOver(ChannelPipeline pipeline, ProtocolHandler protocol, java.util.concurrent.Executor blocking) {
    pipeline.channel().flush();
    for (String name : new String[] {TIMEOUTS, HEAD, CHUNKED_WRITER, ENCODER, ACCESS_LOG, PACING, EXCHANGE}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
    protocol.install(pipeline, blocking);
    pipeline.remove(CODEC);
    pipeline.channel().config().setAutoRead(true);
  }
}
