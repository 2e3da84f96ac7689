package dev.kiln.sample.auth;

import dev.kiln.sample.storage.User;
import dev.kiln.session.SessionKey;
import org.jspecify.annotations.Nullable;

/**
 * Who is signed in: kept in the session at sign-in, so that no request needs the database to know
 * it, and handed to handlers behind {@link SignedIn} as a plain parameter.
 */
public record CurrentUser(long id, String email, @Nullable String displayName) {
  /** Where the session keeps it. */
  public static final SessionKey<CurrentUser> KEY = SessionKey.of("user", CurrentUser.class);

  public static CurrentUser of(User user) {
    return new CurrentUser(user.id(), user.email(), user.displayName());
  }

  /** The name pages show. */
  public String name() {
    return displayName != null ? displayName : email;
  }
}
