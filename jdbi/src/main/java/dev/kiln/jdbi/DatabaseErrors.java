package dev.kiln.jdbi;

import dev.kiln.HttpError;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a database failure answers, by its SQLSTATE:
 *
 * <table>
 *   <caption>SQLSTATE to HTTP</caption>
 *   <tr><th>failure</th><th>answer</th></tr>
 *   <tr><td>unique violation (23505), foreign key (23503)</td><td>409</td></tr>
 *   <tr><td>not null (23502), check (23514), bad text representation (22P02), value too long
 *       (22001), number out of range (22003)</td><td>422</td></tr>
 *   <tr><td>no connection within the timeout (pool exhausted, database away), connection failures
 *       (08xxx), too many connections (53300), shutting down (57P01 to 57P03)</td>
 *       <td>503 with {@code Retry-After}</td></tr>
 *   <tr><td>statement timeout (57014)</td><td>503</td></tr>
 *   <tr><td>serialization failure (40001), deadlock (40P01), once retries are spent</td><td>503 with {@code Retry-After}</td></tr>
 * </table>
 *
 * Anything else is not the client's doing and stays an exception: a 500, logged. An answer names
 * the constraint, column or table at fault, as PostgreSQL reports it, never the statement, its
 * values or the driver's message.
 */
public final class DatabaseErrors {
  static final String SERIALIZATION_FAILURE = "40001";
  static final String DEADLOCK = "40P01";
  /** How soon a client may try again after a 503: the pool's outage is usually brief. */
  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);
  /** A database away for a minute must not write a line per request. */
  private static final RareWarnings WARNINGS = new RareWarnings(LOG, 10_000_000_000L, System::nanoTime);

  private DatabaseErrors() {}

  /**
   * The row a query found, or a 404 saying {@code message} when it found none: the talk's
   * {@code raise web.HTTPNotFound()}. {@code found(store.find(id), "no project " + id)}.
   */
  public static <T> T found(Optional<T> row, String message) {
    return row.orElseThrow(() -> HttpError.notFound(message));
  }

  /** {@code failure} as its answer, when it is a database failure the table above maps. */
  public static Optional<DatabaseError> mapped(Throwable failure) {
    if (failure instanceof DatabaseError error) {
      return Optional.of(error);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        warn("No database connection within the pool's timeout: {}", cause.getMessage());
        return Optional.of(new DatabaseError(unavailable("the database is unavailable; try again shortly"), null,
            failure));
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return answer(sql, failure);
      }
    }
    return Optional.empty();
  }

  /** {@code failure} as its answer if mapped, else as it was (a {@link RuntimeException} stays one). */
  static RuntimeException answer(RuntimeException failure) {
    return mapped(failure).<RuntimeException>map(e -> e).orElse(failure);
  }

  private static Optional<DatabaseError> answer(SQLException sql, Throwable failure) {
    String state = sql.getSQLState();
    Detail at = Detail.of(sql);
    HttpError answer = switch (state) {
      case "23505" -> HttpError.conflict("a row with that value exists: unique constraint " + at.constraint()
          + " violated");
      case "23503" -> HttpError.conflict("the row is referenced, or references one that does not exist: "
          + "foreign key constraint " + at.constraint() + " violated");
      case "23502" -> HttpError.unprocessableContent("a value is required for column " + at.column());
      case "23514" -> HttpError.unprocessableContent("a value breaks check constraint " + at.constraint());
      case "22P02" -> HttpError.unprocessableContent("a value is not valid for its column's type");
      case "22001" -> HttpError.unprocessableContent("a value is too long for its column");
      case "22003" -> HttpError.unprocessableContent("a number is out of its column's range");
      case "57014" -> HttpError.serviceUnavailable("the database took too long to answer");
      case SERIALIZATION_FAILURE, DEADLOCK -> unavailable("the database was too busy to complete the request; try again");
      case "53300", "57P01", "57P02", "57P03" -> unavailable("the database is unavailable; try again shortly");
      default -> state.startsWith("08") ? unavailable("the database is unavailable; try again shortly") : null;
    };
    if (answer == null) {
      return Optional.empty();
    }
    if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state)) {
      LOG.debug("Transaction conflict (SQLSTATE {}): {}", state, sql.getMessage()); // Transactional retries it
    } else if (answer.status() >= 500) {
      warn("Database failure answered 503 (SQLSTATE " + state + "): {}", sql.getMessage());
    }
    return Optional.of(new DatabaseError(answer, state, failure));
  }

  private static void warn(String format, String detail) {
    WARNINGS.warn(format, detail);
  }

  private static HttpError unavailable(String message) {
    return HttpError.serviceUnavailable(message).withHeader("Retry-After", RETRY_AFTER_SECONDS);
  }

  /** What PostgreSQL says is at fault, where the driver passes it on. */
  private record Detail(String constraint, String column) {
    static Detail of(SQLException sql) {
      ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
      if (server == null) {
        return new Detail("(unnamed)", "(unnamed)");
      }
      String table = server.getTable();
      String column = server.getColumn();
      return new Detail(server.getConstraint() != null ? server.getConstraint() : "(unnamed)",
          column == null ? "(unnamed)" : table != null ? table + "." + column : column);
    }
  }
}
