package dev.kiln.aggregated.routes;

import dev.kiln.routing.AggregatedRoutes;
import javax.annotation.processing.Generated;

/**
 * Tells the application's generated route table about {@code shop.Catalog}.
 */
@AggregatedRoutes(
    handler = "shop.Catalog",
    endpoints = "shop.Catalog_Endpoints",
    needsInstance = true,
    routes = {
        @AggregatedRoutes.Entry(method = "GET", template = "/items/{slug}", name = "itemBySlug", handlerMethod = "itemBySlug", parameterTypes = "java.lang.String", binder = "itemBySlug", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "slug", type = "java.lang.String")),
        @AggregatedRoutes.Entry(method = "GET", template = "/items/{id:\\d+}", name = "item", handlerMethod = "item", parameterTypes = "long", binder = "item", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "id", type = "long")),
        @AggregatedRoutes.Entry(method = "GET", template = "/items/new", name = "", handlerMethod = "newItem", parameterTypes = "", binder = "newItem", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "POST", template = "/items", name = "", handlerMethod = "create", parameterTypes = "dev.kiln.Request", binder = "create", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/items", name = "", handlerMethod = "items", parameterTypes = "java.util.Optional, java.util.List, java.util.Optional", binder = "items", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/files/{name}", name = "file", handlerMethod = "file", parameterTypes = "java.lang.String", binder = "file", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "name", type = "java.lang.String")),
        @AggregatedRoutes.Entry(method = "GET", template = "/files/{path:.*}", name = "tree", handlerMethod = "tree", parameterTypes = "java.lang.String", binder = "tree", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "path", type = "java.lang.String")),
        @AggregatedRoutes.Entry(method = "GET", template = "/orders/{orderId}", name = "order", handlerMethod = "order", parameterTypes = "long", binder = "order", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "orderId", type = "long")),
        @AggregatedRoutes.Entry(method = "GET", template = "/counts/{n}", name = "", handlerMethod = "count", parameterTypes = "int", binder = "count", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "n", type = "int")),
        @AggregatedRoutes.Entry(method = "GET", template = "/ids/{id}", name = "byUuid", handlerMethod = "uuid", parameterTypes = "java.util.UUID", binder = "uuid", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "id", type = "java.util.UUID")),
        @AggregatedRoutes.Entry(method = "GET", template = "/colors/{color}", name = "color", handlerMethod = "color", parameterTypes = "shop.Catalog.Color", binder = "color", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "color", type = "shop.Catalog.Color")),
        @AggregatedRoutes.Entry(method = "GET", template = "/ratio/{value}", name = "ratio", handlerMethod = "ratio", parameterTypes = "double", binder = "ratio", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "value", type = "double")),
        @AggregatedRoutes.Entry(method = "GET", template = "/flags/{on}", name = "flag", handlerMethod = "flag", parameterTypes = "boolean", binder = "flag", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "on", type = "boolean")),
        @AggregatedRoutes.Entry(method = "GET", template = "/users/{user}/repos/{repo}", name = "repo", handlerMethod = "repo", parameterTypes = "java.lang.String, java.lang.String", binder = "repo", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {@AggregatedRoutes.PathParameter(name = "user", type = "java.lang.String"), @AggregatedRoutes.PathParameter(name = "repo", type = "java.lang.String")}),
        @AggregatedRoutes.Entry(method = "GET", template = "/users/me", name = "", handlerMethod = "me", parameterTypes = "", binder = "me", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "POST", template = "/users/{user}", name = "", handlerMethod = "updateUser", parameterTypes = "java.lang.String", binder = "updateUser", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "user", type = "java.lang.String")),
        @AggregatedRoutes.Entry(method = "DELETE", template = "/users/{user}", name = "", handlerMethod = "deleteUser", parameterTypes = "java.lang.String", binder = "deleteUser", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = @AggregatedRoutes.PathParameter(name = "user", type = "java.lang.String")),
        @AggregatedRoutes.Entry(method = "GET", template = "/café", name = "cafe", handlerMethod = "cafe", parameterTypes = "", binder = "cafe", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/slash/", name = "", handlerMethod = "trailing", parameterTypes = "", binder = "trailing", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/slash", name = "", handlerMethod = "noTrailing", parameterTypes = "", binder = "noTrailing", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/search", name = "search", handlerMethod = "search", parameterTypes = "java.lang.String, java.util.Optional, boolean", binder = "search", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/whoami", name = "", handlerMethod = "whoami", parameterTypes = "java.lang.String, java.util.List, java.util.Optional", binder = "whoami", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/bytes", name = "", handlerMethod = "bytes", parameterTypes = "", binder = "bytes", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/async", name = "", handlerMethod = "async", parameterTypes = "java.lang.String", binder = "async", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = false, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/async-json", name = "", handlerMethod = "asyncJson", parameterTypes = "", binder = "asyncJson", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = false, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "POST", template = "/async-void", name = "", handlerMethod = "asyncVoid", parameterTypes = "", binder = "asyncVoid", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = false, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/fast", name = "", handlerMethod = "fast", parameterTypes = "", binder = "fast", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = false, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/head", name = "", handlerMethod = "headGet", parameterTypes = "", binder = "headGet", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "HEAD", template = "/head", name = "", handlerMethod = "head", parameterTypes = "", binder = "head", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/fail", name = "", handlerMethod = "fail", parameterTypes = "", binder = "fail", staticMethod = false, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {}),
        @AggregatedRoutes.Entry(method = "GET", template = "/", name = "", handlerMethod = "index", parameterTypes = "", binder = "index", staticMethod = true, group = "", use = {}, skip = {}, maxBodySize = -1L, timeoutMillis = -1L, blocking = true, pathParameters = {})
    }
)
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.Catalog"
)
public final class shop_Catalog {
  private shop_Catalog() {
  }
}
