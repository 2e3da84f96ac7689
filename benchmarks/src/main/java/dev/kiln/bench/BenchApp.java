package dev.kiln.bench;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.Router;
import dev.kiln.jdbi.Database;
import dev.kiln.toolbar.DebugToolbar;
import dev.kiln.toolbar.ToolbarRecording;

/**
 * The application the load benchmark serves (TechEmpower-style endpoints, see {@link BenchViews}),
 * next to {@link RawNettyServer}, which serves the same endpoints with Netty alone. The debug
 * toolbar is installed on every route and off, as in production: the benchmark shows what that costs.
 */
@Application
@Install(value = DebugToolbar.class, order = 5)
@Install(value = ToolbarRecording.class, order = 1)
public final class BenchApp {
  private BenchApp() {}

  /** The table without a database: its database routes answer 503. */
  public static Router router() {
    return router(null);
  }

  public static Router router(Database database) {
    DebugToolbar off = DebugToolbar.builder(BenchApp.class).build();
    return BenchAppRoutes.builder().dbViews(new DbViews(database)).debugToolbar(off).toolbarRecording(off.recording())
        .build();
  }
}
