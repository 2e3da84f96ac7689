package dev.kiln.bench;

import dev.kiln.App;
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.DatabaseSettings;
import dev.kiln.server.Server;
import java.time.Duration;
import java.util.Optional;

/**
 * Serves {@link BenchApp} for the load benchmark: {@code BenchServer <port> [<jdbc url>]}; with a
 * URL, its database routes query that PostgreSQL through a pool of {@value #POOL} connections.
 */
public final class BenchServer {
  /** Connections in the pool, and blocking threads: the same as {@link RawNettyServer}'s. */
  static final int POOL = 16;

  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Database database = args.length > 1 ? Database.open(new Settings(Optional.of(args[1]))) : null;
    App app = database == null ? App.none() : App.builder().set(Database.KEY, database).start();
    Server.Builder builder = Server.builder(BenchApp.router(database)).port(port).accessLog(false).app(app);
    if (database != null) {
      builder.blockingPool(POOL, 10_000); // a thread per connection, as the baseline has
    }
    try (Server server = builder.closeOnShutdownSignal().start()) {
      System.out.println("kiln ready on " + server.port());
      server.awaitShutdown();
    } finally {
      app.close();
      if (database != null) {
        database.close();
      }
    }
  }

  /** The database's settings for the benchmark: no migrations, a pool as large as the blocking pool. */
  private record Settings(Optional<String> databaseUrl) implements DatabaseSettings {
    @Override
    public String databaseDirectory() {
      return "unused";
    }

    @Override
    public int databaseEmbeddedPort() {
      return 0;
    }

    @Override
    public int databasePoolSize() {
      return POOL;
    }

    @Override
    public Duration databaseConnectionTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public Duration databaseStatementTimeout() {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration databaseSlowStatement() {
      return Duration.ofSeconds(10);
    }

    @Override
    public int databaseRetries() {
      return 0;
    }

    @Override
    public String databaseMigrations() {
      return "";
    }
  }
}
