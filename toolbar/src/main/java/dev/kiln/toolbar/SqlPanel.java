package dev.kiln.toolbar;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.jdbi.RecordStatements;
import dev.kiln.jdbi.StatementLog;

/**
 * The SQL panel's data, from kiln-jdbi's {@link StatementLog}: the only class that touches kiln-jdbi,
 * loaded only by a toolbar built with {@code sql()}, so an app without kiln-jdbi never loads it.
 */
final class SqlPanel {
  private SqlPanel() {}

  static Interceptor.Handler recorder() {
    return new RecordStatements();
  }

  /** The migrations Flyway applied, from its history table, oldest first: rank, version, description, when, success. */
  static java.util.List<String[]> migrations(Object database) {
    return ((dev.kiln.jdbi.Database) database).withHandle(h -> h.createQuery("""
            select installed_rank, version, description, installed_on, success
            from flyway_schema_history order by installed_rank""")
        .map((rows, context) -> new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getBoolean(5) ? "applied" : "FAILED"})
        .list());
  }

  static void copy(Request request, RequestRecord record) {
    StatementLog log = request.attribute(StatementLog.KEY);
    if (log == null) {
      return;
    }
    for (StatementLog.Statement statement : log.statements()) {
      if (record.statements.size() == RequestRecord.MAX_ITEMS) {
        break;
      }
      record.statements.add(new RequestRecord.Statement(RequestRecord.cap(statement.sql()),
          statement.took().toNanos() / 1e6, statement.rows(), statement.failed(),
          statement.values().stream().map(RequestRecord::cap).toList()));
    }
  }
}
