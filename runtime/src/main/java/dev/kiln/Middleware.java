package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.CompletionStage;

/**
 * Declares a middleware: a class implementing {@link Middleware.Handler} that wraps the routes its
 * scope covers. The processor resolves every route's chain at compile time, ordered by {@link
 * #order()} (lowest outermost), and the generated factory takes the middleware instances with the
 * handlers.
 *
 * <p>Scope: every route by default; only routes under {@link #paths()} or in {@link #groups()} when
 * either is given; only routes that name it with {@link Use} when {@link #optIn()}. {@link Skip}
 * takes a middleware off a handler class or method.
 *
 * <pre>{@code
 * @Middleware(order = 20, groups = "api")
 * public final class RequireToken implements Middleware.Handler {
 *   public CompletionStage<Response> handle(Request request, Middleware.Next next) {
 *     String token = request.header("Authorization");
 *     if (token == null) {
 *       return CompletableFuture.completedFuture(Response.text(401, "token required"));
 *     }
 *     request.attribute(USER, users.byToken(token));
 *     return next.handle(request);
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Middleware {
  /** Position in every chain it joins: lower runs first on the way in and last on the way out. */
  int order();

  /** Path prefixes it covers, segment-wise ({@code "/api"} covers {@code /api} and {@code /api/x}). */
  String[] paths() default {};

  /** Route groups ({@code @Routes(name)}) it covers, with their subgroups. */
  String[] groups() default {};

  /** Whether it covers only routes that name it with {@link Use}. */
  boolean optIn() default false;

  /** What a middleware does with a request on its way to the handler and the response on its way back. */
  @FunctionalInterface
  interface Handler {
    /**
     * Answers the request itself, or passes it (possibly changed) to {@code next} and returns that
     * response, possibly changed. Runs on the event loop: never block here.
     */
    CompletionStage<Response> handle(Request request, Next next) throws Exception;
  }

  /** The rest of the chain: the next middleware, or the handler. */
  @FunctionalInterface
  interface Next {
    CompletionStage<Response> handle(Request request);
  }
}
