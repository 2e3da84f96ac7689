package dev.kiln;

import java.util.List;

/**
 * An application's route table, as the generated {@code <App>Routes.builder()...build()} or
 * {@code <App>Routes.create()} returns it: what
 * {@link dev.kiln.server.Server#builder} serves and what tools list.
 *
 * <pre>{@code
 * Router router = ProjectsAppRoutes.builder().projectViews(new ProjectViews(store)).build();
 * try (Server server = Server.builder(router).port(8000).start()) { ... }
 * }</pre>
 */
public interface Router {
  /** Every route, in a stable order. */
  List<RouteInfo> routes();
}
