package dev.kiln.aggregated.routes;

import dev.kiln.internal.routing.AggregatedRoutes;
import javax.annotation.processing.Generated;

/**
 * Tells the application's generated route table about {@code hello.Health}.
 */
@AggregatedRoutes(
    format = 4,
    handler = "hello.Health",
    endpoints = "hello.Health_Endpoints",
    needsInstance = false,
    routes = {
        @AggregatedRoutes.Entry(method = "GET", template = "/v1/health", name = "v1.health", handlerMethod = "health", parameterTypes = "", binder = "health", staticMethod = true, group = "v1", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, openApi = {"{\"operation\":{\"tags\":[\"v1\"],\"summary\":\"Liveness probe.\",\"responses\":{\"200\":{\"description\":\"Text\",\"content\":{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}}}},\"records\":{}}"}, clientResult = "text", pathParameters = {}),
        @AggregatedRoutes.Entry(method = "POST", template = "/v1/health", name = "", handlerMethod = "reset", parameterTypes = "", binder = "reset", staticMethod = true, group = "v1", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, openApi = {"{\"operation\":{\"tags\":[\"v1\"],\"responses\":{\"204\":{\"description\":\"No content\"}}},\"records\":{}}"}, clientOmitted = "it has no name; name it with @Route(name = ...) to get a method", pathParameters = {})
    }
)
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.Health"
)
public final class hello_Health {
  private hello_Health() {
  }
}
