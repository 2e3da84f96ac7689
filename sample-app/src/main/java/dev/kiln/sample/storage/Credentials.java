package dev.kiln.sample.storage;

import dev.kiln.jdbi.Row;
import org.jspecify.annotations.Nullable;

/** A user and the hash of their password, for signing in; never shown. */
@Row
public record Credentials(long id, String email, @Nullable String displayName, @Nullable String passwordHash) {
  public User user() {
    return new User(id, email, displayName);
  }
}
