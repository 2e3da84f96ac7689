package dev.kiln.internal.routing;

import dev.kiln.internal.text.PercentCodec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Path-parameter encoding for the generated URL builders: the value is checked against what the
 * route would match, so a URL that could not be routed back is never built.
 */
public final class UrlSegments {
  private UrlSegments() {}

  /** One segment: a non-empty value, escaped. */
  public static String segment(String value, String param) {
    Objects.requireNonNull(value, param);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path parameter '" + param + "' must not be empty");
    }
    return PercentCodec.encodeSegment(value);
  }

  /** One segment whose value must match the parameter's regex as a whole. */
  public static String segment(String value, Pattern constraint, String param) {
    Objects.requireNonNull(value, param);
    check(value, constraint, param);
    return segment(value, param);
  }

  /** The rest of the path for a tail wildcard: each {@code /}-separated piece escaped, slashes kept. */
  public static String tail(String value, Pattern constraint, String param) {
    Objects.requireNonNull(value, param);
    check(value, constraint, param);
    StringBuilder out = new StringBuilder(value.length() + 8);
    int start = 0;
    while (true) {
      int slash = value.indexOf('/', start);
      String piece = value.substring(start, slash < 0 ? value.length() : slash);
      out.append(PercentCodec.encodeSegment(piece));
      if (slash < 0) {
        return out.toString();
      }
      out.append('/');
      start = slash + 1;
    }
  }

  /** A finite decimal, in a form the route's narrowing accepts. */
  public static String decimal(double value, String param) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("path parameter '" + param + "' must be finite, got " + value);
    }
    return Double.toString(value);
  }

  private static void check(String value, Pattern constraint, String param) {
    if (!constraint.matcher(value).matches()) {
      throw new IllegalArgumentException("path parameter '" + param + "' must match " + constraint.pattern()
          + ", got \"" + value + "\"");
    }
  }

  /**
   * The error for a URL built for {@code route} that a more specific route would serve instead, as
   * {@code itemBySlug("new")} would make {@code /items/new}.
   */
  public static IllegalArgumentException takenBy(String path, String route, String taker) {
    return new IllegalArgumentException("the URL " + path + " built for route '" + route + "' would be served by "
        + taker + ", a more specific route; use that route's own builder, or another value");
  }
}
