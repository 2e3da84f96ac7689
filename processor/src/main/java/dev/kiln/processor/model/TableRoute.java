package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One route of the application's table, read from a handler marker (from this compilation or the
 * classpath).
 *
 * @param segments what each template segment matches, in order
 * @param exact whether every regex was modelled exactly (see {@code Languages}); if not, overlap
 *     checks are warnings, not errors
 * @param group the handler class's route group, or empty
 * @param use middlewares {@code @Use}d on the handler class or method
 * @param skip middlewares {@code @Skip}ped on the handler class or method
 * @param operation the route's OpenAPI operation as its handler's {@code OperationWriter} wrote it
 * @param provisions the parameters the chain's {@code @Provides} middlewares must hand on
 * @param queryParams the route's query parameters, in declaration order
 * @param conditions the route's host, header, consumes and produces conditions
 * @param client how the generated client calls it, or why it leaves it out
 * @param source the handler method when it can be found, else the handler class: where diagnostics point
 */
public record TableRoute(
    String method,
    PathTemplate template,
    String name,
    ClassName handler,
    String handlerMethod,
    String parameterTypes,
    ClassName endpoints,
    String binder,
    boolean staticMethod,
    boolean blocking,
    List<PathParamType> pathParams,
    List<MatchSegment> segments,
    boolean exact,
    String group,
    List<ClassName> use,
    List<ClassName> skip,
    long maxBodySize,
    long timeoutMillis,
    String operation,
    List<Provision> provisions,
    List<QueryParamType> queryParams,
    Conditions conditions,
    ClientCall client,
    Element source) {

  public TableRoute {
    provisions = List.copyOf(provisions);
    queryParams = List.copyOf(queryParams);
    pathParams = List.copyOf(pathParams);
    segments = List.copyOf(segments);
  }

  /** Whether every segment is literal: the route is found by one switch on the whole path. */
  public boolean isStatic() {
    return segments.stream().noneMatch(MatchSegment::isParam);
  }

  /** The query parameters a request must carry, so the URL builder takes them. */
  public List<QueryParamType> requiredQuery() {
    return queryParams.stream().filter(QueryParamType::required).toList();
  }

  /** The name's last dotted part ({@code project} of {@code api.project}): its URL builder and client method. */
  public String lastNamePart() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** {@code ProjectViews#project} for messages. */
  public String handlerReference() {
    return String.join(".", handler.simpleNames()) + "#" + handlerMethod;
  }

  /** {@code GET /api/projects/{projectId:\d+}} for messages, then its conditions when it has any. */
  public String describe() {
    return method + " " + template.text() + (conditions.isEmpty() ? "" : " [" + conditions.describe() + "]");
  }
}
