package dev.kiln.sample.storage;

import dev.kiln.jdbi.Database;
import java.util.Optional;

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
}
