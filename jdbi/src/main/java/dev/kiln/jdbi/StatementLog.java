package dev.kiln.jdbi;

import dev.kiln.TypedKey;
import dev.kiln.internal.http.ThreadRecording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL one request ran, in order, for the debug toolbar and for tests: each statement as
 * written (placeholders, never the bound values), how long it took, and the rows an update
 * changed. A {@link Transactional} handler's request carries one under {@link #KEY}.
 */
public final class StatementLog {
  /** Where a request keeps its log: {@code request.attribute(StatementLog.KEY)}. */
  public static final TypedKey<StatementLog> KEY = TypedKey.of("statements", StatementLog.class);

  private static final ThreadRecording<StatementLog> RECORDING = new ThreadRecording<>();

  /**
   * One statement: its SQL, its time, the rows it changed ({@code -1} for a query, whose rows are
   * read after), and whether it failed.
   */
  public record Statement(String sql, Duration took, long rows, boolean failed) {}

  private final List<Statement> statements = new ArrayList<>();

  /** The statements so far, oldest first. */
  public synchronized List<Statement> statements() {
    return List.copyOf(statements);
  }

  synchronized void add(Statement statement) {
    statements.add(statement);
  }

  /** Records what runs on this thread into {@code log} until the returned scope closes. */
  static ThreadRecording.Scope recordOnThisThread(StatementLog log) {
    return RECORDING.open(log);
  }

  static StatementLog current() {
    return RECORDING.current();
  }
}
