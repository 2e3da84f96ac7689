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
          statement.took().toNanos() / 1e6, statement.rows(), statement.failed()));
    }
  }
}
