package dev.kiln.processor;

/**
 * Every diagnostic the processor reports, with the stable tag users search for. Documented, with an
 * example and the fix, in {@code docs/diagnostics.md}; keep the two in step.
 */
public enum DiagnosticCode {
  /** Two routes can match the same request with equal specificity. */
  ROUTE_CONFLICT("RouteConflict"),
  /** Two routes may match the same request; a regex was too complex to decide it. */
  POSSIBLE_ROUTE_CONFLICT("PossibleRouteConflict"),
  /** A route can never match: a more specific route takes every request it would. */
  SHADOWED_ROUTE("ShadowedRoute"),
  /** Two routes with the same name. */
  DUPLICATE_ROUTE_NAME("DuplicateRouteName"),
  /** A route name that cannot become a URL-builder method. */
  INVALID_ROUTE_NAME("InvalidRouteName"),
  /** A path template that does not parse. */
  MALFORMED_PATH("MalformedPath"),
  /** A {@code {var:regex}} whose regex does not compile. */
  INVALID_REGEX("InvalidRegex"),
  /** A route condition ({@code host}, {@code headers}, {@code consumes}, {@code produces}) that is malformed or cannot be met. */
  INVALID_CONDITION("InvalidCondition"),
  /** A per-route limit that is neither -1 (the server's) nor positive. */
  INVALID_LIMIT("InvalidLimit"),
  /** A template parameter no method parameter binds. */
  UNBOUND_PATH_VARIABLE("UnboundPathVariable"),
  /** A method parameter that is neither in the template nor annotated. */
  UNBOUND_PARAMETER("UnboundParameter"),
  /** A parameter type Kiln cannot convert to. */
  UNSUPPORTED_PARAMETER_TYPE("UnsupportedParameterType"),
  /** A return type Kiln cannot turn into a response. */
  UNSUPPORTED_RETURN_TYPE("UnsupportedReturnType"),
  /** A handler method or class the generated code cannot call or be given. */
  INACCESSIBLE_HANDLER("InaccessibleHandler"),
  /** A handler signature Kiln does not support (generic methods or classes). */
  UNSUPPORTED_HANDLER("UnsupportedHandler"),
  /** Route methods without an {@code @Application} class in the module. */
  MISSING_APPLICATION("MissingApplication"),
  /** A handler or middleware outside the application's package tree, which the table does not include. */
  OUTSIDE_APPLICATION("OutsideApplication"),
  /** More than one {@code @Application} class in a module. */
  DUPLICATE_APPLICATION("DuplicateApplication"),
  /** {@code @Middleware}, {@code @Install}, {@code @Use} or {@code @Skip} on a class that is no middleware. */
  NOT_A_MIDDLEWARE("NotAMiddleware"),
  /** A middleware declared twice, or {@code @Use} of one never declared. */
  UNDECLARED_MIDDLEWARE("UndeclaredMiddleware"),
  /** A handler parameter of a provided type whose route's chain has no middleware providing it. */
  MISSING_PROVIDER("MissingProvider"),
  /** Two middlewares with the same order in one route's chain. */
  MIDDLEWARE_ORDER_CONFLICT("MiddlewareOrderConflict"),
  /** A middleware scope that cannot match anything (a path prefix without '/'). */
  INVALID_MIDDLEWARE_SCOPE("InvalidMiddlewareScope"),
  /** A constraint annotation on a type it cannot apply to, with an impossible attribute, or not supported. */
  UNSUPPORTED_CONSTRAINT("UnsupportedConstraint"),
  /** A {@code @Body} or {@code @Form} parameter Kiln cannot bind: two bodies, or a body mixed with another binding. */
  INVALID_BODY("InvalidBody"),
  /** A {@code @Settings} interface Kiln cannot implement: a type settings cannot hold, a default that does not convert. */
  INVALID_SETTING("InvalidSetting"),
  /** A {@code @Row} that cannot be mapped: not a record, a component type no column gives, two components on one column. */
  INVALID_ROW("InvalidRow"),
  /** A handler marker on the classpath in a format this processor does not read: compiled by another Kiln. */
  STALE_MARKER("StaleMarker"),
  /** A type that stayed unresolved after every processing round. */
  UNRESOLVED_TYPE("UnresolvedType");

  private final String tag;

  DiagnosticCode(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
