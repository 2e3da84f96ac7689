package dev.kiln.reload;

import dev.kiln.server.Server;

/**
 * What development reload restarts: an application's entry point that loads its settings and builds
 * its state and router. Implemented by the application, usually next to its {@code main}, and named
 * to {@link Reloader}; it needs a public no-argument constructor.
 */
public interface Reloadable {
  /**
   * The application's server, configured but not started: {@link Reloader} starts it from its own
   * code, so that no library initialising on that first start keeps a stack trace (and with it the
   * class loader) of the application's classes.
   */
  Server.Builder configure(String[] args) throws Exception;
}
