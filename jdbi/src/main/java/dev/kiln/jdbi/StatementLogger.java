package dev.kiln.jdbi;

import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jdbi's statement hook: adds each statement to the request's {@link StatementLog}, when one is
 * recording on the thread, and logs the slow ones. Only the SQL as written is kept: its bound
 * values may be passwords or personal data.
 */
final class StatementLogger implements SqlLogger {
  private static final Logger SLOW = LoggerFactory.getLogger("dev.kiln.jdbi.SlowStatements");

  private final long slowNanos;

  StatementLogger(Duration slow) {
    this.slowNanos = slow.toNanos();
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    record(context, false);
  }

  @Override
  public void logException(StatementContext context, SQLException failure) {
    record(context, true);
  }

  private void record(StatementContext context, boolean failed) {
    long nanos = context.getElapsedTime(ChronoUnit.NANOS);
    String sql = context.getRenderedSql();
    if (nanos >= slowNanos) {
      SLOW.warn("Slow statement ({} ms): {}", nanos / 1_000_000, sql);
    }
    StatementLog log = StatementLog.current();
    if (log != null) {
      log.add(new StatementLog.Statement(sql, Duration.ofNanos(nanos), failed ? -1 : rows(context), failed));
    }
  }

  private static long rows(StatementContext context) {
    try {
      return context.getStatement() != null ? context.getStatement().getLargeUpdateCount() : -1;
    } catch (SQLException | UnsupportedOperationException e) {
      return -1;
    }
  }
}
