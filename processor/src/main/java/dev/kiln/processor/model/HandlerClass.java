package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A handler class and its valid routes, as read from source.
 *
 * @param handler the handler class
 * @param endpoints the generated class holding its routes' binding code
 * @param needsInstance whether some route calls an instance method
 */
public record HandlerClass(ClassName handler, ClassName endpoints, boolean needsInstance, List<HandlerRoute> routes) {
  public HandlerClass {
    routes = List.copyOf(routes);
  }
}
