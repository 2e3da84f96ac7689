package dev.kiln.jdbi;

import dev.kiln.HttpError;

/**
 * A database failure as the HTTP answer it calls for (see {@link DatabaseErrors}): an
 * {@link HttpError} whose message names the constraint or column at fault, never the SQL or the
 * driver's text, rendered like any error (problem+json or the HTML error page, by {@code Accept}).
 * The failure itself is the cause, for the log.
 */
public final class DatabaseError extends HttpError {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  DatabaseError(HttpError answer, String sqlState, Throwable cause) {
    super(answer, cause);
    this.sqlState = sqlState;
  }

  /** PostgreSQL's SQLSTATE, such as {@code 23505}; {@code null} where no query ran (the pool gave no connection). */
  public String sqlState() {
    return sqlState;
  }

  /** Whether running the whole transaction again may succeed: a serialization failure or a deadlock. */
  public boolean retryable() {
    return DatabaseErrors.SERIALIZATION_FAILURE.equals(sqlState) || DatabaseErrors.DEADLOCK.equals(sqlState);
  }
}
