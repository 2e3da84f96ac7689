package dev.kiln.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's statements as its default builder makes them, except while a {@link StatementLog#detailed()
 * detailed} log records on the thread: then a plain query's result set is scroll-insensitive, so that
 * {@link StatementLogger} can count its rows before Jdbi reads them. PostgreSQL's driver holds such a
 * result whole in memory, as it does any result unless a fetch size asks for a cursor.
 */
final class CountingStatementBuilder extends DefaultStatementBuilder {
  static final StatementBuilderFactory FACTORY = connection -> new CountingStatementBuilder();

  @Override
  public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
    StatementLog log = StatementLog.current();
    if (log == null || !log.detailed() || context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
      return super.create(connection, sql, context);
    }
    return connection.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
  }
}
