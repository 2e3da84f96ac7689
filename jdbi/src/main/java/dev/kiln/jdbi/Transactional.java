package dev.kiln.jdbi;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.RouteInfo;
import dev.kiln.internal.http.ThreadRecording;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler in one database transaction, on the handler's own thread. Install it on the
 * application and name it on the routes that want it (or give it {@code paths} or
 * {@code groups}):
 *
 * <pre>{@code
 * @Application
 * @Install(value = Transactional.class, order = 10, optIn = true)
 * public final class NotesApp {}
 *
 * @Use(Transactional.class)
 * @Route(method = HttpMethod.POST, path = "/notes")
 * public Note add(@Body NewNote note) { return notes.add(note); }   // notes calls database.withHandle(...)
 * }</pre>
 *
 * <p>The rule: <b>a return commits, a throw rolls back.</b> A handler that returns a response
 * commits, whatever its status; one that throws (an {@link dev.kiln.HttpError} too, such as a 404
 * for a row that is not there, or a failed binding) rolls back. Return an error response instead of
 * throwing when what was written should stay.
 *
 * <p>Every {@link Database} call on the handler's thread joins the transaction, so storage code
 * needs no handle passed in (it may take one: {@code database.withHandle(h -> store.add(h, ...))}
 * hands it the transaction's). A serialization failure or a deadlock runs the whole handler again,
 * up to {@code databaseRetries} times after a short random pause, then answers 503; other database
 * failures answer as {@link DatabaseErrors} says. The request's statements are kept in a
 * {@link StatementLog} under {@link StatementLog#KEY}.
 *
 * <p>It wraps blocking handlers only: a table that puts it around a {@link dev.kiln.NonBlocking}
 * handler fails when it is built, at startup, naming the route, because JDBC would stall the event
 * loop.
 */
public final class Transactional implements Interceptor.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(Transactional.class);

  public Transactional() {}

  @Override
  public void wraps(RouteInfo route) {
    if (!route.blocking()) {
      throw new IllegalStateException(route + " is @NonBlocking, so it runs on an event loop, where JDBC must not: "
          + "drop @NonBlocking from " + route.handler() + ", or Transactional from its interceptors");
    }
  }

  @Override
  public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
    Database database = request.app().get(Database.KEY);
    StatementLog log = request.attribute(StatementLog.KEY);
    if (log == null) {
      log = new StatementLog();
      request.attribute(StatementLog.KEY, log);
    }
    try (ThreadRecording.Scope recording = StatementLog.recordOnThisThread(log)) {
      for (int attempt = 0; ; attempt++) {
        try {
          return database.jdbi().inTransaction(handle -> call.proceed());
        } catch (Exception failure) {
          Optional<DatabaseError> answer = DatabaseErrors.mapped(failure);
          if (answer.isEmpty()) {
            throw failure;
          }
          if (!answer.get().retryable()) {
            throw answer.get();
          }
          if (attempt >= database.retries()) {
            LOG.warn("{} gave up after {} attempts, each ended by a transaction conflict (SQLSTATE {})",
                request.route(), attempt + 1, answer.get().sqlState());
            throw answer.get();
          }
          pauseBeforeRetry(attempt);
        }
      }
    }
  }

  /** A random pause that grows with each attempt, so two transactions that collided do not collide again in step. */
  private static void pauseBeforeRetry(int attempt) throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) << Math.min(attempt, 5));
  }
}
