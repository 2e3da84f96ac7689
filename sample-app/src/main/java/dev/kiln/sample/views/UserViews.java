package dev.kiln.sample.views;

import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.files.StaticFiles;
import dev.kiln.jdbi.DatabaseErrors;
import dev.kiln.sample.SampleAppTemplates;
import dev.kiln.sample.storage.UserStore;
import dev.kiln.session.Session;

/** The talk's user profile, {@code /users/{user_id:\d+}}: a row of {@code users} as a page. */
public final class UserViews {
  private final UserStore users;
  private final StaticFiles assets;

  public UserViews(UserStore users, StaticFiles assets) {
    this.users = users;
    this.assets = assets;
  }

  @Route(path = "/users/{userId:\\d+}", name = "user")
  public Response user(long userId, Session session) {
    return SampleAppTemplates.user(assets, session, DatabaseErrors.found(users.find(userId), "no user " + userId));
  }
}
