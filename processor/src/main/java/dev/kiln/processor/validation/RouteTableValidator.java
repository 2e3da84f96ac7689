package dev.kiln.processor.validation;

import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.Diagnostics.Location;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.ConditionOrder;
import dev.kiln.processor.model.Conditions;
import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableHandler;
import dev.kiln.processor.model.TableRoute;
import dev.kiln.processor.reading.Annotations;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Checks the whole table: routes that can take the same request with equal specificity (an error,
 * decided on the regular languages of the segments), routes hidden entirely by a more specific one
 * (a warning), and route names that repeat or cannot become URL-builder methods.
 */
public final class RouteTableValidator {
  private final Diagnostics diagnostics;
  private final Languages languages;
  /** Stands for a segment boundary in route languages; a noncharacter no request contains. */
  private static final char SEPARATOR = '\uFFFF';

  private final Map<TableRoute, Automaton> routeLanguages = new HashMap<>();

  public RouteTableValidator(Diagnostics diagnostics, Languages languages) {
    this.diagnostics = diagnostics;
    this.languages = languages;
  }

  public void validate(RouteTable table) {
    checkHandlersCanBeSupplied(table);
    checkParameterTypesCanBeNamed(table);
    checkNames(table.routes());
    List<TableRoute> routes = table.routes();
    for (int i = 0; i < routes.size(); i++) {
      for (int j = i + 1; j < routes.size(); j++) {
        TableRoute a = routes.get(i);
        TableRoute b = routes.get(j);
        if (a.method().equals(b.method())) {
          checkPair(a, b);
        } else if (isGetAndHead(a, b) && !a.segments().equals(b.segments())) {
          checkPair(a, b); // GET routes answer HEAD too; a HEAD route for the same path overrides, elsewhere competes
        }
      }
    }
  }

  private void checkPair(TableRoute a, TableRoute b) {
    List<MatchSegment> sa = a.segments();
    List<MatchSegment> sb = b.segments();
    int k = 0;
    while (k < sa.size() && k < sb.size() && sa.get(k).equals(sb.get(k))) {
      k++;
    }
    if (k == sa.size() && k == sb.size()) {
      checkConditions(a, b);
      return;
    }
    if (k == sa.size() || k == sb.size()) {
      return; // one path ends where the other goes on: no request matches both
    }
    MatchSegment.Level la = sa.get(k).level();
    MatchSegment.Level lb = sb.get(k).level();
    if (la != lb) {
      // The more specific one is tried first; warn when it leaves nothing for the other.
      boolean aWins = la.ordinal() < lb.ordinal();
      checkShadowed(aWins ? b : a, aWins ? a : b);
      return;
    }
    if (la == MatchSegment.Level.LITERAL || a.conditions().disjointByAddress(b.conditions())) {
      return; // different literals, or hosts or headers no request has both of
    }
    // Both constrained (or both tails) with different constraints: neither is more specific, so a
    // request that both match would be decided by an arbitrary order.
    Automaton common = language(a).intersection(language(b));
    if (!a.exact() || !b.exact()) {
      diagnostics.warning(DiagnosticCode.POSSIBLE_ROUTE_CONFLICT, a.describe() + " (" + a.handlerReference() + ") and "
          + b.describe() + " (" + b.handlerReference() + ") may match the same request with equal specificity at "
          + "segment " + (k + 1) + "; Kiln cannot model one of their regexes (lookaround, back-references, flags), so "
          + "make sure their constraints are disjoint", pathLocation(b));
      return;
    }
    if (!common.isEmpty()) {
      conflict(a, b, "can both match " + a.method() + " " + Languages.example(common).replace(SEPARATOR, '/')
          + " and neither is more "
          + "specific at segment " + (k + 1) + " (" + sa.get(k).describe() + " vs " + sb.get(k).describe() + ")",
          "make the constraints disjoint");
    }
  }

