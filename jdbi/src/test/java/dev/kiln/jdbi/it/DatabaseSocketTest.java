package dev.kiln.jdbi.it;

import static dev.kiln.jdbi.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.TestDatabase;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real socket and a real PostgreSQL: each database failure answers as DatabaseErrors says,
 * in the client's format and naming the constraint, never the SQL; a transaction commits on a
 * return and rolls back on a throw; serialization failures and deadlocks are retried, then 503.
 */
class DatabaseSocketTest {
  private static final String JSON = "application/json";

  private static TestDatabase postgres;
  private static Database database;
  private static JdbiTestApp handlers;
  private static TestServer server;
  private static TestClient client;

  @BeforeAll
  static void serve() {
    postgres = TestDatabase.start();
    database = Database.open(postgres.settings().withStatementTimeout(Duration.ofMillis(300)));
    handlers = new JdbiTestApp(database);
    App app = App.builder().set(Database.KEY, database).start();
    server = TestServer.start(JdbiTestAppRoutes.builder().jdbiTestApp(handlers).build(),
        s -> s.app(app).accessLog(false));
    client = server.client();
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
    postgres.close();
  }

  @BeforeEach
  void empty() {
    database.useHandle(h -> h.execute("truncate items restart identity cascade"));
    handlers.attempts.set(0);
    handlers.announced.clear();
  }

  private static Map<String, Object> item(String name, Long parent, Integer quantity) {
    Map<String, Object> item = new HashMap<>();
    item.put("name", name);
    item.put("parent", parent);
    item.put("quantity", quantity);
    return item;
  }

