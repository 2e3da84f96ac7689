package dev.kiln.it.middleware;

import dev.kiln.middleware.Compression;
import dev.kiln.middleware.Cors;
import dev.kiln.middleware.ErrorPages;
import dev.kiln.middleware.RateLimiter;
import dev.kiln.middleware.RequestId;
import dev.kiln.middleware.SecurityHeaders;
import dev.kiln.middleware.TrailingSlash;
import dev.kiln.Application;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Install;
import dev.kiln.NonBlocking;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Router;
import java.util.List;
import org.slf4j.MDC;

/** Every built-in middleware installed, for their socket tests. */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = ErrorPages.class, order = 20)
@Install(value = SecurityHeaders.class, order = 30)
@Install(value = Compression.class, order = 40)
@Install(value = TrailingSlash.class, order = 50)
@Install(value = Cors.class, order = 60, paths = "/api")
@Install(value = RateLimiter.class, order = 70, paths = "/limited")
public final class BuiltInsApp {
  static final String BIG = "Kiln compresses what is worth it. ".repeat(100);

  static Router router(ErrorPages errorPages, Cors cors, RateLimiter limiter) {
    return BuiltInsAppRoutes.builder()
        .errorPages(errorPages)
        .cors(cors)
        .rateLimiter(limiter)
        .build();
  }

  public record Item(String name) {}

  @Route(path = "/api/items")
  public List<Item> items() {
    return List.of(new Item(BIG));
  }

  @Route(method = HttpMethod.POST, path = "/api/items")
  public String addItem() {
    return "added";
  }

  @Route(path = "/page")
  public Response page() {
    return Response.html("<p>" + BIG + "</p>");
  }

  /** The page as a stream of unknown length, as a template or an export would write it. */
  @Route(path = "/streamed-page")
  public Response streamedPage() {
    return Response.stream("text/html; charset=utf-8", out -> out.write(("<p>" + BIG + "</p>").getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Route(path = "/small")
  public String small() {
    return "small";
  }

  @Route(path = "/image")
  public Response image() {
    return Response.bytes(new byte[4096], "image/png");
  }

  @Route(path = "/framed")
  public Response framed() {
    return Response.text("framed").withHeader("X-Frame-Options", "SAMEORIGIN");
  }

  @Route(path = "/dir/")
  public String dir() {
    return "dir";
  }

  @Route(path = "/file")
  public String file() {
    return "file";
  }

  @Route(path = "/limited")
  public String limited() {
    return "ok";
  }

  @Route(path = "/boom")
  public String boom() {
    throw new IllegalStateException("the database is on fire");
  }

  @Route(path = "/bad-argument")
  public String badArgument() {
    throw new IllegalArgumentException("no such thing");
  }

  @Route(path = "/conflict")
  public String conflict() {
    throw HttpError.conflict("already exists");
  }

  /** Validated JSON: a 415 for another body type, a 422 for a blank name. */
  public record Thing(@jakarta.validation.constraints.NotBlank String name) {}

  @Route(method = HttpMethod.POST, path = "/things")
  public String addThing(@dev.kiln.Body Thing thing) {
    return "added " + thing.name();
  }

  @Route(path = "/count")
  public String count(@dev.kiln.Query int n) {
    return "n=" + n;
  }

  @Route(method = HttpMethod.POST, path = "/tiny", maxBodySize = 8)
  public String tiny(dev.kiln.Request request) {
    return "took " + request.body().length;
  }

  /** Holds {@code /stuck} until a test opens it, past its timeout. */
  static volatile java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);

  @Route(path = "/stuck", timeoutMillis = 100)
  public String stuck() throws InterruptedException {
    stuck.await();
    return "unstuck";
  }

  @Route(method = HttpMethod.POST, path = "/upload", timeoutMillis = 100)
  public String upload(dev.kiln.Request request) {
    return "uploaded " + request.body().length;
  }

  @Route(path = "/id/blocking")
  public String idBlocking() {
    return String.valueOf(MDC.get(RequestId.MDC_KEY));
  }

  @NonBlocking
  @Route(path = "/id/loop")
  public String idLoop() {
    return String.valueOf(MDC.get(RequestId.MDC_KEY));
  }
}
