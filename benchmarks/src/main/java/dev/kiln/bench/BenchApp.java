package dev.kiln.bench;

import dev.kiln.Application;
import dev.kiln.Router;
import dev.kiln.jdbi.Database;

/**
 * The application the load benchmark serves (TechEmpower-style endpoints, see {@link BenchViews}),
 * next to {@link RawNettyServer}, which serves the same endpoints with Netty alone.
 */
@Application
public final class BenchApp {
  private BenchApp() {}

  /** The table without a database: its database routes answer 503. */
  public static Router router() {
    return router(null);
  }

  public static Router router(Database database) {
    return BenchAppRoutes.builder().dbViews(new DbViews(database)).build();
  }
}
