package dev.kiln.sample;

import dev.kiln.Application;
import dev.kiln.RouteInfo;
import dev.kiln.Router;
import dev.kiln.sample.api.ProjectViews;
import dev.kiln.sample.storage.InMemoryProjectStore;
import dev.kiln.sample.storage.ProjectStore;
import dev.kiln.sample.views.IndexViews;

/**
 * The talk's "real world" project on Kiln. The processor names {@code SampleAppRoutes} (the route
 * table) and {@code SampleAppUrls} (typed URLs) after this class; read them under
 * {@code target/generated-sources/annotations}.
 */
@Application
public final class SampleApp {
  private SampleApp() {}

  /** The application's route table, wired with its handlers: the one place that knows them all. */
  public static Router router(ProjectStore store) {
    return SampleAppRoutes.create(new ProjectViews(store), new IndexViews());
  }

  public static void main(String[] args) {
    Router router = router(new InMemoryProjectStore());
    System.out.println("Kiln sample app: " + router.routes().size() + " routes");
    for (RouteInfo route : router.routes()) {
      System.out.printf("  %-7s %-40s %-18s %s%n", route.method(), route.template(),
          route.hasName() ? route.name() : "-", route.handler());
    }
    System.out.println("URL of project 42: " + SampleAppUrls.api().project(42));
  }
}
