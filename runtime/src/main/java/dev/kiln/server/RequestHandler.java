package dev.kiln.server;

import dev.kiln.Connection;
import dev.kiln.Endpoint;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Multipart;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Router;
import dev.kiln.body.MultipartReader;
import dev.kiln.routing.PercentCodec;
import dev.kiln.routing.RouteMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One connection's requests, one at a time: checks the head, routes it before reading any body
 * (404, 405, 413 and 417 cost no body read), reads the body within its limit, runs the endpoint
 * where the processor said (event loop or blocking executor) and writes the response.
 *
 * <p>Auto-read is off, and the connection asks for the next socket read itself, at the end of a
 * read, so a connection that answers at once costs no change of its epoll interest. Messages that
 * arrive while a handler runs (pipelined requests) are held in order and handled once it has
 * answered; reading goes on while fewer than {@link #MAX_HELD} messages or {@link #MAX_HELD_BYTES}
 * wait, so a blocking handler costs no epoll change either, and stops beyond that, so a slow handler
 * or a client that does not take its answers holds back at most that plus one read. Answers are
 * flushed once per read, or per batch of held requests: pipelined requests share a write.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
  /**
   * Response headers without Netty's checks: the names here are constants, and what handlers set was
   * checked when they set it ({@link Response#withHeader}).
   */
  private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final AsciiString SERVER = AsciiString.cached("Kiln");
  /**
   * Held messages (a bodyless request is two: head and end) or body bytes beyond which the socket is
   * not read until the handler has answered.
   */
  private static final int MAX_HELD = 16;
  private static final int MAX_HELD_BYTES = 64 * 1024;
  /** The body of a request without one; never written to. */
  private static final byte[] NO_BODY = new byte[0];

  private final Router router;
  private final RouteMatch match;
  private final ServerConfig config;
  private final Executor blocking;
  private final ConnectionTimeouts timeouts;
  private final ServerState server;

  private ChannelHandlerContext ctx;
  /** Messages that came while a handler ran or the socket could not take more: handled in order later. */
  private ArrayDeque<Object> held;
  /** Body bytes in {@link #held}. */
  private long heldBytes;
  /** Between a socket read's first message and its end, where answers are flushed and reading goes on. */
  private boolean inRead;
  /** Handling held messages: answers are flushed, and the next read asked for, once at the end. */
  private boolean resuming;
  /** An answer was written but not flushed. */
  private boolean unflushed;
  /** An answer that ends the connection is written: nothing more is read or handled. */
  private boolean closing;
  /** The client shut down its side after sending: answer what came, then close. */
  private boolean inputShutdown;
  /** The request being read or handled; {@code null} between requests. */
  private Exchange exchange;
  private CompositeByteBuf body;
  /** The multipart body being decoded as it arrives, instead of {@link #body}. */
  private MultipartReader parts;
  private long partsBytes;

  RequestHandler(Router router, ServerConfig config, Executor blocking, ConnectionTimeouts timeouts, ServerState server) {
    this.router = router;
    this.match = router.newMatch();
    this.config = config;
    this.blocking = blocking;
    this.timeouts = timeouts;
    this.server = server;
  }

  /** One request's progress; touched only on the event loop. */
  private static final class Exchange {
    final HttpRequest head;
    final HttpMethod method;
    final Endpoint endpoint;
    final String target;
    final boolean keepAlive;
    final long maxBody;
    final long startNanos;
    /** The body is read and the endpoint runs: what arrives now is held until it answers. */
    boolean running;
    boolean answered;
    /** The decoded multipart body, released once the answer is written or the connection closes. */
    MultipartReader uploads;

    Exchange(HttpRequest head, HttpMethod method, Endpoint endpoint, String target, boolean keepAlive, long maxBody) {
      this.head = head;
      this.method = method;
      this.endpoint = endpoint;
      this.target = target;
      this.keepAlive = keepAlive;
      this.maxBody = maxBody;
      this.startNanos = System.nanoTime();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    server.opened(this);
    ctx.read();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    inRead = false;
    closing = true;
    releaseHeld();
    releaseBody();
    if (exchange != null) {
      exchange.answered = true; // the client is gone: nothing to write to
      releaseUploads(exchange);
    }
    server.closed(this);
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    if (closing) {
      ReferenceCountUtil.release(msg);
    } else if (mustWait()) {
      if (held == null) {
        held = new ArrayDeque<>();
      }
      held.add(msg);
      heldBytes += sizeOf(msg);
    } else {
      handle(msg);
    }
  }

  /** The end of a socket read: flush what it answered and read on. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    endBatch();
  }

  /**
   * The client has sent all it will send (a half-close, as {@code nc} does after a request): what it
   * sent is still answered, and the connection closed after the last answer.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (exchange != null && !exchange.running) {
        closeAfterWrites(); // a request whose body will never be complete (Netty's decoder says 400 first)
      } else {
        closeIfDone();
      }
    }
    super.userEventTriggered(ctx, event);
  }

  /** After a half-close: closes once nothing is in progress or held. */
  private void closeIfDone() {
    if (exchange == null && (held == null || held.isEmpty())) {
      closeAfterWrites();
    }
  }

  /** Closes once what is written has gone out; nothing more is read or handled. */
  private void closeAfterWrites() {
    if (!closing) {
      closing = true;
      releaseHeld();
      unflushed = false;
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The socket took what was queued for it: go on with held requests. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable() && !inRead) {
      resume();
    }
    super.channelWritabilityChanged(ctx);
  }

  /** Whether the next message must wait: earlier ones wait already, or the connection is busy. */
  private boolean mustWait() {
    return (held != null && !held.isEmpty()) || busy();
  }

  /**
   * Whether a new message cannot be handled now: a handler is running, or no request is in progress
   * and the socket has not taken the answers written so far (a client that pipelines without reading).
   */
  private boolean busy() {
    return exchange != null ? exchange.running : !ctx.channel().isWritable();
  }

  private void handle(Object msg) {
    try {
      if (msg instanceof HttpRequest head) {
        onHead(head);
      }
      if (msg instanceof HttpContent content) {
        onContent(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Handles held messages until one must wait again, then flushes and reads on; called off a read. */
  private void resume() {
    if (resuming) {
      return; // an answer written while resuming: the loop below goes on
    }
    resuming = true;
    try {
      while (!closing && held != null && !held.isEmpty() && !busy()) {
        Object msg = held.poll();
        heldBytes -= sizeOf(msg);
        handle(msg);
      }
    } catch (RuntimeException | Error e) {
      // Off a read nothing would report it (an answer from a task, a writability change): as exceptionCaught does.
      LOG.error("Failed handling a request from {}", ctx.channel().remoteAddress(), e);
      ctx.close();
    } finally {
      resuming = false;
      endBatch();
    }
  }

  /** Flushes the answers written since the last flush and asks for the next read unless too much waits. */
  private void endBatch() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
    if (inputShutdown) {
      closeIfDone();
      return;
    }
    if (!closing && (held == null || (held.size() < MAX_HELD && heldBytes < MAX_HELD_BYTES)) && ctx.channel().isActive()) {
      ctx.read(); // at the end of a read, before Netty would drop read interest: no epoll change
    }
  }

  private void onHead(HttpRequest head) {
    timeouts.headReceived();
    if (exchange != null) {
      rejectHead(400, "a new request started before the previous one was read");
      return;
    }
    HeadCheck.Rejection rejection = HeadCheck.check(head, config.maxInitialLineLength(), config.maxHeaderSize());
    if (rejection != null) {
      reject(head, rejection.status(), rejection.reason());
      return;
    }
    HttpMethod method = HttpMethod.of(head.method().name());
    if (method == null) {
      reject(head, 501, "method " + head.method().name() + " is not implemented");
      return;
    }
    String target = HeadCheck.originForm(head.uri());
    int question = target.indexOf('?');
    String path;
    try {
      path = PercentCodec.canonicalPath(question < 0 ? target : target.substring(0, question));
    } catch (IllegalArgumentException e) {
      reject(head, 400, "malformed path: " + e.getMessage());
      return;
    }
    long length = HttpUtil.getContentLength(head, -1L);
    boolean hasBody = length > 0 || HttpUtil.isTransferEncodingChunked(head);
    boolean keepAlive = HttpUtil.isKeepAlive(head) && !server.isDraining();
    if (!router.match(method, path, match)) {
      // The body is never read: the connection cannot carry another request after it.
      Exchange unmatched = new Exchange(head, method, router.fallback(path), target, keepAlive && !hasBody, 0);
      unmatched.running = true;
      exchange = unmatched;
      Request request;
      try {
        request = Request.unmatched(method, target, head.headers(), match.allowedMethods(), this);
      } catch (HttpError error) {
        write(unmatched, error.toResponse());
        return;
      }
      respondWith(unmatched, unmatched.endpoint.handle(request));
      return;
    }
    Endpoint endpoint = match.endpoint();
    long maxBody = endpoint.route().maxBodySize() > 0 ? endpoint.route().maxBodySize() : config.maxBodyBytes();
    if (length > maxBody) {
      reject(head, 413, "request body larger than " + maxBody + " bytes");
      return;
    }
    String expect = head.headers().get(HttpHeaderNames.EXPECT);
    boolean expectContinue = false;
    if (expect != null && head.protocolVersion().minorVersion() >= 1) {
      if (!expect.equalsIgnoreCase("100-continue") || head.headers().getAll(HttpHeaderNames.EXPECT).size() > 1) {
        reject(head, 417, "only the 100-continue expectation is supported");
        return;
      }
      expectContinue = true;
    }
    Exchange current = new Exchange(head, method, endpoint, target, keepAlive, maxBody);
    exchange = current;
    timeouts.requestStarted(endpoint.route().timeoutMillis() > 0
        ? TimeUnit.MILLISECONDS.toNanos(endpoint.route().timeoutMillis())
        : config.requestTimeout().toNanos());
    if (!hasBody) {
      run(current, NO_BODY);
      return;
    }
    if (MultipartReader.isMultipart(head.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
      try {
        parts = MultipartReader.start(head, config.multipart(), maxBody);
      } catch (HttpError error) {
        writeAndClose(current, error.toResponse());
        return;
      }
      partsBytes = 0;
      current.uploads = parts;
    } else {
      body = ctx.alloc().compositeBuffer(1024);
    }
    if (expectContinue) {
      ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      unflushed = true; // in a read: flushed at its end
    }
  }

  private void onContent(HttpContent content) {
    Exchange current = exchange;
    if (parts != null) {
      onPart(current, content);
      return;
    }
    if (body == null) {
      return; // the end of a request without a body, or of one answered before its body was read
    }
    if (content.decoderResult().isFailure()) {
      releaseBody();
      rejectHead(400, "malformed body framing");
      return;
    }
    ByteBuf bytes = content.content();
    if (body.readableBytes() + (long) bytes.readableBytes() > current.maxBody) {
      releaseBody();
      rejectHead(413, "request body larger than " + current.maxBody + " bytes");
      return;
    }
    if (bytes.isReadable()) {
      body.addComponent(true, bytes.retain());
    }
    if (content instanceof LastHttpContent) {
      byte[] array = ByteBufUtil.getBytes(body);
      releaseBody();
      run(current, array);
    }
  }

  /** A chunk of a multipart body, decoded at once so no more than a part's threshold stays in memory. */
  private void onPart(Exchange current, HttpContent content) {
    if (content.decoderResult().isFailure()) {
      parts = null;
      rejectHead(400, "malformed body framing");
      return;
    }
    partsBytes += content.content().readableBytes();
    if (partsBytes > current.maxBody) {
      parts = null;
      rejectHead(413, "request body larger than " + current.maxBody + " bytes");
      return;
    }
    Multipart decoded;
    try {
      parts.offer(content);
      if (!(content instanceof LastHttpContent)) {
        return;
      }
      decoded = parts.finish();
    } catch (HttpError error) {
      parts = null;
      writeAndClose(current, error.toResponse());
      return;
    }
    parts = null;
    run(current, NO_BODY, decoded);
  }

  private void run(Exchange current, byte[] bytes) {
    run(current, bytes, null);
  }

  private void run(Exchange current, byte[] bytes, Multipart multipart) {
    current.running = true;
    Request request;
    try {
      request = Request.routed(current.method, current.target, current.head.headers(), bytes, multipart,
          current.endpoint.route(), match, this);
    } catch (HttpError error) {
      write(current, error.toResponse());
      return;
    }
    respondWith(current, current.endpoint.handle(request));
  }

  /** Writes the response a chain completes with, on this connection's event loop. */
  private void respondWith(Exchange current, CompletionStage<Response> stage) {
    stage.whenComplete((response, failure) -> {
      Response result = failure != null ? failureResponse(current.endpoint, failure) : response;
      if (ctx.executor().inEventLoop()) {
        write(current, result);
      } else {
        ctx.executor().execute(() -> write(current, result));
      }
    });
  }

  /**
   * Runs a handler where the processor said: a non-blocking one here on the event loop, a blocking
   * one on the blocking executor, its result handed back to the event loop so the middlewares'
   * way out runs there too.
   */
  @Override
  public CompletionStage<Response> run(Endpoint endpoint, Request request) {
    if (!endpoint.isBlocking()) {
      return endpoint.callAsync(request);
    }
    CompletableFuture<Response> result = new CompletableFuture<>();
    // What middlewares put in the logging context (a request id) follows the handler to its thread.
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    try {
      blocking.execute(() -> {
        if (logContext != null) {
          MDC.setContextMap(logContext);
        }
        try {
          Response response = endpoint.call(request);
          ctx.executor().execute(() -> result.complete(response));
        } catch (Throwable failure) {
          ctx.executor().execute(() -> result.completeExceptionally(failure));
        } finally {
          if (logContext != null) {
            MDC.clear();
          }
        }
      });
    } catch (RejectedExecutionException busy) {
      result.complete(Response.text(503, "Service Unavailable: too many requests waiting").withHeader("Retry-After", "1"));
    }
    return result;
  }

  /** An {@link HttpError} is an answer; anything else is a bug, logged once with its route. */
  private static Response failureResponse(Endpoint endpoint, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof HttpError error) {
      return error.toResponse();
    }
    LOG.error("Handler of {} failed", endpoint.route(), cause);
    return Response.text(500, "Internal Server Error");
  }

  /**
   * The request deadline passed: 408 if the client has not sent the whole body (its fault), else 503
   * unless the answer is on its way.
   */
  void timedOut() {
    Exchange current = exchange;
    if (current == null || current.answered || current.endpoint == null) {
      return;
    }
    if (!current.running) {
      writeAndClose(current, Response.text(408, "request body not received in time"));
      return;
    }
    LOG.warn("{} timed out", current.endpoint.route());
    // The handler may still be running: this connection will not be reused for its late answer.
    writeAndClose(current, Response.text(503, "Service Unavailable: request timed out"));
  }

  /** Answers a request whose head is known but unacceptable, then closes the connection. */
  private void reject(HttpRequest head, int status, String reason) {
    Exchange refused = new Exchange(head, null, null, head.uri(), false, 0);
    exchange = refused;
    writeAndClose(refused, Response.text(status, reason));
  }

  /** Answers a request that failed before or while its head was read, then closes the connection. */
  void rejectHead(int status, String reason) {
    if (exchange != null && exchange.answered) {
      ctx.close();
      return;
    }
    Exchange refused = exchange != null ? exchange : new Exchange(null, null, null, "-", false, 0);
    exchange = refused;
    writeAndClose(refused, Response.text(status, reason));
  }

  private void writeAndClose(Exchange current, Response response) {
    write(current, response, false);
  }

  private void write(Exchange current, Response response) {
    write(current, response, current.keepAlive && !server.isDraining());
  }

  private void write(Exchange current, Response response, boolean keepAlive) {
    if (current.answered || !ctx.channel().isActive()) {
      return;
    }
    current.answered = true;
    if (inputShutdown && (held == null || held.isEmpty())) {
      keepAlive = false; // the client's last request: say so, and close after it
    }
    if (response == null) {
      response = failureResponse(current.endpoint, new NullPointerException("handler returned a null Response"));
    }
    boolean head = current.method == HttpMethod.HEAD;
    // HTTP/1.0 only to a well-formed 1.0 request: Netty gives a head it could not parse version 1.0.
    HttpVersion version = current.head != null && current.head.decoderResult().isSuccess()
        && HttpVersion.HTTP_1_0.equals(current.head.protocolVersion()) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    HttpResponseStatus status = response.status() == 200 ? HttpResponseStatus.OK : HttpResponseStatus.valueOf(response.status());
    byte[] bytes = response.body();
    boolean bodyAllowed = !head && response.status() != 204 && response.status() != 304 && response.status() >= 200;
    HttpHeaders headers = RESPONSE_HEADERS.newHeaders();
    FullHttpResponse message = new DefaultFullHttpResponse(version, status,
        bodyAllowed && bytes.length > 0 ? Unpooled.wrappedBuffer(bytes) : Unpooled.EMPTY_BUFFER,
        headers, EmptyHttpHeaders.INSTANCE);
    headers.set(HttpHeaderNames.DATE, HttpDate.now());
    headers.set(HttpHeaderNames.SERVER, SERVER);
    if (response.contentType() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
    }
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    if (response.status() != 204 && response.status() != 304) {
      headers.set(HttpHeaderNames.CONTENT_LENGTH, ContentLengths.of(bytes.length));
    }
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (version == HttpVersion.HTTP_1_0) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    // Written now, flushed by endBatch: once for all the answers of a read, or of held requests.
    ChannelFuture written = ctx.write(message);
    unflushed = true;
    written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    if (current.uploads != null || (config.accessLog() && AccessLog.enabled())) {
      long length = bodyAllowed ? bytes.length : 0;
      int code = response.status();
      written.addListener(future -> {
        releaseUploads(current); // spooled files outlive the handler until the answer is out
        if (config.accessLog() && AccessLog.enabled()) {
          AccessLog.log(ctx.channel().remoteAddress(), current.head, code, length, current.startNanos);
        }
      });
    }
    if (exchange == current) {
      exchange = null;
    }
    // From here the client must take the answer: a client that takes none of it for an idle period is closed.
    timeouts.idle();
    if (!keepAlive) {
      closing = true;
      releaseHeld();
      written.addListener(ChannelFutureListener.CLOSE);
    }
    if (!inRead) {
      resume(); // answered from a task (a blocking or asynchronous handler, a timeout): flush, go on
    }
  }

  @Override
  public java.net.InetSocketAddress remoteAddress() {
    return ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress address ? address : null;
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public dev.kiln.App app() {
    return config.app();
  }

  /**
   * Closes the connection, once what is written has gone out, if no request is being handled; requests
   * held behind answers the client has not taken are dropped. Called from any thread.
   */
  void closeIfIdleOnItsLoop() {
    ctx.executor().execute(() -> {
      if (exchange == null) {
        closeAfterWrites();
      }
    });
  }

  /** Closes at once; called from any thread (what waits is released when the channel goes inactive). */
  void close() {
    ctx.close();
  }

  private static void releaseUploads(Exchange current) {
    if (current.uploads != null) {
      current.uploads.release();
      current.uploads = null;
    }
  }

  private void releaseHeld() {
    if (held != null) {
      for (Object msg; (msg = held.poll()) != null; ) {
        ReferenceCountUtil.release(msg);
      }
    }
    heldBytes = 0;
  }

  /** Whether requests wait to be handled (pipelined behind a running one): their heads are all here. */
  boolean isHolding() {
    return held != null && !held.isEmpty();
  }

  private static int sizeOf(Object msg) {
    return msg instanceof HttpContent content ? content.content().readableBytes() : 0;
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (exchange == null || !exchange.answered) {
      LOG.debug("Connection error from {}", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