  /**
   * Routes of one method and path: legal when no request meets both sets of conditions, or when one
   * set includes the other (that route is tried first); otherwise the order would be arbitrary.
   */
  private void checkConditions(TableRoute a, TableRoute b) {
    Conditions ca = a.conditions();
    Conditions cb = b.conditions();
    if (ca.disjoint(cb) || ConditionOrder.narrower(a, b) || ConditionOrder.narrower(b, a)) {
      return;
    }
    if (ca.equals(cb)) {
      conflict(a, b, "have the same path" + (ca.isEmpty() ? "" : " and the same conditions"),
          ca.isEmpty() ? null : "change one path or method, or tell them apart by a condition no request meets "
              + "for both (another host, header value, consumes or produces type)");
      return;
    }
    conflict(a, b, "have the same path, and a request can meet the conditions of both while neither includes "
        + "the other's", "give them conditions no request meets for both (another host, header value, consumes "
        + "or produces type), or give one every condition of the other and more, so it is tried first");
  }

  private static boolean isGetAndHead(TableRoute a, TableRoute b) {
    return (a.method().equals("GET") && b.method().equals("HEAD")) || (a.method().equals("HEAD") && b.method().equals("GET"));
  }

  private void conflict(TableRoute a, TableRoute b, String why, String fix) {
    diagnostics.error(DiagnosticCode.ROUTE_CONFLICT, a.describe() + " (" + a.handlerReference() + ") and "
        + b.describe() + " (" + b.handlerReference() + ") " + why + "; "
        + (fix != null ? fix : "change one path or method, or delete one of the routes"), pathLocation(b));
  }

  private void checkShadowed(TableRoute loser, TableRoute winner) {
    if (!loser.exact() || !winner.exact() || !winner.conditions().isEmpty()) {
      return; // a winner with conditions passes on the requests that do not meet them
    }
    boolean winnerIsTail = winner.segments().get(winner.segments().size() - 1).level() == MatchSegment.Level.TAIL;
    if (loser.segments().size() != winner.segments().size() && !winnerIsTail) {
      return;
    }
    if (language(loser).subsetOf(language(winner))) {
      diagnostics.warning(DiagnosticCode.SHADOWED_ROUTE, loser.describe() + " (" + loser.handlerReference()
          + ") can never match: every request it matches goes to the more specific " + winner.describe() + " ("
          + winner.handlerReference() + "); remove it or narrow the other route", pathLocation(loser));
    }
  }

  /**
   * The requests a route matches, as decoded segment values each preceded by {@link #SEPARATOR}: a
   * decoded value may hold a '/' (sent as %2F) without being two segments.
   */
  private Automaton language(TableRoute route) {
    return routeLanguages.computeIfAbsent(route, r -> {
      Automaton path = BasicAutomata.makeEmptyString();
      Automaton noSeparator = BasicAutomata.makeChar(SEPARATOR).complement()
          .intersection(BasicAutomata.makeAnyChar())
          .repeat();
      List<Segment> templateSegments = r.template().segments();
      for (int i = 0; i < r.segments().size(); i++) {
        MatchSegment segment = r.segments().get(i);
        Automaton language;
        if (segment.level() == MatchSegment.Level.LITERAL) {
          language = Languages.literal(((Segment.Literal) templateSegments.get(i)).text());
        } else {
          Automaton regex = segment.regex() == null ? null : languages.regex(segment.regex());
          language = regex == null ? Languages.anySegment() : regex;
          language = language.intersection(Languages.narrowing(segment.type(), segment.enumConstants()));
          if (segment.level() != MatchSegment.Level.TAIL) {
            language = language.intersection(Languages.anySegment()).intersection(noSeparator);
          } else {
            // The rest of the path: its slashes are segment boundaries.
            language = language.intersection(noSeparator);
            language = mapSlashes(language);
          }
        }
        path = path.concatenate(BasicAutomata.makeChar(SEPARATOR)).concatenate(language);
      }
      return path;
    });
  }

