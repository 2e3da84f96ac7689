package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** Everything the application root is generated from. */
public record RouteTable(ClassName application, List<TableHandler> handlers, List<TableRoute> routes) {
  public RouteTable {
    handlers = List.copyOf(handlers);
    routes = List.copyOf(routes);
  }

  /** The handlers the application must supply instances of, in factory-parameter order. */
  public List<TableHandler> suppliedHandlers() {
    return handlers.stream().filter(TableHandler::needsInstance).toList();
  }

  /** The supplied handlers the application's package can name: all of them once validated. */
  public List<TableHandler> visibleSuppliedHandlers() {
    return suppliedHandlers().stream().filter(TableHandler::visible).toList();
  }
}
