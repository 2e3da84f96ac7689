package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;

/** The order routes of one method and path are tried in: a route whose conditions include another's comes first. */
public final class ConditionOrder {
  private ConditionOrder() {}

  /** Whether {@code a} is tried before {@code b}: it meets only requests {@code b} would also take. */
  public static boolean narrower(TableRoute a, TableRoute b) {
    return a.conditions().includes(b.conditions()) && !b.conditions().includes(a.conditions());
  }

  /** {@code routes} with each route after every route narrower than it, otherwise in table order. */
  public static List<TableRoute> narrowestFirst(List<TableRoute> routes) {
    List<TableRoute> remaining = new ArrayList<>(routes);
    List<TableRoute> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      TableRoute next = remaining.stream()
          .filter(r -> remaining.stream().noneMatch(other -> other != r && narrower(other, r)))
          .findFirst()
          .orElse(remaining.get(0)); // a cycle means conflicting conditions, already reported
      remaining.remove(next);
      ordered.add(next);
    }
    return ordered;
  }
}
