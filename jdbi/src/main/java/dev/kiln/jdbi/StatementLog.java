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
 *
 * <p>A {@link #detailed() detailed} log, which {@link RecordStatements} asks for, also counts the
 * rows each query returned and keeps its bound values, redacted: numbers, booleans and nulls as
 * they are, any other value as its length only.
 */
public final class StatementLog {
  /** Where a request keeps its log: {@code request.attribute(StatementLog.KEY)}. */
  public static final TypedKey<StatementLog> KEY = TypedKey.of("statements", StatementLog.class);

  private static final ThreadRecording<StatementLog> RECORDING = new ThreadRecording<>();

  /**
   * One statement: its SQL, its time, the rows it changed or (in a detailed log) returned, {@code -1}
   * when not known, whether it failed, and its bound values as a detailed log redacts them (empty
   * otherwise), each as {@code name = value} or {@code #position = value}.
   */
  public record Statement(String sql, Duration took, long rows, boolean failed, List<String> values) {
    public Statement {
      values = List.copyOf(values);
    }
  }

  private final List<Statement> statements = new ArrayList<>();
  private volatile boolean detailed;

  /** The statements so far, oldest first. */
  public synchronized List<Statement> statements() {
    return List.copyOf(statements);
  }

  /** Whether this log counts a query's rows and keeps redacted values: see the class comment. */
  public boolean detailed() {
    return detailed;
  }

  /** Makes this log {@link #detailed() detailed} from its next statement on. */
  public void detail() {
    detailed = true;
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
