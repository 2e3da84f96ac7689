package dev.kiln.client;

import com.fasterxml.jackson.databind.JavaType;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One outbound call, set up then sent: {@link #send()} for a stage (non-blocking handlers),
 * {@link #call()} to wait for it (blocking handlers). Each setter changes this call only.
 *
 * <pre>{@code
 * client.post("https://hooks.example.com/deploys")
 *     .header("Authorization", "Bearer " + token)
 *     .json(new Deploy(project, version))
 *     .timeout(Duration.ofSeconds(5))
 *     .as(Receipt.class);          // 2xx read as JSON; else a ProblemException or StatusException
 * }</pre>
 */
public final class ClientRequest {
  private static final int MAX_REDIRECTS = 5;
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 2_000;
  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private final Client client;
  private final String method;
  private final List<String[]> headers = new ArrayList<>();
  private final StringBuilder query = new StringBuilder();
  private URI uri;
  private byte[] body;
  private String contentType;
  private Duration timeout;
  private long maxBodySize;
  private int retries;
  private boolean followRedirects;

  ClientRequest(Client client, String method, URI uri) {
    this.client = client;
    this.method = method.toUpperCase(Locale.ROOT);
    this.uri = uri;
    this.timeout = client.timeout;
    this.maxBodySize = client.maxBodySize;
    this.retries = client.retries;
    this.followRedirects = client.followRedirects;
  }

  /** Adds a header; the JDK sets {@code Host}, {@code Content-Length}, {@code Connection} and refuses them here. */
  public ClientRequest header(String name, String value) {
    headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
    return this;
  }

  /** Adds {@code name=value} to the query, both percent-encoded. */
  public ClientRequest query(String name, Object value) {
    query.append(query.length() == 0 && uri.getRawQuery() == null ? "" : "&");
    UrlTemplate.encode(name, query);
    query.append('=');
    UrlTemplate.encode(String.valueOf(value), query);
    return this;
  }

  /** A JSON body, written with the client's codec by {@code value}'s runtime class. */
  public ClientRequest json(Object value) {
    return body(client.json.write(value), "application/json");
  }

  /** A JSON body written as {@code type}, for generic values ({@code Json.listOf(Item.class)}). */
  public ClientRequest json(JavaType type, Object value) {
    return body(client.json.write(type, value), "application/json");
  }

  /** A JSON body written as {@code type}, sent as {@code contentType}: a {@code +json} type a route consumes. */
  public ClientRequest json(JavaType type, Object value, String contentType) {
    return body(client.json.write(type, value), contentType);
  }

  /** An {@code application/x-www-form-urlencoded} body of {@code fields}, in their order. */
  public ClientRequest form(Map<String, ?> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach((name, value) -> {
      form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    });
    return body(form.toString().getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
  }

  /** A text body, UTF-8. */
  public ClientRequest body(String text, String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).contains("charset=") ? contentType
        : contentType + "; charset=utf-8";
    return body(text.getBytes(StandardCharsets.UTF_8), type);
  }

  public ClientRequest body(byte[] bytes, String contentType) {
    this.body = bytes.clone();
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    return this;
  }

  /** Longest this call may take, retries and redirects included. */
  public ClientRequest timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** Largest body this call reads, in bytes. */
  public ClientRequest maxBodySize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxBodySize must be positive: " + bytes);
    }
    this.maxBodySize = bytes;
    return this;
  }

  /** Times to try again after a connection failure or a 502, 503 or 504; refused for a method that is not idempotent. */
  public ClientRequest retries(int retries) {
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be between 0 and 10: " + retries);
    }
    if (retries > 0 && !idempotent()) {
      throw new IllegalArgumentException(method + " is not idempotent: trying it again could do it twice");
    }
    this.retries = retries;
    return this;
  }

  /** Whether to follow up to five redirects, checking the address policy on each. */
  public ClientRequest followRedirects(boolean follow) {
    this.followRedirects = follow;
    return this;
  }

  /**
   * Sends the call. The stage completes with any answer, whatever its status, once its body is
   * read; it fails with a {@link ClientException} when there is none (refused, no connection,
   * timed out, too large).
   */
  public CompletionStage<ClientResponse> send() {
    URI target = target();
    try {
      headers(false, false); // refuses a header the JDK sets itself, here rather than in the stage
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(method + " " + target + ": " + e.getMessage(), e);
    }
    Attempt attempt = new Attempt(System.nanoTime() + timeout.toNanos(), retries > 0 && idempotent() ? retries : 0);
    return client.track(method + " " + target, attempt.run(method, target, body, 0));
  }

  /** Sends the call and reads a 2xx answer as JSON into {@code type}; any other answer fails the stage with a {@link StatusException}. */
  public <T> CompletionStage<T> as(Class<T> type) {
    return as(client.json.mapper().constructType(type));
  }

  /** As {@link #as(Class)}, for generic types. */
  public <T> CompletionStage<T> as(JavaType type) {
    acceptJson();
    return send().thenApply(response -> response.requireSuccess().json(type));
  }

  /** Sends the call and gives a 2xx answer's body as text. */
  public CompletionStage<String> asText() {
    return send().thenApply(response -> response.requireSuccess().text());
  }

  /** Sends the call and gives a 2xx answer's body as it came. */
  public CompletionStage<byte[]> asBytes() {
    return send().thenApply(response -> response.requireSuccess().bytes());
  }

  /** Sends the call and completes when a 2xx answer has come, its body dropped. */
  public CompletionStage<Void> asNothing() {
    return send().thenAccept(ClientResponse::requireSuccess);
  }

  /**
   * Sends the call and waits for its answer: for blocking handlers and commands. Refused on an
   * event loop, where waiting would stall every connection on it: use {@link #send()} there.
   */
  public ClientResponse call() {
    if (Thread.currentThread() instanceof FastThreadLocalThread) {
      throw new IllegalStateException(method + " " + target() + ": call() waits, and this is an event-loop thread ("
          + Thread.currentThread().getName() + "); use send() and return its stage from a @NonBlocking handler");
    }
    try {
      return send().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException(method + " " + target() + ": interrupted while waiting for the answer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new ClientException(method + " " + target() + ": " + e.getCause(), e.getCause());
    }
  }

  private void acceptJson() {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase("Accept")) {
        return;
      }
    }
    header("Accept", "application/json, application/problem+json");
  }

  /**
   * This call's headers; after a redirect to another origin without its credentials, and after one
   * that turned it into a GET without its {@code Content-Type}.
   */
  private HttpRequest.Builder headers(boolean withoutCredentials, boolean withoutBody) {
    HttpRequest.Builder builder = HttpRequest.newBuilder().header("User-Agent", client.userAgent);
    for (String[] header : headers) {
      String name = header[0].toLowerCase(Locale.ROOT);
      if (!(withoutCredentials && CREDENTIALS.contains(name))) {
        builder.header(header[0], header[1]);
      }
    }
    if (contentType != null && !withoutBody) {
      builder.header("Content-Type", contentType);
    }
    return builder;
  }

  private URI target() {
    if (query.length() == 0) {
      return uri;
    }
    String url = uri.toString();
    int fragment = url.indexOf('#');
    String head = fragment < 0 ? url : url.substring(0, fragment);
    return URI.create(head + (uri.getRawQuery() == null ? "?" : "") + query + (fragment < 0 ? "" : url.substring(fragment)));
  }

  private boolean idempotent() {
    return idempotent(method);
  }

  private static boolean idempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  /** The tries of one call: its deadline, what is left of its retries, and the redirects it follows. */
  private final class Attempt {
    private final long deadline;
    private int retriesLeft;
    private int tries;
    private boolean withoutCredentials;

    Attempt(long deadline, int retries) {
      this.deadline = deadline;
      this.retriesLeft = retries;
    }

    CompletableFuture<ClientResponse> run(String method, URI target, byte[] body, int redirects) {
      String call = method + " " + target;
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return CompletableFuture.failedFuture(timedOut(call, null));
      }
      CompletableFuture<ClientResponse> result = new CompletableFuture<>();
      try {
        CompletableFuture<Void> allowed = client.addresses == AddressPolicies.ANY
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(() -> AddressPolicies.check(client.addresses, call, target), client.executor);
        CompletableFuture<HttpResponse<byte[]>> exchange = allowed.thenCompose(ignored -> client.http.sendAsync(
            request(method, target, body, remaining), LimitedBody.handler(call, maxBodySize)));
        Future<?> timer = client.timer.schedule(() -> {
          exchange.cancel(true);
          client.executor.execute(() -> result.completeExceptionally(timedOut(ClientRequest.this.method + " " + target(), null)));
        }, remaining, TimeUnit.NANOSECONDS);
        // On the client's executor, so what callers chain runs there: the JDK would otherwise complete
        // on the common pool, a new thread per stage on a machine with few cores.
        exchange.whenCompleteAsync((response, failure) -> {
          timer.cancel(false);
          if (result.isDone()) {
            return;
          }
          if (failure != null) {
            failed(method, target, body, redirects, call, unwrap(failure), result);
          } else {
            answered(method, target, body, redirects, call, response, result);
          }
        }, client.executor);
      } catch (RejectedExecutionException closed) {
        result.completeExceptionally(new ClientException(call + ": the client is closed", closed));
      }
      return result;
    }

    private HttpRequest request(String method, URI target, byte[] body, long remaining) {
      return headers(withoutCredentials, body == null)
          .uri(target)
          .timeout(Duration.ofNanos(remaining))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    }

    private void failed(String method, URI target, byte[] body, int redirects, String call, Throwable failure,
        CompletableFuture<ClientResponse> result) {
      if (failure instanceof ClientException known) {
        result.completeExceptionally(known);
      } else if (failure instanceof HttpConnectTimeoutException) {
        result.completeExceptionally(new ClientException(call + ": no connection within "
            + client.http.connectTimeout().map(Duration::toString).orElse("the connect timeout"), failure, true));
      } else if (failure instanceof HttpTimeoutException || failure instanceof CancellationException) {
        result.completeExceptionally(timedOut(call, failure));
      } else if (failure instanceof IOException && retriesLeft > 0) {
        retry(method, target, body, redirects, result);
      } else if (client.isClosed()) {
        result.completeExceptionally(new ClientException(call + ": the client is closed", failure));
      } else {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        result.completeExceptionally(new ClientException(call + ": " + reason, failure));
      }
    }

    private void answered(String method, URI target, byte[] body, int redirects, String call,
        HttpResponse<byte[]> response, CompletableFuture<ClientResponse> result) {
      int status = response.statusCode();
      if ((status == 502 || status == 503 || status == 504) && retriesLeft > 0) {
        retry(method, target, body, redirects, result);
        return;
      }
      String location = response.headers().firstValue("location").orElse(null);
      if (followRedirects && location != null && Redirects.isRedirect(status)) {
        if (redirects == MAX_REDIRECTS) {
          result.completeExceptionally(new ClientException(call + ": more than " + MAX_REDIRECTS + " redirects", null));
          return;
        }
        URI next;
        try {
          next = target.resolve(location);
        } catch (IllegalArgumentException bad) {
          result.completeExceptionally(new ClientException(call + ": redirected to a malformed URL " + location, bad));
          return;
        }
        if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
          result.completeExceptionally(new ClientException(call + ": redirected to " + next + ", not http or https", null));
          return;
        }
        boolean toGet = Redirects.becomesGet(status, method);
        withoutCredentials |= !Redirects.sameOrigin(target, next);
        String nextMethod = toGet ? "GET" : method;
        relay(run(nextMethod, next, toGet ? null : body, redirects + 1), result);
        return;
      }
      result.complete(new ClientResponse(call, status, response.uri(), ClientResponse.lowerCase(response.headers().map()),
          response.body(), client.json));
    }

    private void retry(String method, URI target, byte[] body, int redirects, CompletableFuture<ClientResponse> result) {
      retriesLeft--;
      long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(tries++, 10));
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (backoff >= remaining) {
        result.completeExceptionally(timedOut(method + " " + target, null));
        return;
      }
      try {
        client.timer.schedule(() -> relay(run(method, target, body, redirects), result), backoff, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        result.completeExceptionally(new ClientException(method + " " + target + ": the client is closed", closed));
      }
    }

    private ClientException timedOut(String call, Throwable cause) {
      return new ClientException(call + ": no whole answer within " + timeout
          + (tries > 0 ? " (" + (tries + 1) + " tries)" : ""), cause, true);
    }
  }

  private static void relay(CompletableFuture<ClientResponse> from, CompletableFuture<ClientResponse> to) {
    from.whenComplete((response, failure) -> {
      if (failure != null) {
        to.completeExceptionally(failure);
      } else {
        to.complete(response);
      }
    });
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof ClientException known) {
        return known;
      }
    }
    return cause;
  }
}
