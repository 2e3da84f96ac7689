package dev.kiln.internal.routing;

import dev.kiln.RouteConditions;
import dev.kiln.internal.text.Preferences;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One route's {@link RouteConditions}, prepared once for checking request heads: names and types
 * lower-cased, the header conditions as parallel arrays.
 */
final class RequestConditions {
  private final String[] hosts;
  private final String[] headerNames;
  private final String[] headerValues;
  private final String[] consumes;
  private final String[] produces;

  RequestConditions(RouteConditions conditions) {
    this.hosts = lowerCase(conditions.hosts());
    this.headerNames = conditions.headers().keySet().toArray(String[]::new);
    this.headerValues = new String[headerNames.length];
    Map<String, String> headers = conditions.headers();
    for (int i = 0; i < headerNames.length; i++) {
      headerValues[i] = headers.get(headerNames[i]);
    }
    this.consumes = lowerCase(conditions.consumes());
    this.produces = lowerCase(conditions.produces());
  }

  private static String[] lowerCase(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }

  boolean hasProduces() {
    return produces.length > 0;
  }

  String[] headerNames() {
    return headerNames;
  }

  /** The {@code Host} and header conditions: a request failing them is not for this route at all. */
  boolean addresses(HttpHeaders headers) {
    if (hosts.length > 0 && !hostMatches(headers.get(HttpHeaderNames.HOST))) {
      return false;
    }
    for (int i = 0; i < headerNames.length; i++) {
      String value = headers.get(headerNames[i]);
      if (value == null || (!headerValues[i].isEmpty() && !headerValues[i].equals(value.strip()))) {
        return false;
      }
    }
    return true;
  }

  /** A condition without a port serves the name on any port; names compare ignoring case. */
  private boolean hostMatches(String host) {
    if (host == null) {
      return false;
    }
    String sent = host.strip().toLowerCase(Locale.ROOT);
    int colon = sent.lastIndexOf(':');
    String name = colon > 0 && sent.indexOf(']', colon) < 0 ? sent.substring(0, colon) : sent;
    for (String wanted : hosts) {
      if (wanted.equals(sent) || wanted.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the body's {@code Content-Type} is one the route reads ({@code application/json} covers
   * the {@code +json} types); a request without one passes, for its binder to judge.
   */
  boolean consumes(HttpHeaders headers) {
    if (consumes.length == 0) {
      return true;
    }
    String type = mediaType(headers);
    if (type == null) {
      return true;
    }
    for (String range : consumes) {
      if (range.equals(type) || (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1)))
          || (range.equals("application/json") && type.endsWith("+json"))) {
        return true;
      }
    }
    return false;
  }

  /** The request's {@code Content-Type} without parameters, lower-cased; {@code null} for none. */
  static String mediaType(HttpHeaders headers) {
    String sent = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (sent == null) {
      return null;
    }
    int semicolon = sent.indexOf(';');
    return (semicolon < 0 ? sent : sent.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * How much the client wants what the route produces: the quality of the best produced type under
   * its most specific matching range in {@code accept} (RFC 9110 §12.5.1), 0 when none is acceptable,
   * 1 for a route that produces anything or a request without {@code Accept}.
   */
  double quality(List<Preferences.Preference> accept) {
    if (produces.length == 0 || accept == null) {
      return 1;
    }
    double best = 0;
    for (String type : produces) {
      int specificity = -1;
      double quality = 0;
      for (Preferences.Preference range : accept) {
        int matched = specificity(range.token(), type);
        if (matched > specificity) {
          specificity = matched;
          quality = range.quality();
        }
      }
      best = Math.max(best, quality);
    }
    return best;
  }

  /** 2 for {@code type/subtype} itself, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 when the range does not cover it. */
  private static int specificity(String range, String type) {
    if (range.equals(type)) {
      return 2;
    }
    if (range.equals("*/*") || range.equals("*")) {
      return 0;
    }
    if (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1))) {
      return 1;
    }
    return -1;
  }
}
