package hello;

import dev.kiln.HttpMethod;
import dev.kiln.RouteInfo;
import dev.kiln.internal.routing.Endpoint;
import dev.kiln.internal.routing.InMemory;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.routing.RouteTable;
import dev.kiln.internal.routing.Segments;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The route table of {@link HelloApp}: 2 routes, matched by specificity.
 *
 * <p>Make it with {@link #create()} or {@link #builder()} and hand it to Kiln's server.
 * Tests can dispatch to it in memory with {@link InMemory#dispatch}.
 * Generated from the {@code @Route} methods; read, don't edit.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.HelloApp"
)
public final class HelloAppRoutes implements RouteTable {
  /**
   * {@code GET /v1/health}, handled by {@link Health#health()}.
   */
  public static final RouteInfo V1_HEALTH = RouteInfo.of(HttpMethod.GET, "/v1/health", "hello.Health#health()")
      .name("v1.health")
      .blocking()
      .build();

  /**
   * {@code POST /v1/health}, handled by {@link Health#reset()}.
   */
  public static final RouteInfo RESET = RouteInfo.of(HttpMethod.POST, "/v1/health", "hello.Health#reset()")
      .blocking()
      .build();

  private static final List<RouteInfo> ROUTES = List.of(
    V1_HEALTH,
    RESET);

  private static final int MAX_PATH_PARAMS = 0;

  /**
   * {@link Health#health()}
   */
  private final Endpoint v1Health;

  /**
   * {@link Health#reset()}
   */
  private final Endpoint reset;

  /**
   * Answers requests no route matched, behind the global middlewares.
   */
  private final Endpoint fallback;

  /**
   * Answers unmatched requests under {@code /v1}, behind its middlewares.
   */
  private final Endpoint fallbackV1;

  private HelloAppRoutes(Versioned versioned) {
    this.v1Health = Endpoint.blocking(V1_HEALTH, Health_Endpoints::health)
        .through(versioned);
    this.reset = Endpoint.blocking(RESET, Health_Endpoints::reset)
        .through(versioned);
    this.fallback = Endpoint.UNMATCHED;
    this.fallbackV1 = Endpoint.UNMATCHED
        .through(versioned);
  }

  @Override
  public Endpoint fallback(String path) {
    if (Segments.isUnder(path, "/v1")) {
      return fallbackV1;
    }
    return fallback;
  }

  /**
   * Creates the table with instances it makes itself: {@code builder().build()}.
   */
  public static HelloAppRoutes create() {
    return builder().build();
  }

  /**
   * Starts a table: set the handler, middleware and interceptor instances its routes call, then
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<RouteInfo> routes() {
    return ROUTES;
  }

  @Override
  public RouteMatch newMatch() {
    return new RouteMatch(MAX_PATH_PARAMS, 0);
  }

  @Override
  public boolean match(HttpMethod method, String path, RouteMatch match) {
    match.reset();
    // Literal paths: one lookup, whatever the number of routes.
    switch (path) {
      case "/v1/health":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(v1Health); // Health#health
          case POST:
            return match.found(reset); // Health#reset
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit() | HttpMethod.POST.bit());
        }
        break;
    }
    return false;
  }

  /**
   * The instances a {@link HelloAppRoutes} calls, each set by name.
   */
  public static final class Builder {
    private Versioned versioned;

    private Builder() {
    }

    /**
     * The {@link Versioned} middleware.
     *
     * <p>Optional: without it the table makes one with {@code new Versioned()}.
     */
    public Builder versioned(Versioned versioned) {
      this.versioned = Objects.requireNonNull(versioned, "versioned");
      return this;
    }

    /**
     * The table, with the instances set and those it makes itself.
     */
    public HelloAppRoutes build() {
      return new HelloAppRoutes(
          versioned != null ? versioned : new Versioned());
    }
  }
}
