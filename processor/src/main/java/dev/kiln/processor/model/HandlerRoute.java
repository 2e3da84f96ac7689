package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.HandlerResult;
import dev.kiln.processor.binding.PathParameter;
import java.util.List;

/**
 * One {@code @Route} method, as read from source: everything the endpoints writer needs.
 *
 * @param method the HTTP method's name
 * @param template the full template, group prefix included
 * @param name the full route name, or empty
 * @param handlerMethod the Java method's name
 * @param parameterTypes erased parameter types for a Javadoc link ({@code long, Optional})
 * @param binder the binding method's name in the endpoints class
 * @param isStatic whether the handler method is static
 * @param blocking whether the handler runs on the blocking executor
 * @param async whether the handler returns a {@code CompletionStage}
 * @param result how the (completed) result becomes a response
 * @param params the handler's parameters, in declaration order
 * @param group the handler class's route group, or empty
 * @param use middlewares {@code @Use}d on the class or method
 * @param skip middlewares {@code @Skip}ped on the class or method
 * @param maxBodySize the route's body limit, or -1
 * @param timeoutMillis the route's timeout, or -1
 * @param description the handler method's Javadoc, its block tags left out; empty for none
 * @param conditions the route's host, header, consumes and produces conditions
 */
public record HandlerRoute(
    String method,
    PathTemplate template,
    String name,
    String handlerMethod,
    String parameterTypes,
    String binder,
    boolean isStatic,
    boolean blocking,
    boolean async,
    HandlerResult result,
    List<Binding> params,
    String group,
    List<ClassName> use,
    List<ClassName> skip,
    long maxBodySize,
    long timeoutMillis,
    String description,
    Conditions conditions) {

  public HandlerRoute {
    params = List.copyOf(params);
  }

  /** The path parameters in template order. */
  public List<PathParameter> pathParams() {
    PathParameter[] ordered = new PathParameter[template.params().size()];
    for (Binding param : params) {
      if (param instanceof PathParameter path) {
        ordered[path.index()] = path;
      }
    }
    return List.of(ordered);
  }
}
