package dev.kiln.processor.reading;

import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.model.Conditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads a route's conditions ({@code host}, {@code headers}, {@code consumes}, {@code produces}) from
 * its {@code @Route}, each attribute the route leaves empty taken from its class's {@code @Routes},
 * and reports each malformed value on itself.
 */
final class ConditionReader {
  private final Annotations annotations;
  private final Diagnostics diagnostics;
  private boolean failed;

  ConditionReader(Annotations annotations, Diagnostics diagnostics) {
    this.annotations = annotations;
    this.diagnostics = diagnostics;
  }

  /** The route's conditions; {@code null} after reporting a malformed one. */
  Conditions read(Element method, AnnotationMirror route, AnnotationMirror group) {
    failed = false;
    List<String> hosts = new ArrayList<>();
    for (Source value : values(method, route, group, "host")) {
      String host = value.text().strip().toLowerCase(Locale.ROOT);
      if (!isHost(host)) {
        report(value, "host \"" + value.text() + "\" is not a host name, or a name and port: write it as the "
            + "Host header carries it, such as \"api.example.com\" or \"localhost:8080\"");
      } else if (hosts.contains(host)) {
        report(value, "host \"" + value.text() + "\" is listed twice; list it once");
      } else {
        hosts.add(host);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Source value : values(method, route, group, "headers")) {
      readHeader(value, headers);
    }
    List<String> consumes = mediaTypes(values(method, route, group, "consumes"), true);
    List<String> produces = mediaTypes(values(method, route, group, "produces"), false);
    return failed ? null : new Conditions(hosts, headers, consumes, produces);
  }

  private void readHeader(Source value, Map<String, String> headers) {
    String text = value.text();
    int equals = text.indexOf('=');
    String name = (equals < 0 ? text : text.substring(0, equals)).strip();
    String wanted = equals < 0 ? "" : text.substring(equals + 1).strip();
    if (!isToken(name)) {
      report(value, "header condition \"" + text + "\" must be \"Name=value\" (the header has that value) or "
          + "\"Name\" (it is present), with a header name of letters, digits and !#$%&'*+-.^_`|~");
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String instead = switch (lower) {
      case "host" -> "host = \"" + (wanted.isEmpty() ? "example.com" : wanted) + "\"";
      case "content-type" -> "consumes = \"" + (wanted.isEmpty() ? "application/json" : wanted) + "\"";
      case "accept" -> "produces = \"" + (wanted.isEmpty() ? "application/json" : wanted) + "\"";
      default -> null;
    };
    if (instead != null) {
      report(value, "a condition on " + name + " is written " + instead + ", which also matches the header as "
          + "HTTP means it (ports, parameters, wildcards and quality values)");
    } else if (equals >= 0 && (wanted.isEmpty() || !isVisible(wanted))) {
      report(value, "header condition \"" + text + "\" needs a value of visible characters after '='; write \""
          + name + "\" to ask only that the header be present");
    } else if (headers.containsKey(lower)) {
      report(value, "header " + name + " has two conditions; keep one");
    } else {
      headers.put(lower, wanted);
    }
  }

  private List<String> mediaTypes(List<Source> values, boolean ranges) {
    List<String> types = new ArrayList<>();
    String attribute = ranges ? "consumes" : "produces";
    for (Source value : values) {
      String type = value.text().strip().toLowerCase(Locale.ROOT);
      int slash = type.indexOf('/');
      boolean wellFormed = slash > 0 && isToken(type.substring(0, slash)) && isToken(type.substring(slash + 1));
      if (type.indexOf(';') >= 0) {
        report(value, attribute + " \"" + value.text() + "\" has parameters; list the media type alone (\""
            + type.substring(0, type.indexOf(';')).strip() + "\"): conditions compare the type, not its parameters");
      } else if (!wellFormed) {
        report(value, attribute + " \"" + value.text() + "\" is not a media type; write type/subtype, such as "
            + "\"application/json\" (Route.JSON) or \"text/html\" (Route.HTML)");
      } else if (type.startsWith("*/")) {
        report(value, attribute + " \"" + value.text() + "\" would take anything; leave " + attribute + " empty instead");
      } else if (!ranges && type.endsWith("/*")) {
        report(value, "produces \"" + value.text() + "\" is a range; a route produces concrete types, so list "
            + "them (\"" + type.substring(0, slash) + "/...\")");
      } else if (types.contains(type)) {
        report(value, attribute + " lists \"" + value.text() + "\" twice; list it once");
      } else {
        types.add(type);
      }
    }
    return types;
  }

  /** One string of an attribute, and where it is written. */
  private record Source(String text, Location location) {}

  /** The route's values of {@code attribute}, or the class's when the route sets none. */
  private List<Source> values(Element method, AnnotationMirror route, AnnotationMirror group, String attribute) {
    List<Source> values = sources(method, route, attribute);
    if (values.isEmpty() && group != null) {
      values = sources(method.getEnclosingElement(), group, attribute);
    }
    return values;
  }

  private List<Source> sources(Element element, AnnotationMirror mirror, String attribute) {
    AnnotationValue explicit = Annotations.explicit(mirror, attribute);
    if (explicit == null) {
      return List.of();
    }
    List<Source> sources = new ArrayList<>();
    for (AnnotationValue value : annotations.values(mirror, attribute)) {
      sources.add(new Source((String) value.getValue(), new Location(element, mirror, value)));
    }
    return sources;
  }

  private void report(Source value, String message) {
    failed = true;
    diagnostics.error(DiagnosticCode.INVALID_CONDITION, message, value.location());
  }

  private static boolean isHost(String host) {
    int colon = host.lastIndexOf(':');
    String name = host;
    if (colon >= 0 && host.indexOf(']', colon) < 0) {
      String port = host.substring(colon + 1);
      if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        return false;
      }
      name = host.substring(0, colon);
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      return name.length() > 2 && name.substring(1, name.length() - 1).chars()
          .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
    if (name.isEmpty() || name.length() > 253 || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return false;
    }
    return name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.');
  }

  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
  }
}
