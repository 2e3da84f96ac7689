package dev.kiln.sample.storage;

import dev.kiln.jdbi.Database;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The users' queries. */
public final class UserStore {
  private final Database database;

  public UserStore(Database database) {
    this.database = database;
  }

  public Optional<User> find(long id) {
    return database.withHandle(h -> h.createQuery("select id, email, display_name from users where id = :id")
        .bind("id", id)
        .map(UserRow.MAPPER)
        .findOne());
  }

  /** The user with this email (compared case-insensitively) and their password hash. */
  public Optional<Credentials> credentials(String email) {
    return database.withHandle(h -> h.createQuery(
            "select id, email, display_name, password_hash from users where lower(email) = lower(:email)")
        .bind("email", email)
        .map(CredentialsRow.MAPPER)
        .findOne());
  }

  /**
   * Adds a user who signs in with a password.
   *
   * @throws dev.kiln.jdbi.DatabaseError 409 when the email is taken
   */
  public User register(String email, @Nullable String displayName, String passwordHash) {
    return database.withHandle(h -> h.createQuery("""
            insert into users (email, display_name, password_hash) values (:email, :displayName, :hash)
            returning id, email, display_name""")
        .bind("email", email)
        .bind("displayName", displayName)
        .bind("hash", passwordHash)
        .map(UserRow.MAPPER)
        .one());
  }
}
