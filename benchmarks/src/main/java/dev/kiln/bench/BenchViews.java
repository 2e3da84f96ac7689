package dev.kiln.bench;

import dev.kiln.NonBlocking;
import dev.kiln.Query;
import dev.kiln.Response;
import dev.kiln.Route;
import java.util.concurrent.locks.LockSupport;

/** The benchmark's endpoints; the raw-Netty baseline answers the same paths with the same bytes. */
public final class BenchViews {
  public static final String HELLO = "Hello, World!";

  /** TechEmpower's JSON test object. */
  public record Message(String message) {}

  @NonBlocking
  @Route(path = "/plaintext")
  public String plaintext() {
    return HELLO;
  }

  @NonBlocking
  @Route(path = "/json")
  public Message json() {
    return new Message(HELLO);
  }

  /** A parameterised route of the GitHub API table. */
  @NonBlocking
  @Route(path = "/repos/{owner}/{repo}/issues/{number}", name = "issue")
  public String issue(String owner, String repo, long number) {
    return HELLO;
  }

  /** Behind the three middlewares of {@link BenchMiddlewares}. */
  @NonBlocking
  @Route(path = "/mw/plaintext")
  public String behindMiddlewares() {
    return HELLO;
  }

  /** About a millisecond of blocking work (a database call, say), on the blocking executor. */
  @Route(path = "/blocking")
  public String blocking() {
    LockSupport.parkNanos(1_000_000);
    return HELLO;
  }

  /** Path and three query parameters, for the binding benchmark. */
  @NonBlocking
  @Route(path = "/search/{scope}", name = "search")
  public Response search(String scope, @Query String q, @Query int page, @Query boolean exact) {
    return Response.text(HELLO);
  }
}