  private static void assertProblem(TestResponse response, int status, String detail) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.text()).contains(detail)
        .doesNotContainIgnoringCase("insert into")
        .doesNotContain("PSQLException", "ERROR:", "org.jdbi", "Detail:", "Key (");
  }

  @Test
  void aUniqueViolationIs409NamingTheConstraint() {
    assertThat(client.postJson("/items", item("kiln", null, 1)).status()).isEqualTo(201);
    assertProblem(client.postJson("/items", item("kiln", null, 2), "Accept", JSON), 409, "items_name_key");
  }

  @Test
  void aMissingParentIs409NamingTheForeignKey() {
    assertProblem(client.postJson("/items", item("orphan", 999L, 1), "Accept", JSON), 409, "items_parent_fkey");
  }

  @Test
  void aNullForANotNullColumnIs422NamingTheColumn() {
    assertProblem(client.postJson("/items", item(null, null, 1), "Accept", JSON), 422, "items.name");
  }

  @Test
  void aBrokenCheckIs422NamingTheConstraint() {
    assertProblem(client.postJson("/items", item("negative", null, -1), "Accept", JSON), 422,
        "items_quantity_check");
  }

  @Test
  void aBadTextRepresentationIs422() {
    assertProblem(client.get("/cast/twelve", "Accept", JSON), 422, "not valid for its column's type");
    assertThat(client.get("/cast/12").text()).isEqualTo("12");
  }

  @Test
  void aStatementTimeoutIs503() {
    assertProblem(client.get("/sleep/5", "Accept", JSON), 503, "took too long");
    assertThat(client.get("/count").text()).isEqualTo("0");
  }

  @Test
  void aBrowserGetsTheErrorAsAPage() {
    client.postJson("/items", item("kiln", null, 1));
    TestResponse page = client.postJson("/items", item("kiln", null, 1), "Accept", "text/html");
    assertThat(page.status()).isEqualTo(409);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("items_name_key");
  }

  @Test
  void aReturnCommitsAndAThrowRollsBack() {
    assertThat(client.postJson("/items/then-fail", item("failed", null, 1)).status()).isEqualTo(500);
    assertThat(client.postJson("/items/then-404", item("thrown", null, 1)).status()).isEqualTo(404);
    assertThat(client.get("/count").text()).isEqualTo("0");

    assertThat(client.postJson("/items/then-answer-404", item("answered", null, 1)).status()).isEqualTo(404);
    assertThat(client.get("/items/answered").status()).isEqualTo(200);
    assertThat(client.get("/count").text()).isEqualTo("1");
  }

  @Test
  void aSerializationFailureIsRetriedAndCommitsOnce() {
    TestResponse added = client.postJson("/items/after-conflicts", item("third time", null, 1));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    assertThat(handlers.attempts).hasValue(3);
    assertThat(client.get("/count").text()).as("the failed attempts rolled back").isEqualTo("1");
  }

  @Test
  void aDeadlockIsRetriedThen503() {
    TestResponse refused = client.send("POST", "/deadlocked", "", "Accept", JSON);
    assertProblem(refused, 503, "too busy");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(handlers.attempts).as("the first attempt and databaseRetries more").hasValue(4);
  }

  @Test
  void whatWaitsForTheCommitRunsOnlyAfterOne() {
    assertThat(client.postJson("/items/announced", item("kept", null, 1)).status()).isEqualTo(200);
    assertThat(client.postJson("/items/announced", item("unlucky", null, 13)).status()).isEqualTo(400);
    assertThat(handlers.announced).containsExactly("kept");
    assertThat(client.get("/items/unlucky").status()).isEqualTo(404);
  }

  @Test
  void jdbcOnTheEventLoopIsRefusedSayingWhy() {
    assertThat(client.get("/on-the-loop").text())
        .startsWith("JDBC called on ")
        .contains("a Netty event loop: call the database from a blocking handler (one without @NonBlocking)");
  }

  @Test
  void aMissingRowIs404() {
    assertThat(client.get("/items/nothing", "Accept", JSON).status()).isEqualTo(404);
  }

  @Test
  void everyStatementOfATransactionalRequestIsRecordedWithoutItsValues() {
    TestResponse recorded = client.postJson("/items/recorded", item("a-secret-name", null, 1));
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
    assertThat(recorded.text())
        .contains("insert into items (name, parent, quantity) values (:name, :parent, coalesce(:quantity, 0)) rows=1")
        .contains("select count(*) from items rows=-1")
        .doesNotContain("a-secret-name");
  }

  @Test
  void aDetailedLogCountsAQuerysRowsAndRedactsItsValues() {
    long before = Long.parseLong(client.get("/count").text());
    TestResponse recorded = client.postJson("/items/recorded-in-detail", item("a-secret-name", null, 7));
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
    long rows = before + 1;
    assertThat(recorded.text())
        .as("Jdbi still reads every row after they were counted")
        .contains("read " + rows + " names")
        .contains("coalesce(:quantity, 0)) rows=1 values=[")
        .contains("quantity = 7").contains("parent = NULL").contains("name = (hidden, 13 characters)")
        .contains("select name from items where quantity >= :least rows=" + rows + " values=[least = 0]")
        .doesNotContain("a-secret-name");
  }

  @Test
  void withAPoolOfOneASecondRequestGetsAQuick503() throws Exception {
    try (Database one = Database.open(postgres.settings().withPoolSize(1).withMigrations(""));
        TestServer small = TestServer.start(JdbiTestAppRoutes.builder().jdbiTestApp(new JdbiTestApp(one)).build(),
            s -> s.app(App.builder().set(Database.KEY, one).start()).accessLog(false))) {
      CompletableFuture<TestResponse> holding = CompletableFuture.supplyAsync(() -> small.client().get("/sleep/2"));
      await("the first request did not take the connection", () -> sleeping() == 1);
      TestResponse second = small.client().get("/count", "Accept", JSON);
      assertProblem(second, 503, "unavailable");
      assertThat(second.header("Retry-After")).isEqualTo("5");
      assertThat(holding.get(30, TimeUnit.SECONDS).text()).isEqualTo("slept");
    }
  }

  private static long sleeping() throws Exception {
    try (Connection own = postgres.connect();
        ResultSet rows = own.createStatement().executeQuery(
            "select count(*) from pg_stat_activity where query like 'select pg_sleep%' and state = 'active'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