  /** The factory in the application's package names every handler it takes: each must be visible there. */
  private void checkHandlersCanBeSupplied(RouteTable table) {
    String applicationPackage = table.application().packageName();
    for (TableHandler handler : table.suppliedHandlers()) {
      if (handler.visible()) {
        continue;
      }
      for (Element e = handler.element(); e instanceof TypeElement type; e = e.getEnclosingElement()) {
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
          diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, "handler class " + handler.handler().canonicalName()
              + " has instance @Route methods, so " + table.application().simpleName() + "Routes.builder() in package "
              + applicationPackage + " takes an instance of it, but " + type.getSimpleName() + " is not public; make "
              + "it public, or make its @Route methods static", type);
          break;
        }
      }
    }
  }

  /** A tail's language with every '/' read as a segment boundary. */
  private static Automaton mapSlashes(Automaton tail) {
    Automaton mapped = tail.clone();
    for (dk.brics.automaton.State state : mapped.getStates()) {
      java.util.Set<dk.brics.automaton.Transition> transitions = new java.util.HashSet<>(state.getTransitions());
      state.getTransitions().clear();
      for (dk.brics.automaton.Transition t : transitions) {
        char min = t.getMin();
        char max = t.getMax();
        if (min <= '/' && '/' <= max) {
          if (min < '/') {
            state.addTransition(new dk.brics.automaton.Transition(min, (char) ('/' - 1), t.getDest()));
          }
          if (max > '/') {
            state.addTransition(new dk.brics.automaton.Transition((char) ('/' + 1), max, t.getDest()));
          }
          state.addTransition(new dk.brics.automaton.Transition(SEPARATOR, t.getDest()));
        } else {
          state.addTransition(t);
        }
      }
    }
    mapped.setDeterministic(false);
    mapped.restoreInvariant();
    return mapped;
  }

  /** The URL builders, in the application's package, name each path parameter's type. */
  private void checkParameterTypesCanBeNamed(RouteTable table) {
    for (TableRoute route : table.routes()) {
      for (var param : route.pathParams()) {
        if (!param.visible()) {
          diagnostics.error(DiagnosticCode.INACCESSIBLE_HANDLER, "path parameter {" + param.name() + "} of "
              + route.describe() + " has type " + param.typeName() + ", which is not public, but "
              + table.application().simpleName() + "Urls in package " + table.application().packageName()
              + " takes it; make the enum public", pathLocation(route));
        }
      }
    }
  }

  /** Zero-argument methods of {@code Object}: a URL-builder method or group accessor cannot take their names. */
  private static final java.util.Set<String> OBJECT_METHODS =
      java.util.Set.of("getClass", "hashCode", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

  private void checkNames(List<TableRoute> routes) {
    Map<String, TableRoute> byName = new LinkedHashMap<>();
    for (TableRoute route : routes) {
      if (route.name().isEmpty()) {
        continue;
      }
      for (String part : route.name().split("\\.")) {
        if (OBJECT_METHODS.contains(part)) {
          diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, "route name \"" + route.name() + "\" would make a URL "
              + "builder method " + part + "(), which every Java object already has; rename it", nameLocation(route));
        }
      }
      TableRoute first = byName.putIfAbsent(route.name(), route);
      if (first != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_ROUTE_NAME, "route name \"" + route.name() + "\" is already used by "
            + first.describe() + " (" + first.handlerReference() + "); route names must be unique in an application",
            nameLocation(route));
      }
    }
    for (TableRoute route : byName.values()) {
      String name = route.name();
      for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
        TableRoute group = byName.get(name.substring(0, dot));
        if (group != null) {
          diagnostics.error(DiagnosticCode.INVALID_ROUTE_NAME, "route name \"" + group.name() + "\" is also the group "
              + "of \"" + name + "\" (" + route.handlerReference() + "), so the URL builders cannot have both; rename one",
              nameLocation(group));
        }
      }
    }
  }

  private static Location pathLocation(TableRoute route) {
    return location(route, "path");
  }

  private static Location nameLocation(TableRoute route) {
    return location(route, "name");
  }

  private static Location location(TableRoute route, String attribute) {
    Element source = route.source();
    AnnotationMirror mirror = Annotations.find(source, KilnNames.ROUTE);
    return mirror == null
        ? Location.of(source)
        : new Location(source, mirror, Annotations.explicit(mirror, attribute));
  }
}
