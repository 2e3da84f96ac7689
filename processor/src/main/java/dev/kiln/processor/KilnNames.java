package dev.kiln.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types the processor reads and the generated code uses, by name: the processor never
 * loads Kiln's runtime classes, so it works whatever the user's runtime version on the classpath.
 */
public final class KilnNames {
  public static final String APPLICATION = "dev.kiln.Application";
  public static final String ROUTES = "dev.kiln.Routes";
  public static final String ROUTE = "dev.kiln.Route";
  public static final String QUERY = "dev.kiln.Query";
  public static final String HEADER = "dev.kiln.Header";
  public static final String COOKIE = "dev.kiln.Cookie";
  public static final String FORM = "dev.kiln.Form";
  public static final String BODY = "dev.kiln.Body";
  public static final String SETTINGS = "dev.kiln.Settings";
  public static final String DEFAULT = "dev.kiln.Default";
  public static final String SECRET = "dev.kiln.Secret";
  public static final String DOC = "dev.kiln.Doc";
  /** kiln-jdbi's: the processor reads them by name, since kiln-jdbi is built after it. */
  public static final String ROW = "dev.kiln.jdbi.Row";
  public static final String COLUMN = "dev.kiln.jdbi.Column";
  public static final String NON_BLOCKING = "dev.kiln.NonBlocking";
  public static final String MIDDLEWARE = "dev.kiln.Middleware";
  public static final String MIDDLEWARE_HANDLER = "dev.kiln.Middleware.Handler";
  public static final String INTERCEPTOR = "dev.kiln.Interceptor";
  public static final String INTERCEPTOR_HANDLER = "dev.kiln.Interceptor.Handler";
  public static final String USE = "dev.kiln.Use";
  public static final String SKIP = "dev.kiln.Skip";
  public static final String INSTALL = "dev.kiln.Install";
  public static final String PROVIDES = "dev.kiln.Provides";
  public static final String SESSION = "dev.kiln.session.Session";
  /** The handler-marker format written and read: {@code AggregatedRoutes.FORMAT}. */
  public static final int MARKER_FORMAT = 4;
  public static final String INSTALL_LIST = "dev.kiln.Install.List";
  public static final String AGGREGATED_MIDDLEWARE = "dev.kiln.internal.routing.AggregatedMiddleware";
  public static final String AGGREGATED_MIDDLEWARES_PACKAGE = "dev.kiln.aggregated.middlewares";
  public static final String AGGREGATED_ROUTES = "dev.kiln.internal.routing.AggregatedRoutes";
  public static final String AGGREGATED_APPLICATION = "dev.kiln.internal.routing.AggregatedApplication";
  public static final String AGGREGATED_ROUTES_PACKAGE = "dev.kiln.aggregated.routes";
  public static final String AGGREGATED_APPLICATIONS_PACKAGE = "dev.kiln.aggregated.applications";

  public static final ClassName REQUEST = ClassName.get("dev.kiln", "Request");
  public static final ClassName RESPONSE = ClassName.get("dev.kiln", "Response");
  public static final ClassName WEBSOCKET_HANDLER = ClassName.get("dev.kiln.websocket", "WebSocketHandler");
  public static final ClassName WEBSOCKETS = ClassName.get("dev.kiln.websocket", "WebSockets");
  public static final ClassName ENDPOINT = ClassName.get("dev.kiln.internal.routing", "Endpoint");
  public static final ClassName ENDPOINT_CHOICE = ClassName.get("dev.kiln.internal.routing", "EndpointChoice");
  public static final ClassName ROUTE_TABLE = ClassName.get("dev.kiln.internal.routing", "RouteTable");
  public static final ClassName IN_MEMORY = ClassName.get("dev.kiln.internal.routing", "InMemory");
  public static final ClassName ROUTE_INFO = ClassName.get("dev.kiln", "RouteInfo");
  public static final ClassName HTTP_METHOD = ClassName.get("dev.kiln", "HttpMethod");
  public static final ClassName URL = ClassName.get("dev.kiln", "Url");
  public static final ClassName JSON = ClassName.get("dev.kiln", "Json");
  public static final ClassName ROUTE_MATCH = ClassName.get("dev.kiln.internal.routing", "RouteMatch");
  public static final ClassName SEGMENTS = ClassName.get("dev.kiln.internal.routing", "Segments");
  public static final ClassName CONVERTERS = ClassName.get("dev.kiln.internal.routing", "Converters");
  public static final ClassName PROVIDED = ClassName.get("dev.kiln.internal.routing", "Provided");
  public static final ClassName URL_SEGMENTS = ClassName.get("dev.kiln.internal.routing", "UrlSegments");
  public static final ClassName URL_ARGUMENTS = ClassName.get("dev.kiln.internal.routing", "UrlArguments");
  public static final ClassName AGGREGATED_ROUTES_CLASS = ClassName.get("dev.kiln.internal.routing", "AggregatedRoutes");
  public static final ClassName AGGREGATED_MIDDLEWARE_CLASS =
      ClassName.get("dev.kiln.internal.routing", "AggregatedMiddleware");
  public static final ClassName AGGREGATED_APPLICATION_CLASS =
      ClassName.get("dev.kiln.internal.routing", "AggregatedApplication");
  public static final ClassName JAVA_TYPE = ClassName.get("com.fasterxml.jackson.databind", "JavaType");
  public static final ClassName UPLOAD = ClassName.get("dev.kiln", "Upload");
  public static final ClassName FORM_DATA = ClassName.get("dev.kiln", "FormData");
  public static final ClassName BODIES = ClassName.get("dev.kiln.internal.body", "Bodies");
  public static final ClassName BODY_KIND = ClassName.get("dev.kiln.internal.body", "Bodies", "Kind");
  public static final ClassName VIOLATIONS = ClassName.get("dev.kiln.internal.validation", "Violations");
  public static final ClassName CONSTRAINTS = ClassName.get("dev.kiln.internal.validation", "Constraints");
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private KilnNames() {}
}
