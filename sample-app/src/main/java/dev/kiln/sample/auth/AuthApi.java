package dev.kiln.sample.auth;

import dev.kiln.Route;
import dev.kiln.Routes;
import dev.kiln.Use;

/**
 * The talk's {@code auth/api.py}: who is signed in, for scripts of the site's own pages (the session
 * cookie authenticates them; unsafe methods would need the CSRF token in {@code X-CSRF-Token}).
 * Anyone not signed in gets 401 problem+json.
 */
@Routes(prefix = "/auth/api", name = "auth")
public final class AuthApi {
  @Use(SignedIn.class)
  @Route(path = "/me", name = "me")
  public CurrentUser me(CurrentUser user) {
    return user;
  }
}
