package dev.kiln.sample.views;

import dev.kiln.Route;
import dev.kiln.jdbi.DatabaseErrors;
import dev.kiln.sample.storage.User;
import dev.kiln.sample.storage.UserStore;

/** The talk's user profile, {@code /users/{user_id:\d+}}: JSON until the templates give it a page. */
public final class UserViews {
  private final UserStore users;

  public UserViews(UserStore users) {
    this.users = users;
  }

  @Route(path = "/users/{userId:\\d+}", name = "user")
  public User user(long userId) {
    return DatabaseErrors.found(users.find(userId), "no user " + userId);
  }
}
