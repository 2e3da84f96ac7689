package dev.kiln.middleware;

import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A token bucket per client: each client may send {@code burst} requests at once and
 * {@code perSecond} on average; beyond that, 429 with {@code Retry-After}. Clients are told apart by
 * their address unless a key function says otherwise (an API key, a user id).
 *
 * <p>Buckets live in a {@link Store}: in this process's memory by default (idle buckets dropped once
 * there are more than {@code maxClients}), or shared by every instance of the app, as kiln-redis's
 * {@code RedisRateLimits} store is.
 */
public final class RateLimiter implements Middleware.Handler {
  private final int burst;
  private final double perSecond;
  private final Function<Request, String> key;
  private final Store store;

  /** Where buckets are kept and taken from. */
  @FunctionalInterface
  public interface Store {
    /**
     * Takes a token from {@code client}'s bucket of {@code burst} tokens refilled at {@code perSecond}.
     *
     * @return 0 when the request may go, else the seconds until a token will be there; completing
     *     exceptionally fails the request (a store that fails open answers 0 instead)
     */
    CompletionStage<Double> take(String client, int burst, double perSecond);
  }

  public RateLimiter(int burst, double perSecond) {
    this(burst, perSecond, RateLimiter::clientAddress, 100_000);
  }

  /** @param key the client a request counts against; {@code null} lets the request through uncounted */
  public RateLimiter(int burst, double perSecond, Function<Request, String> key, int maxClients) {
    this(burst, perSecond, key, inMemory(maxClients));
  }

  /** @param key the client a request counts against; {@code null} lets the request through uncounted */
  public RateLimiter(int burst, double perSecond, Function<Request, String> key, Store store) {
    if (burst < 1 || perSecond <= 0) {
      throw new IllegalArgumentException("burst and perSecond must be positive");
    }
    this.burst = burst;
    this.perSecond = perSecond;
    this.key = key;
    this.store = java.util.Objects.requireNonNull(store, "store");
  }

  /** Buckets in this process's memory, at most {@code maxClients} of them kept once idle. */
  public static Store inMemory(int maxClients) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients must be positive");
    }
    return new MemoryStore(maxClients);
  }

  /** The client's IP address, through trusted proxies ({@link Request#clientAddress()}): the default key. */
  public static String clientAddress(Request request) {
    return request.clientAddress();
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String client = key.apply(request);
    if (client == null) {
      return next.handle(request);
    }
    CompletionStage<Double> taken = store.take(client, burst, perSecond);
    if (taken instanceof CompletableFuture<Double> done && done.isDone() && !done.isCompletedExceptionally()) {
      return answer(done.join(), request, next); // the memory store: no stage more
    }
    return taken.thenCompose(wait -> answer(wait, request, next));
  }

  private static CompletionStage<Response> answer(double wait, Request request, Middleware.Next next) {
    if (wait > 0) {
      long retryAfter = Math.max(1, (long) Math.ceil(wait));
      return CompletableFuture.completedFuture(HttpError.tooManyRequests("Too Many Requests")
          .withHeader("Retry-After", String.valueOf(retryAfter)).toResponse());
    }
    return next.handle(request);
  }

  /** Buckets in a map, swept of full (idle) ones when it reaches its size. */
  private static final class MemoryStore implements Store {
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    MemoryStore(int maxClients) {
      this.maxClients = maxClients;
    }

    @Override
    public CompletionStage<Double> take(String client, int burst, double perSecond) {
      long now = System.nanoTime();
      if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
      }
      Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, perSecond, now));
      return CompletableFuture.completedFuture(bucket.take(now));
    }
  }

  /** Tokens refilled continuously; one request takes one. */
  private static final class Bucket {
    private final int burst;
    private final double perSecond;
    private double tokens;
    private long updated;

    Bucket(int burst, double perSecond, long now) {
      this.burst = burst;
      this.perSecond = perSecond;
      this.tokens = burst;
      this.updated = now;
    }

    /** Takes a token; returns 0, or the seconds until one will be there. */
    synchronized double take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / perSecond;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
      updated = now;
    }
  }
}
