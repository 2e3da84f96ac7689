package dev.kiln.jdbi;

import dev.kiln.Default;
import dev.kiln.Doc;
import dev.kiln.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL's settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}: each is a flag ({@code --database-url}), a system property and an
 * environment variable ({@code DATABASE_URL}) like the application's own.
 */
public interface DatabaseSettings {
  @Doc("PostgreSQL to use: postgres://user:password@host:port/db (as the talk wrote it) or jdbc:postgresql://...; unset starts an embedded PostgreSQL")
  @Secret
  Optional<String> databaseUrl();

  @Doc("Where the embedded PostgreSQL keeps its data, kept across restarts; relative to the working directory")
  @Default("data/postgres")
  String databaseDirectory();

  @Doc("Port of the embedded PostgreSQL; 0 for any free port")
  @Default("0")
  @Min(0)
  @Max(65535)
  int databaseEmbeddedPort();

  @Doc("Connections in the pool at most: requests beyond wait up to databaseConnectionTimeout, then get a 503")
  @Default("10")
  @Positive
  int databasePoolSize();

  @Doc("Longest a request waits for a connection (pool exhausted, database away) before its 503")
  @Default("5s")
  @Positive
  Duration databaseConnectionTimeout();

  @Doc("Longest one SQL statement may run before PostgreSQL cancels it and the request gets a 503")
  @Default("30s")
  @Positive
  Duration databaseStatementTimeout();

  @Doc("Statements slower than this are logged at WARN with their timing")
  @Default("500ms")
  @Positive
  Duration databaseSlowStatement();

  @Doc("Times a @Use(Transactional.class) handler is run again after a serialization failure or a deadlock, before a 503")
  @Default("3")
  @Min(0)
  @Max(20)
  int databaseRetries();

  @Doc("Flyway migrations run at startup, as Flyway locations; empty for none")
  @Default("classpath:db/migration")
  String databaseMigrations();
}
