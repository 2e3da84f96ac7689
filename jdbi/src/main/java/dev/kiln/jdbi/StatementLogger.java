package dev.kiln.jdbi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
      boolean detailed = log.detailed();
      log.add(new StatementLog.Statement(sql, Duration.ofNanos(nanos), failed ? -1 : rows(context, detailed), failed,
          detailed ? RedactedValues.of(context) : List.of()));
    }
  }

  /**
   * The rows an update changed or, for a detailed log's query, the rows it returned: counted by
   * moving its scroll-insensitive result set (see {@link CountingStatementBuilder}) to the last row
   * and back before Jdbi reads it.
   */
  private static long rows(StatementContext context, boolean detailed) {
    PreparedStatement statement = context.getStatement();
    if (statement == null) {
      return -1;
    }
    try {
      long updated = statement.getLargeUpdateCount();
      if (updated >= 0 || !detailed || statement.getResultSetType() == ResultSet.TYPE_FORWARD_ONLY) {
        return updated;
      }
      ResultSet results = statement.getResultSet();
      if (results == null || !results.last()) {
        return results == null ? -1 : 0;
      }
      long rows = results.getRow();
      results.beforeFirst();
      return rows;
    } catch (SQLException | UnsupportedOperationException e) {
      return -1;
    }
  }
}
