package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interceptor: a class implementing {@link Interceptor.Handler} that wraps the call of
 * the handlers its scope covers, on the thread the handler runs on. Where a {@link Middleware}
 * runs on the event loop around the whole exchange, an interceptor runs inside it, right around the
 * handler: on the blocking executor for a blocking handler, so it may block too (open a database
 * transaction, set a thread-local context), and on the event loop for a {@link NonBlocking} one.
 *
 * <p>The processor resolves every route's interceptors at compile time, with the same scope rules
 * as middlewares ({@link #paths()}, {@link #groups()}, {@link #optIn()}, {@link Use}, {@link Skip})
 * and ordered by {@link #order()}, lowest outermost. Interceptors and middlewares order apart: every
 * middleware runs before every interceptor. Requests no route matched have no handler, so no
 * interceptor.
 *
 * <pre>{@code
 * @Interceptor(order = 10, groups = "api")
 * public final class Timed implements Interceptor.Handler {
 *   public <T> T intercept(Request request, Interceptor.Call<T> call) throws Exception {
 *     long start = System.nanoTime();
 *     try {
 *       return call.proceed();
 *     } finally {
 *       metrics.record(request.route().name(), System.nanoTime() - start);
 *     }
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Interceptor {
  /** Position among the interceptors of a route: lower runs first on the way in and last on the way out. */
  int order();

  /** Path prefixes it covers, segment-wise ({@code "/api"} covers {@code /api} and {@code /api/x}). */
  String[] paths() default {};

  /** Route groups ({@code @Routes(name)}) it covers, with their subgroups. */
  String[] groups() default {};

  /** Whether it covers only routes that name it with {@link Use}. */
  boolean optIn() default false;

  /** What an interceptor does around a handler's call. */
  interface Handler {
    /**
     * Calls {@code call.proceed()} once and returns its result, or throws instead. The call binds
     * the request to the handler's parameters, runs the handler and makes its result a
     * {@link Response}; what it throws (the handler's exception, or the {@link HttpError} of a
     * binding that failed) passes through here before it becomes an error response.
     *
     * <p>For a blocking handler this runs on the blocking executor and {@code T} is the
     * {@link Response}. For a {@link NonBlocking} handler it runs on the event loop and {@code T} is
     * the {@code CompletionStage} of the response, which may complete later: what fails after the
     * call returns is in that stage, not thrown here.
     */
    <T> T intercept(Request request, Call<T> call) throws Exception;

    /**
     * Called once for each route this wraps, when the route table is built and before any request:
     * throws {@link IllegalStateException} to refuse a route it cannot wrap (a database transaction
     * around a {@link NonBlocking} handler, say), so the app fails at startup, naming the route,
     * instead of on a request. Accepts every route unless overridden.
     */
    default void wraps(RouteInfo route) {}
  }

  /** The rest of the call: the next interceptor, or the handler. */
  @FunctionalInterface
  interface Call<T> {
    T proceed() throws Exception;
  }
}
