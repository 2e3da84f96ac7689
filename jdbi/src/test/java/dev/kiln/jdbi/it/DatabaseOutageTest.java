package dev.kiln.jdbi.it;

import static dev.kiln.jdbi.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.TestDatabase;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Over a real socket: when PostgreSQL stops mid-run, requests that need it get a 503 within the
 * connection timeout while the others are served, and when it is back the same app serves again
 * with no restart.
 */
class DatabaseOutageTest {
  @Test
  void requestsThatNeedTheDatabaseGet503WhileItIsDownAndWorkAgainAfter() throws Exception {
    try (TestDatabase postgres = TestDatabase.start(); Database database = Database.open(postgres.settings());
        TestServer server = TestServer.start(JdbiTestAppRoutes.builder().jdbiTestApp(new JdbiTestApp(database)).build(),
            s -> s.app(App.builder().set(Database.KEY, database).start()).accessLog(false))) {
      TestClient client = server.client();
      assertThat(client.get("/count").text()).isEqualTo("0");
      assertThat(database.healthy()).isTrue();

      postgres.stop();
      TestResponse refused = client.get("/count", "Accept", "application/json");
      assertThat(refused.status()).as(refused.text()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(refused.text()).contains("unavailable").doesNotContain("Connection to", "refused");
      assertThat(client.postJson("/items", java.util.Map.of("name", "while down")).status()).isEqualTo(503);
      assertThat(client.get("/hello").text()).isEqualTo("hello");
      assertThat(database.healthy()).isFalse();

      postgres.startAgain();
      await("the pool did not connect again", () -> client.get("/count").status() == 200);
      assertThat(client.postJson("/items", java.util.Map.of("name", "after")).status()).isEqualTo(201);
      assertThat(client.get("/count").text()).isEqualTo("1");
      assertThat(database.healthy()).isTrue();
    }
  }
}
