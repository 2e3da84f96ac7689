package dev.kiln;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a request must carry, besides its method and path, for a route to take it: the talk's
 * "custom conditions for routes lookup", declared on {@link Route} (or {@link Routes}) and compiled
 * into the table.
 *
 * @param hosts the {@code Host} values the route serves (a name, or a name and port), any of them;
 *     empty for any host
 * @param headers header name to the value it must have; an empty value asks only that it be present
 * @param consumes the body media types the route reads ({@code type/subtype}, or {@code type/*});
 *     empty for any
 * @param produces the media types the route answers with, negotiated against {@code Accept}; empty
 *     for any
 */
public record RouteConditions(List<String> hosts, Map<String, String> headers, List<String> consumes,
    List<String> produces) {

  /** No conditions: the path and method decide alone. */
  public static final RouteConditions NONE = new RouteConditions(List.of(), Map.of(), List.of(), List.of());

  public RouteConditions {
    hosts = List.copyOf(hosts);
    headers = Map.copyOf(headers);
    consumes = List.copyOf(consumes);
    produces = List.copyOf(produces);
  }

  public boolean isEmpty() {
    return hosts.isEmpty() && headers.isEmpty() && consumes.isEmpty() && produces.isEmpty();
  }

  /** {@code host=api.example.com consumes=application/json}, or empty for none. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" ");
    if (!hosts.isEmpty()) {
      text.add("host=" + String.join(",", hosts));
    }
    headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(h -> text.add("header=" + h.getKey() + (h.getValue().isEmpty() ? "" : "=" + h.getValue())));
    if (!consumes.isEmpty()) {
      text.add("consumes=" + String.join(",", consumes));
    }
    if (!produces.isEmpty()) {
      text.add("produces=" + String.join(",", produces));
    }
    return text.toString();
  }
}
