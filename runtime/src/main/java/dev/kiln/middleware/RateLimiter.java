package dev.kiln.middleware;

import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A token bucket per client, in memory: each client may send {@code burst} requests at once and
 * {@code perSecond} on average; beyond that, 429 with {@code Retry-After}. Clients are told apart by
 * their address unless a key function says otherwise (an API key, a user id). Idle buckets are
 * dropped once there are more than {@code maxClients}.
 */
public final class RateLimiter implements Middleware.Handler {
  private final int burst;
  private final double perSecond;
  private final Function<Request, String> key;
  private final int maxClients;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int burst, double perSecond) {
    this(burst, perSecond, RateLimiter::clientAddress, 100_000);
  }

  /** @param key the client a request counts against; {@code null} lets the request through uncounted */
  public RateLimiter(int burst, double perSecond, Function<Request, String> key, int maxClients) {
    if (burst < 1 || perSecond <= 0 || maxClients < 1) {
      throw new IllegalArgumentException("burst, perSecond and maxClients must be positive");
    }
    this.burst = burst;
    this.perSecond = perSecond;
    this.key = key;
    this.maxClients = maxClients;
  }

  private static String clientAddress(Request request) {
    InetSocketAddress address = request.remoteAddress();
    return address == null || address.getAddress() == null ? null : address.getAddress().getHostAddress();
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String client = key.apply(request);
    if (client == null) {
      return next.handle(request);
    }
    long now = System.nanoTime();
    if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    double wait = bucket.take(now);
    if (wait > 0) {
      long retryAfter = Math.max(1, (long) Math.ceil(wait));
      return CompletableFuture.completedFuture(HttpError.tooManyRequests("Too Many Requests")
          .withHeader("Retry-After", String.valueOf(retryAfter)).toResponse());
    }
    return next.handle(request);
  }

  /** Tokens refilled continuously; one request takes one. */
  private final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
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
