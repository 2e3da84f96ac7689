package dev.kiln.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.TypedKey;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL for an application (the talk's aiopg engine): one Jdbi over one HikariCP pool, the
 * migrations run, and the embedded PostgreSQL when no {@code databaseUrl} is set. Opened by a
 * startup hook and closed with the app:
 *
 * <pre>{@code
 * App.builder().onStartup("database", s -> s.set(Database.KEY, s.closeAtShutdown(Database.open(settings))))
 * // in a blocking handler or its storage code:
 * Database db = request.app().get(Database.KEY);
 * User user = db.withHandle(h -> h.select("select * from users where id = ?", id).map(USER).findOne())
 *     .orElseThrow(() -> HttpError.notFound("no user " + id));
 * }</pre>
 *
 * <p>{@link #withHandle} and {@link #inTransaction} answer a database failure with the
 * {@link DatabaseErrors} mapping (409, 422, 503 as problem+json naming the constraint, never the
 * SQL); {@link #jdbi()} is Jdbi itself, whose exceptions the {@link Transactional} interceptor maps
 * the same way. Inside a {@link Transactional} handler, every one of these calls on the handler's
 * thread uses the transaction's handle (Jdbi keeps one handle per thread while a callback runs).
 *
 * <p>The pool's defaults suit a web server rather than a batch job: a request waits at most
 * {@code databaseConnectionTimeout} (5 s, Hikari's is 30 s) for a connection, so an exhausted pool
 * or a database that went away is a quick 503 rather than a pile of waiting threads; a statement
 * runs at most {@code databaseStatementTimeout}; and the pool reconnects by itself when the
 * database is back, with no restart.
 */
public final class Database implements AutoCloseable {
  /** Where a startup hook keeps it in the app: {@code request.app().get(Database.KEY)}. */
  public static final TypedKey<Database> KEY = TypedKey.of("database", Database.class);

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final EmbeddedDatabase embedded;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final String shownUrl;
  private final int retries;

  private Database(EmbeddedDatabase embedded, HikariDataSource pool, Jdbi jdbi, String shownUrl, int retries) {
    this.embedded = embedded;
    this.pool = pool;
    this.jdbi = jdbi;
    this.shownUrl = shownUrl;
    this.retries = retries;
  }

  /**
   * Connects to {@code databaseUrl}, or starts the embedded PostgreSQL when it is unset, and runs
   * the migrations.
   *
   * @throws IllegalStateException when the database cannot be reached or a migration fails, saying which
   */
  public static Database open(DatabaseSettings settings) {
    String url = settings.databaseUrl().map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
    DatabaseUrl target = url != null ? DatabaseUrl.parse(url) : null;
    EmbeddedDatabase embedded = target == null
        ? EmbeddedDatabase.start(Path.of(settings.databaseDirectory()), settings.databaseEmbeddedPort()) : null;
    String shown = embedded != null ? embedded.shownUrl() : target.shown();
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(poolConfig(settings, embedded, target));
      migrate(pool, settings.databaseMigrations(), shown);
      Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
      jdbi.setSqlLogger(new StatementLogger(settings.databaseSlowStatement()));
      jdbi.setStatementBuilderFactory(CountingStatementBuilder.FACTORY);
      LOG.info("PostgreSQL at {}, a pool of {}", shown, settings.databasePoolSize());
      return new Database(embedded, pool, jdbi, shown, settings.databaseRetries());
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e instanceof IllegalStateException ? e
          : new IllegalStateException("could not open PostgreSQL at " + shown + ": " + e.getMessage(), e);
    }
  }

  private static HikariConfig poolConfig(DatabaseSettings settings, EmbeddedDatabase embedded, DatabaseUrl target) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("kiln-database");
    config.setJdbcUrl(embedded != null ? embedded.jdbcUrl() : target.jdbcUrl());
    if (embedded != null) {
      config.setUsername(EmbeddedDatabase.USER);
    } else {
      if (target.user() != null) {
        config.setUsername(target.user());
      }
      if (target.password() != null) {
        config.setPassword(target.password());
      }
    }
    config.setMaximumPoolSize(settings.databasePoolSize());
    config.setMinimumIdle(Math.min(2, settings.databasePoolSize()));
    config.setConnectionTimeout(Math.max(250, settings.databaseConnectionTimeout().toMillis()));
    config.setValidationTimeout(Math.max(250, Math.min(settings.databaseConnectionTimeout().toMillis(), 2000)));
    // The first connection is tried at startup: a database that does not answer fails the start, naming it.
    config.setInitializationFailTimeout(Math.max(1, settings.databaseConnectionTimeout().toMillis()));
    config.addDataSourceProperty("options", "-c statement_timeout=" + settings.databaseStatementTimeout().toMillis());
    config.addDataSourceProperty("connectTimeout", Math.max(1, settings.databaseConnectionTimeout().toSeconds()));
    config.addDataSourceProperty("tcpKeepAlive", true);
    config.addDataSourceProperty("ApplicationName", "kiln");
    return config;
  }

  private static void migrate(DataSource pool, String locations, String shown) {
    if (locations.isBlank()) {
      return;
    }
    try {
      var result = Flyway.configure()
          .dataSource(pool)
          .locations(locations.split("\\s*,\\s*"))
          .failOnMissingLocations(false)
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("Migrated PostgreSQL at {} to version {} ({} migrations)", shown, result.targetSchemaVersion,
            result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      throw new IllegalStateException("a database migration failed, so the app does not start: " + e.getMessage(), e);
    }
  }

  /** Jdbi itself, for what the helpers here do not cover; its exceptions are Jdbi's own. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs {@code callback} with a handle: the transaction's own on a {@link Transactional}
   * handler's thread, else one from the pool, given back after. A database failure is thrown as the
   * {@link DatabaseError} {@link DatabaseErrors} makes of it; other exceptions pass as they are.
   */
  public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    refuseEventLoop();
    try {
      return jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw DatabaseErrors.answer(e);
    }
  }

  /** {@link #withHandle} for a callback with no result. */
  public <X extends Exception> void useHandle(HandleConsumer<X> callback) throws X {
    withHandle(handle -> {
      callback.useHandle(handle);
      return null;
    });
  }

  /**
   * Runs {@code callback} in a transaction (joining the one a {@link Transactional} handler runs in),
   * committed when it returns and rolled back when it throws. Failures are answered as in
   * {@link #withHandle}.
   */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
    refuseEventLoop();
    try {
      return jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw DatabaseErrors.answer(e);
    }
  }

  /**
   * Runs {@code action} once the transaction of this thread commits (a {@link Transactional}
   * handler's, or an {@link #inTransaction} callback's), and never if it rolls back; at once when no
   * transaction is open. For what must only follow a change that stuck: an event published, a cache
   * cleared. A failing action is logged; the commit stands.
   */
  public void afterCommit(Runnable action) {
    useHandle(handle -> {
      if (handle.isInTransaction()) {
        handle.afterCommit(() -> runLogged(action));
      } else {
        runLogged(action);
      }
    });
  }

  private static void runLogged(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("An action after a commit failed; the commit stands", e);
    }
  }

  /** Times a {@link Transactional} handler is run again after a serialization failure or a deadlock. */
  int retries() {
    return retries;
  }

  /**
   * Whether the database answers now, within the pool's connection timeout: for a health check.
   * Never throws.
   */
  public boolean healthy() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The URL in use, its password masked: for logs and health pages. */
  public String url() {
    return shownUrl;
  }

  /** Whether this is the embedded PostgreSQL Kiln started. */
  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  /** JDBC blocks: on an event loop it would stall every connection that loop serves. */
  static void refuseEventLoop() {
    if (Thread.currentThread() instanceof FastThreadLocalThread) {
      throw new IllegalStateException("JDBC called on " + Thread.currentThread().getName() + ", a Netty event loop: "
          + "call the database from a blocking handler (one without @NonBlocking), which runs on the blocking executor");
    }
  }
}
