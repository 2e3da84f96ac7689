package dev.kiln.processor.reading;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/** What a route name may be, and the message, with a name it could be instead, when it is not. */
final class RouteNames {
  private RouteNames() {}

  /** Dot-separated Java identifiers: each part becomes a URL-builder method or group. */
  static boolean isRouteName(String name) {
    for (String part : name.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        return false;
      }
    }
    return true;
  }

  static String problem(String name) {
    return "route name \"" + name + "\" must be Java identifiers joined by dots, none a Java keyword (each part "
        + "becomes a method of the generated URL builders), e.g. \"" + suggestedName(name) + "\"";
  }

  /** {@code name} made a route name: other characters as {@code _}, a leading digit or a keyword prefixed. */
  private static String suggestedName(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.", -1)) {
      String identifier = part.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^[0-9]", "_$0");
      if (identifier.isEmpty()) {
        identifier = "_";
      }
      parts.add(SourceVersion.isKeyword(identifier) ? identifier + "Route" : identifier);
    }
    return String.join(".", parts);
  }
}
