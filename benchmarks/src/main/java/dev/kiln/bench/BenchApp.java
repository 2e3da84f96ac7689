package dev.kiln.bench;

import dev.kiln.Application;
import dev.kiln.Router;

/**
 * The application the load benchmark serves (TechEmpower-style endpoints, see {@link BenchViews}),
 * next to {@link RawNettyServer}, which serves the same endpoints with Netty alone.
 */
@Application
public final class BenchApp {
  private BenchApp() {}

  public static Router router() {
    return BenchAppRoutes.create();
  }
}
