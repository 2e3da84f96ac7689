package com.example.wired;

import dev.kiln.Application;
import dev.kiln.launch.Kiln;
import dev.kiln.server.Server;

/**
 * Notes, wired by Dagger: {@link WiredComponent} makes every handler and middleware instance and
 * the route table from them; the main only serves it.
 */
@Application
public final class WiredApp {
  private WiredApp() {}

  public static void main(String[] args) throws Exception {
    Kiln.run(WiredApp.class, args, WiredApp::configure);
  }

  static Server.Builder configure(String[] args) {
    return Server.builder(DaggerWiredComponent.create().router());
  }
}
