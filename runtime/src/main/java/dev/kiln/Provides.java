package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the values a middleware hands to the handlers of its chain. A handler takes such a value
 * as a plain parameter ({@code CurrentUser user}, or {@code Optional<CurrentUser>} when the
 * middleware may not set it), and a route whose chain has no middleware providing the type does not
 * compile.
 *
 * <pre>{@code
 * @Middleware(order = 40, paths = "/account")
 * @Provides(CurrentUser.class)
 * public final class Authentication implements Middleware.Handler {
 *   public CompletionStage<Response> handle(Request request, Middleware.Next next) {
 *     CurrentUser user = users.bySession(request.cookie("sid"));
 *     if (user == null) {
 *       throw HttpError.unauthorized("log in first");
 *     }
 *     request.provide(CurrentUser.class, user);
 *     return next.handle(request);
 *   }
 * }
 * }</pre>
 *
 * <p>A type is matched exactly: a middleware providing {@code Admin} does not satisfy a parameter of
 * its supertype {@code User}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Provides {
  Class<?>[] value();
}
