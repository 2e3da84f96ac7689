package dev.kiln;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's typed state and its lifecycle: what aiohttp keeps in {@code app[...]} with its
 * {@code on_startup} and {@code on_cleanup} hooks. Every request reaches it as
 * {@link Request#app()}.
 *
 * <pre>{@code
 * App app = App.builder()
 *     .set(SETTINGS, settings)
 *     .onStartup("database", startup ->
 *         startup.set(DATABASE, startup.closeAtShutdown(Database.open(startup.get(SETTINGS).databaseUrl()))))
 *     .start();                      // hooks in order; a failure closes what was opened, then throws
 * Server.builder(router).app(app)...  // the server closes the app after its last request
 * }</pre>
 *
 * <p>At {@link #close()} the shutdown hooks run, then everything registered with
 * {@link Startup#closeAtShutdown} is closed, each in reverse order of registration.
 */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  private static final App NONE = new App(Map.of(), new ArrayDeque<>(), JsonCodec.standard());

  private final Map<TypedKey<?>, Object> state;
  private final JsonCodec json;
  /** Shutdown hooks and resources to close, the last registered on top. */
  private final Deque<Closing> closing;
  private boolean closed;
  private volatile boolean stopping;

  private App(Map<TypedKey<?>, Object> state, Deque<Closing> closing, JsonCodec json) {
    this.state = state;
    this.closing = closing;
    this.json = json;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An application with no state and no hooks: what a request made without one sees. */
  public static App none() {
    return NONE;
  }

  /** The application's JSON: what request bodies are read and JSON responses written with. */
  public JsonCodec json() {
    return json;
  }

  /** The value under {@code key}; fails when none was set, naming the key. */
  public <T> T get(TypedKey<T> key) {
    Object value = state.get(key);
    if (value == null) {
      throw new IllegalStateException("the application has no " + key.name() + "; set it with App.builder().set("
          + key.name().toUpperCase(java.util.Locale.ROOT) + ", ...) or in a startup hook");
    }
    return key.cast(value);
  }

  /** The value under {@code key}, if one was set. */
  public <T> Optional<T> find(TypedKey<T> key) {
    return Optional.ofNullable(key.cast(state.get(key)));
  }

  /**
   * Whether the app is on its way out: the server serving it has begun a graceful shutdown, or
   * {@link #beginStopping()} was called. Readiness checks fail from then on, so load balancers
   * stop sending while the requests in flight finish.
   */
  public boolean isStopping() {
    return stopping;
  }

  /**
   * Marks the app as stopping ({@link #isStopping()}); the server calls it when its shutdown
   * starts, and an app may call it to take itself out of its load balancer first. There is no way back.
   */
  public void beginStopping() {
    if (this != NONE) {
      stopping = true;
    }
  }

  /**
   * Runs the shutdown hooks and closes the startup resources, last registered first. A failure is
   * logged and the rest still run. Closing twice does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!closing.isEmpty()) {
      Closing next = closing.pop();
      try {
        next.action().close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed", next.name(), e);
      }
    }
  }

  private record Closing(String name, AutoCloseable action) {}

  /** What a startup hook is given: the state so far, and where to put what it opens. */
  public final class Startup {
    private final String hook;

    private Startup(String hook) {
      this.hook = hook;
    }

    public <T> T get(TypedKey<T> key) {
      return App.this.get(key);
    }

    public <T> void set(TypedKey<T> key, T value) {
      put(state, key, value);
    }

    /** Closes {@code resource} at shutdown, before whatever was opened earlier; returns it. */
    public <C extends AutoCloseable> C closeAtShutdown(C resource) {
      closing.push(new Closing(hook + " (" + resource.getClass().getSimpleName() + ")", resource));
      return resource;
    }
  }

  /** Opens something at startup: a pool, a client. */
  @FunctionalInterface
  public interface StartupHook {
    void start(Startup startup) throws Exception;
  }

  /** Runs at shutdown, before the startup resources close. */
  @FunctionalInterface
  public interface ShutdownHook {
    void stop(App app) throws Exception;
  }

  /** Thrown by {@link Builder#start()} when a startup hook fails, after closing what was opened. */
  public static final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The state and hooks, before {@link #start()}. */
  public static final class Builder {
    private final Map<TypedKey<?>, Object> state = new IdentityHashMap<>();
    private final List<String> startupNames = new ArrayList<>();
    private final List<StartupHook> startups = new ArrayList<>();
    private final List<String> shutdownNames = new ArrayList<>();
    private final List<ShutdownHook> shutdowns = new ArrayList<>();
    private JsonCodec json;

    private Builder() {}

    /** The JSON codec, for Jackson modules of the app's own; {@link JsonCodec#standard()} otherwise. */
    public Builder json(JsonCodec json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    public <T> Builder set(TypedKey<T> key, T value) {
      put(state, key, value);
      return this;
    }

    /** A hook run by {@link #start()}, after the ones added before it. */
    public Builder onStartup(String name, StartupHook hook) {
      startupNames.add(Objects.requireNonNull(name, "name"));
      startups.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    /** A hook run by {@link App#close()}, before the ones added before it and before the resources close. */
    public Builder onShutdown(String name, ShutdownHook hook) {
      shutdownNames.add(Objects.requireNonNull(name, "name"));
      shutdowns.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    /**
     * Runs the startup hooks in order and returns the started application.
     *
     * @throws StartupException naming the hook that failed, after closing, in reverse order,
     *     everything the hooks before it opened
     */
    public App start() {
      App app = new App(new IdentityHashMap<>(state), new ArrayDeque<>(), json != null ? json : JsonCodec.standard());
      for (int i = 0; i < startups.size(); i++) {
        String name = startupNames.get(i);
        try {
          startups.get(i).start(app.new Startup(name));
        } catch (Exception e) {
          app.close();
          throw new StartupException("startup hook '" + name + "' failed: " + e.getMessage()
              + (i == 0 ? "" : "; closed what " + String.join(", ", startupNames.subList(0, i)) + " opened"), e);
        }
      }
      for (int i = 0; i < shutdowns.size(); i++) {
        ShutdownHook hook = shutdowns.get(i);
        app.closing.push(new Closing(shutdownNames.get(i), () -> hook.stop(app)));
      }
      return app;
    }
  }

  private static <T> void put(Map<TypedKey<?>, Object> state, TypedKey<T> key, T value) {
    if (!key.accepts(value)) {
      throw new IllegalArgumentException(key + " cannot hold " + value);
    }
    state.put(key, value);
  }
}
