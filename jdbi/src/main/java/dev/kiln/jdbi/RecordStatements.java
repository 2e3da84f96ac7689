package dev.kiln.jdbi;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.internal.http.ThreadRecording;

/**
 * Keeps the SQL a handler runs in the request's {@link StatementLog} ({@link StatementLog#KEY}): the
 * statements run on the handler's own thread while it runs, transaction or not. What
 * {@link Transactional} does for its routes, for any route, and {@link StatementLog#detailed() detailed}:
 * the debug toolbar's SQL panel reads it. Its queries' result sets are scroll-insensitive so that
 * their rows can be counted, which suits a developer's machine rather than production.
 *
 * <pre>{@code
 * @Install(value = RecordStatements.class, order = 5)    // on the @Application
 * }</pre>
 */
public final class RecordStatements implements Interceptor.Handler {
  public RecordStatements() {}

  @Override
  public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
    StatementLog log = request.attribute(StatementLog.KEY);
    if (log == null) {
      log = new StatementLog();
      request.attribute(StatementLog.KEY, log);
    }
    log.detail();
    try (ThreadRecording.Scope recording = StatementLog.recordOnThisThread(log)) {
      return call.proceed();
    }
  }
}
