package dev.kiln.it.middleware;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.TypedKey;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An interceptor that shows where and when it ran: it tells the handler its thread before the
 * call, puts its thread on the response after it, and records what a failing handler threw.
 */
@Interceptor(order = 10, optIn = true)
public final class CallRecorder implements Interceptor.Handler {
  static final TypedKey<String> ENTERED_ON = TypedKey.of("enteredOn", String.class);
  static final Queue<String> FAILURES = new ConcurrentLinkedQueue<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
    String thread = Thread.currentThread().getName();
    request.attribute(ENTERED_ON, thread);
    T result;
    try {
      result = call.proceed();
    } catch (Exception e) {
      FAILURES.add(request.path() + ": " + e.getMessage());
      throw e;
    }
    if (result instanceof Response response) {
      return (T) response.withHeader("X-Intercepted-On", thread);
    }
    return (T) ((CompletionStage<Response>) result).thenApply(r -> r.withHeader("X-Intercepted-On", thread));
  }
}
