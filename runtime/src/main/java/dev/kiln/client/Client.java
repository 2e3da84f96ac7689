package dev.kiln.client;

import dev.kiln.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound HTTP client, for handlers that call other servers: aiohttp's
 * {@code yield from aiohttp.request('GET', url)}, on the JDK's {@link HttpClient}.
 *
 * <pre>{@code
 * Client client = Client.fromSettings(settings).json(app.json()).build();  // one per application
 *
 * // non-blocking handler: the event loop is free while the other server answers
 * return client.get("https://api.github.com/repos/{owner}/{repo}", owner, repo)
 *     .as(Repository.class)
 *     .thenApply(repository -> Response.json(repository.stars()));
 *
 * // blocking handler
 * ClientResponse page = client.get(url).call();
 * }</pre>
 *
 * <p>Its defaults suit a server: 5 s to connect and 30 s for the whole call (retries included), no
 * redirects followed, bodies read up to 10 MiB, no retries. Calls run on the client's own daemon
 * threads ({@code kiln-client-N}), so what a handler chains onto {@link ClientRequest#send()} runs
 * there, never on an event loop. Close it with the application ({@code startup.closeAtShutdown}):
 * calls in flight then fail and new ones are refused.
 */
public final class Client implements AutoCloseable {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  final HttpClient http;
  final JsonCodec json;
  final Duration timeout;
  final long maxBodySize;
  final int retries;
  final boolean followRedirects;
  final AddressPolicy addresses;
  final String userAgent;
  final ExecutorService executor;
  final ScheduledThreadPoolExecutor timer;
  private final Map<CompletableFuture<ClientResponse>, String> inFlight = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Client(Builder builder) {
    int id = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(runnable -> daemon(runnable,
        "kiln-client-" + (id == 1 ? "" : id + "-") + threads.incrementAndGet()));
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "kiln-client-timer-" + id));
    timer.setRemoveOnCancelPolicy(true);
    this.http = HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER) // followed by ClientRequest, checking each hop
        .version(builder.version)
        .executor(executor)
        .build();
    this.json = builder.json;
    this.timeout = builder.timeout;
    this.maxBodySize = builder.maxBodySize;
    this.retries = builder.retries;
    this.followRedirects = builder.followRedirects;
    this.addresses = builder.addresses;
    this.userAgent = builder.userAgent;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with the application's {@link ClientSettings}. */
  public static Builder fromSettings(ClientSettings settings) {
    return builder()
        .connectTimeout(settings.clientConnectTimeout())
        .timeout(settings.clientTimeout())
        .maxBodySize(settings.clientMaxBodySize())
        .retries(settings.clientRetries());
  }

  /** A {@code GET} of {@code url}, its {@code {}} holes filled in order with the percent-encoded {@code values}. */
  public ClientRequest get(String url, Object... values) {
    return request("GET", url, values);
  }

  public ClientRequest head(String url, Object... values) {
    return request("HEAD", url, values);
  }

  public ClientRequest post(String url, Object... values) {
    return request("POST", url, values);
  }

  public ClientRequest put(String url, Object... values) {
    return request("PUT", url, values);
  }

  public ClientRequest patch(String url, Object... values) {
    return request("PATCH", url, values);
  }

  public ClientRequest delete(String url, Object... values) {
    return request("DELETE", url, values);
  }

  /** A call of any method on {@code url}, its {@code {}} holes filled with the percent-encoded {@code values}. */
  public ClientRequest request(String method, String url, Object... values) {
    return request(method, UrlTemplate.expand(url, values));
  }

  /** A call of any method on an absolute http or https {@code uri}. */
  public ClientRequest request(String method, URI uri) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException("Not an absolute http or https URL: " + uri);
    }
    if (closed) {
      throw new IllegalStateException("This client is closed: " + method + " " + uri);
    }
    return new ClientRequest(this, method, uri);
  }

  boolean isClosed() {
    return closed;
  }

  /** Keeps {@code call} until it completes, so that {@link #close()} can fail it. */
  CompletableFuture<ClientResponse> track(String name, CompletableFuture<ClientResponse> call) {
    inFlight.put(call, name);
    call.whenComplete((response, failure) -> inFlight.remove(call));
    if (closed) {
      failClosed(call, name);
    }
    return call;
  }

  /** Fails the calls in flight and refuses new ones. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    executor.shutdownNow();
    inFlight.forEach(Client::failClosed);
  }

  private static void failClosed(CompletableFuture<ClientResponse> call, String name) {
    call.completeExceptionally(new ClientException(name + ": the client is closed", null));
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** A client's defaults, each changeable per call on {@link ClientRequest}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(30);
    private long maxBodySize = 10L * 1024 * 1024;
    private int retries;
    private boolean followRedirects;
    private AddressPolicy addresses = AddressPolicy.any();
    private JsonCodec json = JsonCodec.standard();
    private String userAgent = "Kiln";
    private HttpClient.Version version = HttpClient.Version.HTTP_1_1;

    private Builder() {}

    /** Longest to wait for a connection; 5 s unless set. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Longest a whole call may take, retries and redirects included; 30 s unless set. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** Largest body read, in bytes; beyond it a call fails with {@link ResponseTooLargeException}. 10 MiB unless set. */
    public Builder maxBodySize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBodySize must be positive: " + bytes);
      }
      this.maxBodySize = bytes;
      return this;
    }

    /** Times an idempotent call is tried again after a connection failure or a 502, 503 or 504; 0 unless set. */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be between 0 and 10: " + retries);
      }
      this.retries = retries;
      return this;
    }

    /** Follows up to five redirects, checking the {@link AddressPolicy} on each; off unless set. */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /** Which addresses calls may reach; {@link AddressPolicy#any()} unless set. */
    public Builder addresses(AddressPolicy addresses) {
      this.addresses = Objects.requireNonNull(addresses, "addresses");
      return this;
    }

    /** The JSON that request bodies are written and answers read with: pass {@code app.json()}. */
    public Builder json(JsonCodec json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** The {@code User-Agent} of every call; {@code Kiln} unless set. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** HTTP/1.1 unless set; {@code HTTP_2} negotiates HTTP/2 with servers that offer it. */
    public Builder version(HttpClient.Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Client build() {
      return new Client(this);
    }

    private static Duration positive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
