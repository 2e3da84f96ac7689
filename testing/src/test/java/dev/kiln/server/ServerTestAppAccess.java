package dev.kiln.server;

import dev.kiln.Router;

/** Lets tests in other packages serve {@link ServerTestApp}. */
public final class ServerTestAppAccess {
  private ServerTestAppAccess() {}

  public static Router router() {
    return new ServerTestApp().router();
  }
}
