package dev.kiln.redis;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.internal.http.ThreadRecording;

/**
 * Keeps the Redis commands a handler sends in the request's {@link CommandLog}
 * ({@link CommandLog#KEY}): the ones sent from the handler's own thread while it runs, blocking or
 * not. A command a non-blocking handler sends later, from a stage that completes on Lettuce's
 * thread, is not the request's as far as this can tell, and is not kept.
 *
 * <pre>{@code
 * @Install(value = RecordRedisCommands.class, order = 5)    // on the @Application
 * }</pre>
 */
public final class RecordRedisCommands implements Interceptor.Handler {
  public RecordRedisCommands() {}

  @Override
  public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
    CommandLog log = request.attribute(CommandLog.KEY);
    if (log == null) {
      log = new CommandLog();
      request.attribute(CommandLog.KEY, log);
    }
    try (ThreadRecording.Scope recording = CommandLog.recordOnThisThread(log)) {
      return call.proceed();
    }
  }
}
