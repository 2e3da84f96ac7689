package dev.kiln.middleware;

import dev.kiln.HttpMethod;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Liveness and readiness endpoints for a load balancer or an orchestrator's probes, answered before
 * any other middleware when installed outermost, so a probe never opens a session, needs a key or
 * counts against a rate limit.
 *
 * <ul>
 *   <li>Liveness ({@code GET /health/live}) is 200 while the process serves requests at all. It checks
 *       no dependency: a database outage must not get every instance restarted.
 *   <li>Readiness ({@code GET /health/ready}) is 200 when every check passes within its timeout and
 *       503 otherwise, and 503 from the moment a graceful shutdown starts ({@link dev.kiln.App#isStopping()}),
 *       so the load balancer stops sending while the drain delay runs and in-flight requests finish.
 * </ul>
 *
 * <p>Both answer JSON, never cached: {@code {"status":"up","checks":{"postgresql":"up","redis":"down"}}}.
 *
 * <pre>{@code
 * @Install(value = HealthChecks.class, order = 1)
 *
 * HealthChecks health = HealthChecks.builder()
 *     .check("postgresql", database::healthy)        // blocking: run on the checks' own threads
 *     .checkAsync("redis", redis::healthy)           // a CompletionStage<Boolean>
 *     .build();
 * AppRoutes.builder().healthChecks(health)...
 * }</pre>
 */
public final class HealthChecks implements Middleware.Handler {
  private final String liveness;
  private final String readiness;
  private final Duration timeout;
  private final List<Check> checks;
  private final ExecutorService blocking;

  private HealthChecks(Builder builder) {
    this.liveness = builder.liveness;
    this.readiness = builder.readiness;
    this.timeout = builder.timeout;
    this.checks = List.copyOf(builder.checks);
    this.blocking = builder.checks.stream().anyMatch(Check::blocking)
        ? Executors.newFixedThreadPool(Math.min(4, builder.checks.size()), runnable -> {
          Thread thread = new Thread(runnable, "kiln-health");
          thread.setDaemon(true); // a check stuck past its timeout must not hold the JVM at exit
          return thread;
        })
        : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    HttpMethod method = request.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return next.handle(request);
    }
    String path = request.path();
    if (path.equals(liveness)) {
      return CompletableFuture.completedFuture(answer(200, "up", Map.of()));
    }
    if (path.equals(readiness)) {
      return ready(request);
    }
    return next.handle(request);
  }

  private CompletionStage<Response> ready(Request request) {
    if (request.app().isStopping()) {
      return CompletableFuture.completedFuture(answer(503, "stopping", Map.of()));
    }
    List<CompletableFuture<Boolean>> results = new ArrayList<>(checks.size());
    for (Check check : checks) {
      results.add(run(check));
    }
    return CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
      Map<String, String> states = new LinkedHashMap<>();
      boolean up = true;
      for (int i = 0; i < checks.size(); i++) {
        boolean passed = results.get(i).join();
        states.put(checks.get(i).name(), passed ? "up" : "down");
        up &= passed;
      }
      // A shutdown that started while the checks ran wins: the balancer must stop sending now.
      boolean stopping = request.app().isStopping();
      return answer(up && !stopping ? 200 : 503, stopping ? "stopping" : up ? "up" : "down", states);
    });
  }

  /** The check's answer within the timeout; a failure, a {@code null} or a timeout is down. */
  private CompletableFuture<Boolean> run(Check check) {
    CompletableFuture<Boolean> result;
    try {
      result = check.blocking()
          ? CompletableFuture.supplyAsync(() -> check.test().getAsBoolean(), blocking)
          : check.async().get().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(false);
    }
    return result.copy().completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS)
        .handle((passed, failure) -> failure == null && Boolean.TRUE.equals(passed));
  }

  private static Response answer(int status, String state, Map<String, String> checks) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", state);
    if (!checks.isEmpty()) {
      body.put("checks", checks);
    }
    return Response.json(status, body).withHeader("Cache-Control", "no-store");
  }

  private record Check(String name, BooleanSupplier test, Supplier<? extends CompletionStage<Boolean>> async) {
    boolean blocking() {
      return test != null;
    }
  }

  /** Where the endpoints are and what readiness checks; every one has a default. */
  public static final class Builder {
    private String liveness = "/health/live";
    private String readiness = "/health/ready";
    private Duration timeout = Duration.ofSeconds(2);
    private final List<Check> checks = new ArrayList<>();

    private Builder() {}

    /** The liveness endpoint's path. Default {@code /health/live}. */
    public Builder liveness(String path) {
      this.liveness = path(path);
      return this;
    }

    /** The readiness endpoint's path. Default {@code /health/ready}. */
    public Builder readiness(String path) {
      this.readiness = path(path);
      return this;
    }

    /** How long readiness waits for each check before counting it down. Default 2 s. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** A check that blocks (a database's {@code healthy()}): run on the checks' own threads, never on the event loop. */
    public Builder check(String name, BooleanSupplier test) {
      checks.add(new Check(name(name), Objects.requireNonNull(test, "test"), null));
      return this;
    }

    /** A check that answers later without blocking (Redis's {@code healthy()}). */
    public Builder checkAsync(String name, Supplier<? extends CompletionStage<Boolean>> test) {
      checks.add(new Check(name(name), null, Objects.requireNonNull(test, "test")));
      return this;
    }

    public HealthChecks build() {
      if (liveness.equals(readiness)) {
        throw new IllegalArgumentException("liveness and readiness need paths of their own, both are " + liveness);
      }
      return new HealthChecks(this);
    }

    private String name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a check needs a name");
      }
      if (checks.stream().anyMatch(check -> check.name().equals(name))) {
        throw new IllegalArgumentException("two checks are named " + name);
      }
      return name;
    }

    private static String path(String path) {
      if (path == null || !path.startsWith("/") || path.indexOf('?') >= 0) {
        throw new IllegalArgumentException("an endpoint's path starts with / and has no query, got " + path);
      }
      return path;
    }
  }
}
