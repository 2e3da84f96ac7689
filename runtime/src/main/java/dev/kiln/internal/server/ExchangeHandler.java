package dev.kiln.internal.server;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.http.DefaultPages;
import dev.kiln.internal.http.Failures;
import dev.kiln.internal.routing.Endpoint;
import dev.kiln.internal.routing.RequestOrigin;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.routing.RouteTable;
import dev.kiln.internal.routing.ServedRequest;
import dev.kiln.internal.text.PercentCodec;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, one at a time ({@link ReadPacing} in front of it sees to that): routes
 * each on its head, before reading any body, so a 404, 405, 413 or 417 costs no body read; reads the
 * body within the route's limit ({@link RequestBody}); sends {@code 100 Continue} when asked; runs
 * the route's chain, its handler where the processor said ({@link Execution}); and writes the
 * {@link Answer}.
 *
 * <p>What the server refuses once a request is routed (413, 417, a body that stops coming, a handler
 * that overruns its timeout) passes out through the route's middlewares like a handler's error, so
 * the app's error pages and headers apply to it. What it refuses before (a head it cannot parse or
 * route: 400, 414, 431, 501, 505) gets the server's default page for the client's {@code Accept},
 * without middlewares.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter
    implements RequestOrigin, Consumer<CompletableFuture<Response>> {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

  private final RouteTable router;
  private final RouteMatch match;
  private final ServerConfig config;
  private final Execution execution;
  private final ConnectionTimeouts timeouts;
  private final ServerState server;
  private final ReadPacing pacing;

  /** The timeouts' idle period, begun once an answer is written; made once, not per answer. */
  private final Runnable idle;
  private ChannelHandlerContext ctx;
  /** The request being read or handled; {@code null} between requests. */
  private Exchange current;
  /** Its body, while it is read. */
  private RequestBody body;

  ExchangeHandler(RouteTable router, ServerConfig config, Execution execution, ConnectionTimeouts timeouts,
      ServerState server, ReadPacing pacing) {
    this.router = router;
    this.match = router.newMatch();
    this.config = config;
    this.execution = execution;
    this.timeouts = timeouts;
    this.server = server;
    this.pacing = pacing;
    this.idle = timeouts::idle;
  }

  /** One request's progress; touched only on the event loop. */
  private static final class Exchange {
    final HttpRequest head;
    final HttpMethod method;
    final Endpoint endpoint;
    final String target;
    final long startNanos;
    boolean keepAlive;
    /** The body is read (or will not be) and the chain runs. */
    boolean running;
    boolean answered;
    /** The request its chain runs for; {@code null} until then. */
    Request request;
    /** A blocking handler's result, which a timeout may complete in its place. */
    CompletableFuture<Response> handlerResult;
    /** The decoded multipart body, released once the answer is written or the connection closes. */
    RequestBody uploads;

    Exchange(HttpRequest head, HttpMethod method, Endpoint endpoint, String target, boolean keepAlive) {
      this.head = head;
      this.method = method;
      this.endpoint = endpoint;
      this.target = target;
      this.keepAlive = keepAlive;
      this.startNanos = System.nanoTime();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseBody();
    if (current != null) {
      current.answered = true; // the client is gone: nothing to write to
      releaseUploads(current);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
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

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event == ConnectionTimeouts.Expired.HEAD) {
      answerAndClose(new HttpError(408, "request head not received in time"));
    } else if (event == ConnectionTimeouts.Expired.REQUEST) {
      timedOut();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  private void onHead(HttpRequest head) {
    timeouts.headReceived();
    if (current != null) {
      answerAndClose(HttpError.badRequest("a new request started before the previous one was read"));
      return;
    }
    if (head.decoderResult().isFailure()) {
      HeadValidator.RejectedHead rejected = HeadValidator.RejectedHead.of(head.decoderResult());
      refuseHead(head, new HttpError(rejected.status(), rejected.getMessage()));
      return;
    }
    HttpMethod method = HttpMethod.of(head.method().name());
    if (method == null) {
      refuseHead(head, HttpError.notImplemented("method " + head.method().name() + " is not implemented"));
      return;
    }
    String target = HeadCheck.originForm(head.uri());
    int question = target.indexOf('?');
    String path;
    try {
      path = PercentCodec.canonicalPath(question < 0 ? target : target.substring(0, question));
    } catch (IllegalArgumentException e) {
      refuseHead(head, HttpError.badRequest("malformed path: " + e.getMessage()));
      return;
    }
    long length = HttpUtil.getContentLength(head, -1L);
    boolean hasBody = length > 0 || HttpUtil.isTransferEncodingChunked(head);
    boolean keepAlive = HttpUtil.isKeepAlive(head);
    if (!router.match(method, path, match.headers(head.headers()))) {
      // The body is never read: the connection cannot carry another request after it.
      Exchange unmatched = new Exchange(head, method, router.fallback(path), target, keepAlive && !hasBody);
      unmatched.running = true;
      current = unmatched;
      Request request;
      try {
        request = ServedRequest.unmatched(method, target, head.headers(), match.allowedMethods(), match.refusal(), this);
      } catch (HttpError error) {
        write(unmatched, error.toResponse());
        return;
      }
      unmatched.request = request;
      respondWith(unmatched, unmatched.endpoint.handle(request));
      return;
    }
    Endpoint endpoint = match.endpoint();
    long maxBody = endpoint.route().maxBodySize() > 0 ? endpoint.route().maxBodySize() : config.maxBodyBytes();
    Exchange routed = new Exchange(head, method, endpoint, target, keepAlive);
    current = routed;
    if (length > maxBody) {
      refuse(routed, HttpError.payloadTooLarge("request body larger than " + maxBody + " bytes"));
      return;
    }
    String expect = head.headers().get(HttpHeaderNames.EXPECT);
    boolean expectContinue = false;
    if (expect != null && head.protocolVersion().minorVersion() >= 1) {
      if (!expect.equalsIgnoreCase("100-continue") || head.headers().getAll(HttpHeaderNames.EXPECT).size() > 1) {
        refuse(routed, new HttpError(417, "only the 100-continue expectation is supported"));
        return;
      }
      expectContinue = true;
    }
    timeouts.requestStarted(endpoint.route().timeoutMillis() > 0
        ? TimeUnit.MILLISECONDS.toNanos(endpoint.route().timeoutMillis())
        : config.requestTimeout().toNanos());
    if (!hasBody) {
      run(routed, RequestBody.NO_BYTES, null);
      return;
    }
    try {
      body = RequestBody.start(head, ctx.alloc(), config.multipart(), maxBody);
    } catch (HttpError error) {
      refuse(routed, error);
      return;
    }
    if (expectContinue) {
      ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE)); // flushed at the read's end
    }
  }

  private void onContent(HttpContent content) {
    RequestBody reading = body;
    if (reading == null) {
      return; // the end of a request without a body, or the rest of one answered before its body was read
    }
    RequestBody.Complete complete;
    try {
      complete = reading.offer(content);
    } catch (HttpError error) {
      body = null;
      reading.release();
      refuse(current, error);
      return;
    }
    if (complete != null) {
      body = null;
      current.uploads = complete.multipart() != null ? reading : null;
      run(current, complete.bytes(), complete.multipart());
    }
  }

  private void run(Exchange routed, byte[] bytes, dev.kiln.Multipart multipart) {
    routed.running = true;
    Request request;
    try {
      request = ServedRequest.routed(routed.method, routed.target, routed.head.headers(), bytes, multipart,
          routed.endpoint.route(), match, this);
    } catch (HttpError error) {
      write(routed, error.toResponse());
      return;
    }
    routed.request = request;
    respondWith(routed, routed.endpoint.handle(request));
  }

  /**
   * Answers a routed request the server will not hand to its handler with {@code error}, through the
   * route's middlewares; its body is not read (further), so the connection closes after the answer.
   */
  private void refuse(Exchange routed, HttpError error) {
    releaseBody();
    routed.running = true;
    routed.keepAlive = false;
    Request request;
    try {
      request = ServedRequest.refused(routed.method, routed.target, routed.head.headers(), routed.endpoint.route(), match,
          this, error);
    } catch (HttpError malformed) {
      write(routed, malformed.toResponse());
      return;
    }
    routed.request = request;
    respondWith(routed, routed.endpoint.handle(request));
  }

  /** Writes the response a chain completes with, on this connection's event loop. */
  private void respondWith(Exchange exchange, CompletionStage<Response> stage) {
    if (stage instanceof CompletableFuture<Response> future && future.isDone() && !future.isCompletedExceptionally()
        && ctx.executor().inEventLoop()) {
      write(exchange, future.getNow(null)); // answered at once, as a non-blocking route is: no stage more
      return;
    }
    stage.whenComplete((response, failure) -> {
      Response result = failure != null ? Failures.response(exchange.endpoint.route(), failure) : response;
      if (ctx.executor().inEventLoop()) {
        write(exchange, result);
      } else {
        ctx.executor().execute(() -> write(exchange, result));
      }
    });
  }

  @Override
  public CompletionStage<Response> run(Endpoint endpoint, Request request) {
    return execution.run(endpoint, request, ctx.executor(), this);
  }

  /** A blocking handler started for the current request: a timeout may answer in its place. */
  @Override
  public void accept(CompletableFuture<Response> result) {
    if (current != null) {
      current.handlerResult = result;
    }
  }

  /**
   * The request deadline passed: 408 if the client has not sent the whole body (its fault), else 503
   * unless the answer is on its way; the connection closes after either.
   */
  private void timedOut() {
    Exchange exchange = current;
    if (exchange == null || exchange.answered || exchange.endpoint == null) {
      return;
    }
    if (!exchange.running) {
      refuse(exchange, new HttpError(408, "request body not received in time"));
      return;
    }
    LOG.warn("{} timed out", exchange.endpoint.route());
    // The handler may still be running: this connection will not be reused for its late answer.
    exchange.keepAlive = false;
    HttpError late = HttpError.serviceUnavailable("request timed out");
    CompletableFuture<Response> handler = exchange.handlerResult;
    if (handler != null && handler.complete(late.toResponse())) {
      return; // answered in the handler's place, out through the middlewares
    }
    write(exchange, late.toResponse()); // the chain itself is stuck: the server's default page
  }

  /** Answers a head that could not be accepted, then closes the connection. */
  private void refuseHead(HttpRequest head, HttpError error) {
    Exchange refused = new Exchange(head, null, null, head.uri(), false);
    current = refused;
    write(refused, error.toResponse());
  }

  /** Answers with {@code error} whatever the connection's state, then closes it. */
  private void answerAndClose(HttpError error) {
    if (current != null && current.answered) {
      ctx.close();
      return;
    }
    releaseBody();
    Exchange refused = current != null ? current : new Exchange(null, null, null, "-", false);
    refused.keepAlive = false;
    current = refused;
    write(refused, error.toResponse());
  }

  private void write(Exchange exchange, Response response) {
    if (exchange.answered || !ctx.channel().isActive()) {
      return;
    }
    exchange.answered = true;
    boolean keepAlive = exchange.keepAlive && !server.isDraining() && !pacing.isLastRequest();
    if (response == null) {
      response = Failures.response(exchange.endpoint == null ? null : exchange.endpoint.route(),
          new NullPointerException("handler returned a null Response"));
    }
    // What no ErrorPages rendered gets the server's default page for the client.
    String accept = exchange.head == null ? null : exchange.head.headers().get(HttpHeaderNames.ACCEPT);
    response = DefaultPages.forClient(accept, exchange.request == null ? null : exchange.request.path(), response);
    ProtocolHandler upgrade = null;
    if (response.status() == 101) {
      if (response.upgrade() instanceof ProtocolHandler protocol && exchange.method != null) {
        upgrade = protocol;
      } else {
        LOG.error("{} answered 101 without a protocol the server can switch to", exchange.endpoint == null
            ? exchange.target : exchange.endpoint.route());
        response = DefaultPages.forClient(accept, null,
            Failures.response(null, new IllegalStateException("101 without a ProtocolHandler")));
        keepAlive = false;
      }
    }
    // HTTP/1.0 only to a well-formed 1.0 request: Netty gives a head it could not parse version 1.0.
    HttpVersion version = exchange.head != null && exchange.head.decoderResult().isSuccess()
        && HttpVersion.HTTP_1_0.equals(exchange.head.protocolVersion()) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    Answer answer = new Answer(response, exchange.head, version, exchange.method == HttpMethod.HEAD, keepAlive,
        exchange.startNanos);
    ChannelPromise promise = ctx.newPromise();
    promise.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    if (exchange.uploads != null) {
      promise.addListener(future -> releaseUploads(exchange)); // spooled files outlive the handler until the answer is out
    }
    if (!keepAlive) {
      promise.addListener(ChannelFutureListener.CLOSE);
    }
    if (current == exchange) {
      current = null;
    }
    // From the last byte written the client must take the answer: one that takes none of it for an idle period is closed.
    timeouts.answering();
    answer.whenWritten(idle);
    ctx.write(answer, promise);
    if (upgrade != null) {
      ServerPipeline.handOver(ctx.pipeline(), upgrade, execution.blocking());
      if (server.isDraining()) {
        ctx.pipeline().fireUserEventTriggered(ServerState.DRAINING); // upgraded during the drain: told like the others
      }
    }
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address : null;
  }

  @Override
  public dev.kiln.internal.http.TrustedProxies trustedProxies() {
    return config.trustedProxies();
  }

  @Override
  public RouteTable table() {
    return router;
  }

  @Override
  public dev.kiln.App app() {
    return config.app();
  }

  private static void releaseUploads(Exchange exchange) {
    if (exchange.uploads != null) {
      exchange.uploads.releaseUploads();
      exchange.uploads = null;
    }
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (current == null || !current.answered) {
      LOG.debug("Connection error from {}", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
