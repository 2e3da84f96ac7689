package dev.kiln.internal.routing;

import dev.kiln.HttpError;
import dev.kiln.Problem;
import dev.kiln.RouteInfo;
import dev.kiln.internal.text.Preferences;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes of one method and path that differ by their {@link dev.kiln.RouteConditions}, in the
 * order the processor tries them: a route whose conditions include another's comes before it.
 *
 * <p>A request goes to the route whose host and header conditions hold, whose {@code consumes} takes
 * its {@code Content-Type}, and that produces what its {@code Accept} wants most (ties go to the
 * earlier route); a route without {@code produces} takes it only when no route with one suits. When none takes it, the table goes on matching less specific paths, and the
 * request is answered 415 (an unmet {@code consumes}) or 406 (an unmet {@code produces}) if nothing
 * else matches, or 404 when only host or header conditions failed. Responses name the request
 * headers that chose them in {@code Vary}, so a cache keeps the variants apart.
 */
public final class EndpointChoice {
  private final Endpoint[] endpoints;
  private final RequestConditions[] conditions;
  private final boolean negotiates;
  private final String where;
  private final String consumed;
  private final String produced;

  private EndpointChoice(List<Endpoint> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one endpoint");
    }
    this.conditions = new RequestConditions[candidates.size()];
    Set<String> vary = new LinkedHashSet<>();
    Set<String> consumedTypes = new LinkedHashSet<>();
    Set<String> producedTypes = new LinkedHashSet<>();
    boolean anyProduces = false;
    for (int i = 0; i < candidates.size(); i++) {
      RouteInfo route = candidates.get(i).route();
      conditions[i] = new RequestConditions(route.conditions());
      anyProduces |= conditions[i].hasProduces();
      vary.addAll(List.of(conditions[i].headerNames()));
      consumedTypes.addAll(route.conditions().consumes());
      producedTypes.addAll(route.conditions().produces());
    }
    if (anyProduces) {
      vary.add("Accept");
    }
    this.negotiates = anyProduces;
    this.endpoints = candidates.stream()
        .map(endpoint -> vary.isEmpty() ? endpoint : endpoint.varying(String.join(", ", vary)))
        .toArray(Endpoint[]::new);
    RouteInfo first = candidates.get(0).route();
    this.where = first.method() + " " + first.template();
    this.consumed = spelled(consumedTypes);
    this.produced = spelled(producedTypes);
  }

  /** {@code a, b or c}. */
  private static String spelled(Set<String> types) {
    List<String> list = List.copyOf(types);
    return list.size() <= 1 ? String.join("", list)
        : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  /** The candidates, most specific first, as the generated table lists them. */
  public static EndpointChoice of(Endpoint... candidates) {
    return new EndpointChoice(List.of(candidates));
  }

  /** Finds the endpoint for a request with {@code headers}; records why none took it otherwise. */
  boolean choose(RouteMatch match, HttpHeaders headers) {
    boolean unmetConsumes = false;
    boolean unmetProduces = false;
    List<Preferences.Preference> accept = null;
    if (negotiates) {
      String header = headers.get(HttpHeaderNames.ACCEPT);
      accept = header == null ? null : Preferences.parse(header);
    }
    int best = -1;
    double bestQuality = 0;
    int anyType = -1;
    for (int i = 0; i < endpoints.length; i++) {
      RequestConditions candidate = conditions[i];
      if (!candidate.addresses(headers)) {
        continue;
      }
      if (!candidate.consumes(headers)) {
        unmetConsumes = true;
        continue;
      }
      if (!candidate.hasProduces()) {
        anyType = anyType < 0 ? i : anyType; // answers whatever Accept says, when no typed route suits it
        continue;
      }
      double quality = candidate.quality(accept);
      if (quality <= 0) {
        unmetProduces = true;
      } else if (quality > bestQuality) {
        best = i;
        bestQuality = quality;
      }
    }
    best = best >= 0 ? best : anyType;
    if (best >= 0) {
      return match.found(endpoints[best]);
    }
    if (unmetConsumes) {
      String sent = RequestConditions.mediaType(headers);
      match.refuse(Problem.of(415).detail("Content-Type " + sent + " is not accepted by " + where + "; send "
          + consumed).toError());
    } else if (unmetProduces) {
      match.refuse(Problem.of(406).detail("Accept names none of the types " + where + " produces: " + produced)
          .toError());
    }
    return false;
  }

  @Override
  public String toString() {
    return "EndpointChoice" + List.of(endpoints);
  }
}
