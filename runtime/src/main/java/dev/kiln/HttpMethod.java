package dev.kiln;

/** The standard HTTP request methods (RFC 9110 and RFC 5789 for {@code PATCH}). */
public enum HttpMethod {
  GET,
  HEAD,
  POST,
  PUT,
  PATCH,
  DELETE,
  OPTIONS,
  TRACE,
  CONNECT;

  /** This method's bit in a set of methods, as kept by {@link dev.kiln.internal.routing.RouteMatch}. */
  public int bit() {
    return 1 << ordinal();
  }

  /** The method with this exact (case-sensitive) token, or {@code null} for an unknown one. */
  public static HttpMethod of(String token) {
    switch (token) {
      case "GET": return GET;
      case "HEAD": return HEAD;
      case "POST": return POST;
      case "PUT": return PUT;
      case "PATCH": return PATCH;
      case "DELETE": return DELETE;
      case "OPTIONS": return OPTIONS;
      case "TRACE": return TRACE;
      case "CONNECT": return CONNECT;
      default: return null;
    }
  }
}
