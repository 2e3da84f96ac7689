package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.internal.routing.InMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Application state and its lifecycle: hooks in order, closing in reverse, a failed start undone. */
class AppTest {
  private static final TypedKey<String> NAME = TypedKey.of("name", String.class);
  private static final TypedKey<Resource> POOL = TypedKey.of("pool", Resource.class);
  private static final TypedKey<Resource> CLIENT = TypedKey.of("client", Resource.class);

  private final List<String> events = new ArrayList<>();

  /** Something opened at startup that records its closing. */
  private final class Resource implements AutoCloseable {
    private final String name;

    Resource(String name) {
      this.name = name;
      events.add("open " + name);
    }

    @Override
    public void close() {
      events.add("close " + name);
    }
  }

  @Test
  void startupHooksRunInOrderAndEverythingClosesInReverse() {
    App app = App.builder()
        .set(NAME, "shop")
        .onStartup("pool", s -> s.set(POOL, s.closeAtShutdown(new Resource("pool-for-" + s.get(NAME)))))
        .onStartup("client", s -> s.set(CLIENT, s.closeAtShutdown(new Resource("client"))))
        .onShutdown("flush", a -> events.add("flush with " + a.get(POOL).name))
        .onShutdown("goodbye", a -> events.add("goodbye"))
        .start();
    assertThat(app.get(NAME)).isEqualTo("shop");
    assertThat(app.get(CLIENT).name).isEqualTo("client");
    assertThat(events).containsExactly("open pool-for-shop", "open client");

    app.close();
    assertThat(events).containsExactly("open pool-for-shop", "open client",
        "goodbye", "flush with pool-for-shop", "close client", "close pool-for-shop");
    app.close(); // once only
    assertThat(events).hasSize(6);
  }

  @Test
  void aFailingStartupHookClosesWhatWasOpenedAndSaysWhichFailed() {
    App.Builder builder = App.builder()
        .onStartup("pool", s -> s.set(POOL, s.closeAtShutdown(new Resource("pool"))))
        .onStartup("cache", s -> s.closeAtShutdown(new Resource("cache")))
        .onStartup("client", s -> {
          throw new IllegalStateException("connection refused");
        })
        .onStartup("never", s -> events.add("never runs"));
    assertThatThrownBy(builder::start)
        .isInstanceOf(App.StartupException.class)
        .hasMessage("startup hook 'client' failed: connection refused; closed what pool, cache opened")
        .hasRootCauseMessage("connection refused");
    assertThat(events).containsExactly("open pool", "open cache", "close cache", "close pool");
  }

  @Test
  void aFailingCloseDoesNotStopTheOthers() {
    App app = App.builder()
        .onStartup("first", s -> s.closeAtShutdown(new Resource("first")))
        .onStartup("broken", s -> s.closeAtShutdown(() -> {
          throw new IllegalStateException("already gone");
        }))
        .start();
    app.close();
    assertThat(events).containsExactly("open first", "close first");
  }

  @Test
  void missingStateIsAClearError() {
    App app = App.builder().start();
    assertThat(app.find(NAME)).isEmpty();
    assertThatThrownBy(() -> app.get(NAME)).hasMessageContaining("the application has no name");
  }

  @Test
  void aRequestMadeInMemoryReachesItsApp() {
    App app = App.builder().set(NAME, "shop").start();
    assertThat(InMemory.request(HttpMethod.GET, "/").app(app).build().app().get(NAME)).isEqualTo("shop");
    assertThat(InMemory.of(HttpMethod.GET, "/").app()).isSameAs(App.none());
  }
}
