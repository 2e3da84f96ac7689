package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A route's conditions beyond method and path ({@code @Route(host, headers, consumes, produces)}),
 * normalised: hosts and media types lower-cased, headers sorted by lower-cased name. Routes of one
 * method and path may coexist when their conditions are {@linkplain #disjoint disjoint} or one
 * {@linkplain #includes includes} the other.
 *
 * @param headers lower-cased header name to the value it must have, empty for presence only
 */
public record Conditions(List<String> hosts, Map<String, String> headers, List<String> consumes, List<String> produces) {
  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";
  public static final String MULTIPART = "multipart/form-data";

  public static final Conditions NONE = new Conditions(List.of(), Map.of(), List.of(), List.of());

  public Conditions {
    hosts = List.copyOf(hosts);
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    consumes = List.copyOf(consumes);
    produces = List.copyOf(produces);
  }

  public boolean isEmpty() {
    return hosts.isEmpty() && headers.isEmpty() && consumes.isEmpty() && produces.isEmpty();
  }

  /**
   * Whether it takes every link to its path: a request without a body meets any {@code consumes},
   * while a host, a header or an {@code Accept} it does not produce send the request on.
   */
  public boolean takesEveryLink() {
    return hosts.isEmpty() && headers.isEmpty() && produces.isEmpty();
  }

  /** {@code Name=value} or {@code Name}, as the annotation spells a header condition. */
  public List<String> headerConditions() {
    List<String> spelled = new ArrayList<>();
    headers.forEach((name, value) -> spelled.add(value.isEmpty() ? name : name + "=" + value));
    return spelled;
  }

  /** Whether the route reads a form body ({@code consumes} lists a form type). */
  public boolean consumesForms() {
    return consumes.contains(FORM) || consumes.contains(MULTIPART);
  }

  /**
   * Whether every request meeting this route's conditions meets {@code other}'s too: each of
   * {@code other}'s conditions is one of this route's, or wider. The narrower route is tried first.
   */
  public boolean includes(Conditions other) {
    if (!other.hosts.isEmpty() && (hosts.isEmpty() || !other.hosts.containsAll(hosts))) {
      return false;
    }
    for (Map.Entry<String, String> header : other.headers.entrySet()) {
      String mine = headers.get(header.getKey());
      if (mine == null || (!header.getValue().isEmpty() && !header.getValue().equals(mine))) {
        return false;
      }
    }
    if (!other.consumes.isEmpty() && (consumes.isEmpty() || !consumes.stream().allMatch(t -> coveredBy(t, other.consumes)))) {
      return false;
    }
    return other.produces.isEmpty() || (!produces.isEmpty() && other.produces.containsAll(produces));
  }

  /**
   * Whether no request can meet both: different hosts, different values of one header, no body
   * type in common, or no produced type in common (then {@code Accept} decides between them).
   */
  public boolean disjoint(Conditions other) {
    if (disjointByAddress(other)) {
      return true;
    }
    if (!consumes.isEmpty() && !other.consumes.isEmpty()
        && consumes.stream().noneMatch(t -> other.consumes.stream().anyMatch(o -> rangesOverlap(t, o)))) {
      return true;
    }
    return !produces.isEmpty() && !other.produces.isEmpty() && produces.stream().noneMatch(other.produces::contains);
  }

  /**
   * Whether their host or header conditions exclude each other: then no request reaches both, even
   * on different paths (a request without a body meets any {@code consumes}, and {@code Accept}
   * chooses only among the routes of one path).
   */
  public boolean disjointByAddress(Conditions other) {
    if (!hosts.isEmpty() && !other.hosts.isEmpty() && hosts.stream().noneMatch(h -> hostsOverlap(h, other.hosts))) {
      return true;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String theirs = other.headers.get(header.getKey());
      if (theirs != null && !theirs.isEmpty() && !header.getValue().isEmpty() && !theirs.equals(header.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostsOverlap(String host, List<String> others) {
    for (String other : others) {
      if (host.equals(other) || withoutPort(host).equals(other) || host.equals(withoutPort(other))) {
        return true;
      }
    }
    return false;
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']', colon) < 0 ? host.substring(0, colon) : host;
  }

  private static boolean coveredBy(String type, List<String> ranges) {
    return ranges.stream().anyMatch(range -> range.equals(type)
        || (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1)))
        || (range.equals(JSON) && type.endsWith("+json")));
  }

  private static boolean rangesOverlap(String a, String b) {
    return coveredBy(a, List.of(b)) || coveredBy(b, List.of(a));
  }

  /** {@code host=api.example.com consumes=application/json}, for messages and {@code routes.txt}; empty for none. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!hosts.isEmpty()) {
      parts.add("host=" + String.join(",", hosts));
    }
    headerConditions().forEach(h -> parts.add("header=" + h));
    if (!consumes.isEmpty()) {
      parts.add("consumes=" + String.join(",", consumes));
    }
    if (!produces.isEmpty()) {
      parts.add("produces=" + String.join(",", produces));
    }
    return String.join(" ", parts);
  }
}
