package dev.kiln.toolbar;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.TypedKey;
import dev.kiln.internal.http.TemplateLog;
import dev.kiln.internal.http.ThreadRecording;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The toolbar's interceptor, on the handler's own thread: the CPU time the handler took there, the
 * templates it rendered, and the SQL and Redis commands it ran (through kiln-jdbi's {@code RecordStatements} and kiln-redis's
 * {@code RecordRedisCommands}, when the toolbar was built with them). Install it with the toolbar;
 * with the toolbar off it only calls the handler.
 */
public final class ToolbarRecording implements Interceptor.Handler {
  static final TypedKey<Long> CPU_NANOS = TypedKey.of("toolbar cpu nanos", Long.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final boolean enabled;
  private final Interceptor.Handler sql;
  private final Interceptor.Handler redis;

  ToolbarRecording(boolean enabled, Interceptor.Handler sql, Interceptor.Handler redis) {
    this.enabled = enabled;
    this.sql = sql;
    this.redis = redis;
  }

  @Override
  public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
    if (!enabled) {
      return call.proceed();
    }
    Interceptor.Call<T> recorded = call;
    if (sql != null) {
      Interceptor.Call<T> inner = recorded;
      recorded = () -> sql.intercept(request, inner);
    }
    if (redis != null) {
      Interceptor.Call<T> inner = recorded;
      recorded = () -> redis.intercept(request, inner);
    }
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
    long start = cpu ? THREADS.getCurrentThreadCpuTime() : 0;
    try (ThreadRecording.Scope templates = TemplateLog.recordFor(request)) {
      return recorded.proceed();
    } finally {
      if (cpu) {
        request.attribute(CPU_NANOS, THREADS.getCurrentThreadCpuTime() - start);
      }
    }
  }
}
