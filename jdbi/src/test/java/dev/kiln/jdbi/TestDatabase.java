package dev.kiln.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL for a test, which the test can stop and start again on the same port and
 * data: the embedded one, in a fresh folder.
 */
public final class TestDatabase implements AutoCloseable {
  private final Path directory;
  private final int port;
  private EmbeddedDatabase running;

  private TestDatabase(Path directory, int port) {
    this.directory = directory;
    this.port = port;
    this.running = EmbeddedDatabase.start(directory, port);
  }

  public static TestDatabase start() {
    try {
      return new TestDatabase(Files.createTempDirectory("kiln-pg-"), freePort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.NAME;
  }

  /** The talk's form of the URL, with the embedded server's user. */
  public String postgresUrl() {
    return "postgres://" + EmbeddedDatabase.USER + "@127.0.0.1:" + port + "/" + EmbeddedDatabase.NAME;
  }

  /** A connection of the test's own, outside any pool. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), EmbeddedDatabase.USER, "");
  }

  /** Settings for this database with timeouts short enough for a test, migrations from the test resources. */
  public Settings settings() {
    return new Settings(Optional.of(postgresUrl()), "unused", 0, 4, Duration.ofMillis(500), Duration.ofSeconds(10),
        Duration.ofSeconds(5), 3, "classpath:db/migration");
  }

  public void stop() {
    running.close();
    running = null;
  }

  public void startAgain() {
    running = EmbeddedDatabase.start(directory, port);
  }

  @Override
  public void close() {
    if (running != null) {
      running.close();
    }
  }

  /** Waits for {@code condition}, failing after 30 s with {@code what}. */
  public static void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /** A condition a test waits on. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /** {@link DatabaseSettings} as a test sets them. */
  public record Settings(Optional<String> databaseUrl, String databaseDirectory, int databaseEmbeddedPort,
      int databasePoolSize, Duration databaseConnectionTimeout, Duration databaseStatementTimeout,
      Duration databaseSlowStatement, int databaseRetries, String databaseMigrations) implements DatabaseSettings {
    public Settings withPoolSize(int size) {
      return new Settings(databaseUrl, databaseDirectory, databaseEmbeddedPort, size, databaseConnectionTimeout,
          databaseStatementTimeout, databaseSlowStatement, databaseRetries, databaseMigrations);
    }

    public Settings withStatementTimeout(Duration timeout) {
      return new Settings(databaseUrl, databaseDirectory, databaseEmbeddedPort, databasePoolSize,
          databaseConnectionTimeout, timeout, databaseSlowStatement, databaseRetries, databaseMigrations);
    }

    public Settings withSlowStatement(Duration slow) {
      return new Settings(databaseUrl, databaseDirectory, databaseEmbeddedPort, databasePoolSize,
          databaseConnectionTimeout, databaseStatementTimeout, slow, databaseRetries, databaseMigrations);
    }

    public Settings withMigrations(String locations) {
      return new Settings(databaseUrl, databaseDirectory, databaseEmbeddedPort, databasePoolSize,
          databaseConnectionTimeout, databaseStatementTimeout, databaseSlowStatement, databaseRetries, locations);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
