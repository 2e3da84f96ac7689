package dev.kiln.sample.auth;

import dev.kiln.HttpError;
import dev.kiln.MediaTypes;
import dev.kiln.Middleware;
import dev.kiln.Provides;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.TypedKey;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.session.Session;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets only a signed-in user through to the routes that {@code @Use} it, and hands them the
 * {@link CurrentUser}. Anyone else is sent to the sign-in page when a browser asks (and brought back
 * afterwards), or gets 401 problem+json when an API client does. Inside {@code Sessions}, whose
 * session it reads.
 */
@Middleware(order = 60, optIn = true)
@Provides(CurrentUser.class)
public final class SignedIn implements Middleware.Handler {
  private static final TypedKey<Session> SESSION = TypedKey.of(Session.class);

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    Session session = request.attribute(SESSION);
    Optional<CurrentUser> user = session == null ? Optional.empty() : session.get(CurrentUser.KEY);
    if (user.isPresent()) {
      request.provide(CurrentUser.class, user.get());
      return next.handle(request);
    }
    if (MediaTypes.prefersHtml(request.header("Accept"))) {
      String back = request.target();
      return CompletableFuture.completedFuture(Response.seeOther(SampleAppUrls.login().withQuery("next", back).toString()));
    }
    return CompletableFuture.failedFuture(HttpError.unauthorized("sign in first: POST /login with your email and password"));
  }
}
