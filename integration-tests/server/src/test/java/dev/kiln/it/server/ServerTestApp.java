package dev.kiln.it.server;

import dev.kiln.Application;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.NonBlocking;
import dev.kiln.Request;
import dev.kiln.Route;
import dev.kiln.Router;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The application the server's socket tests run against. */
@Application
public final class ServerTestApp {
  /** Counts handler calls, so tests can prove a bad request never reached one. */
  final AtomicInteger calls = new AtomicInteger();
  /** Holds {@code /slow} until a test opens it. */
  volatile CountDownLatch gate = new CountDownLatch(1);
  /** Counts down when {@code /slow} has started, so a test can wait for it. */
  volatile CountDownLatch slowStarted = new CountDownLatch(1);

  /** The routes answering with files, streams and upgrades. */
  final BodyViews bodies = new BodyViews();
  /** The static files. */
  final StaticViews statics = new StaticViews();
  /** The routes calling another server. */
  final OutboundViews outbound = new OutboundViews();

  Router router() {
    return router(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** With the request-data routes reporting on {@code spool}, the server's upload directory. */
  Router router(java.nio.file.Path spool) {
    return ServerTestAppRoutes.builder()
        .bodyViews(bodies)
        .staticViews(statics)
        .outboundViews(outbound)
        .requestDataViews(new RequestDataViews(spool))
        .serverTestApp(this)
        .build();
  }

  @Route(path = "/")
  public String index() {
    calls.incrementAndGet();
    return "hello";
  }

  @Route(path = "/n/{n}")
  public String number(int n) {
    calls.incrementAndGet();
    return "n" + n;
  }

  /** {@code kib} KiB starting with {@code n:}: large answers, for clients that read slowly or not at all. */
  @NonBlocking
  @Route(path = "/big/{n}/{kib}")
  public String big(int n, int kib) {
    calls.incrementAndGet();
    String start = n + ":";
    return start + "x".repeat(kib * 1024 - start.length());
  }

  /** Redirects to what the client asked: the classic header injection, if a header could hold a line break. */
  @Route(path = "/go")
  public dev.kiln.Response go(@dev.kiln.Query String to) {
    return dev.kiln.Response.redirect(to);
  }

  /** A bug that is not an exception: on the event loop, where nothing else would catch it. */
  @NonBlocking
  @Route(path = "/fatal")
  public String fatal() {
    throw new AssertionError("a handler bug");
  }

  @Route(method = HttpMethod.POST, path = "/echo")
  public String echo(Request request) {
    calls.incrementAndGet();
    return "echo:" + request.text();
  }

  /** The application state's {@link #NAME}, to show a request reaches its app. */
  static final dev.kiln.TypedKey<String> NAME = dev.kiln.TypedKey.of("name", String.class);

  @Route(path = "/app-name")
  public String appName(Request request) {
    return request.app().find(NAME).orElse("none");
  }

  @Route(path = "/thread")
  public String blockingThread() {
    return Thread.currentThread().getName();
  }

  /** {@code VirtualThread[#42,kiln-blocking-3]/runnable@...} on a virtual thread. */
  @Route(path = "/thread-kind")
  public String blockingThreadKind() {
    return Thread.currentThread().toString();
  }

  @NonBlocking
  @Route(path = "/thread-nb")
  public String nonBlockingThread() {
    return Thread.currentThread().getName();
  }

  @Route(path = "/thread-async")
  public CompletionStage<String> asyncThread() {
    return CompletableFuture.completedFuture(Thread.currentThread().getName());
  }

  @Route(path = "/slow")
  public String slow() throws InterruptedException {
    slowStarted.countDown();
    if (!gate.await(30, TimeUnit.SECONDS)) {
      return "gate never opened";
    }
    return "slow done";
  }

  @Route(method = HttpMethod.POST, path = "/small", maxBodySize = 10)
  public String small(Request request) {
    calls.incrementAndGet();
    return "small:" + request.text();
  }

  @Route(path = "/quick", timeoutMillis = 100)
  public String quick() throws InterruptedException {
    return slow();
  }

  @Route(method = HttpMethod.POST, path = "/login")
  public dev.kiln.Response login(@dev.kiln.Query String user) {
    return dev.kiln.Response.noContent().withHeader("Set-Cookie", "session=" + user + "; Path=/; HttpOnly");
  }

  @Route(path = "/me")
  public String me(@dev.kiln.Cookie java.util.Optional<String> session) {
    return session.orElse("anonymous");
  }

  @Route(method = HttpMethod.POST, path = "/json")
  public dev.kiln.Response json(Request request) {
    return dev.kiln.Response.bytes(request.body(), request.header("Content-Type"));
  }

  @Route(path = "/boom")
  public String boom() {
    throw new IllegalStateException("handler bug");
  }

  @Route(path = "/conflict")
  public String conflict() {
    throw HttpError.conflict("already exists");
  }

  @Route(method = HttpMethod.PUT, path = "/items/{id}")
  public String put(long id) {
    return "put" + id;
  }
}
