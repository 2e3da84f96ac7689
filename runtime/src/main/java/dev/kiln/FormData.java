package dev.kiln;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of a submitted form, in order, each with every value it was sent with. */
public final class FormData {
  private static final FormData EMPTY = new FormData(Map.of());

  private final Map<String, List<String>> fields;

  private FormData(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  /** A form of these fields; the lists are copied. */
  public static FormData of(Map<String, List<String>> fields) {
    if (fields.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return new FormData(Collections.unmodifiableMap(copy));
  }

  public static FormData empty() {
    return EMPTY;
  }

  /** The first value of a field, or {@code null} when it was not sent. */
  public String first(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a field, in order; empty when it was not sent. */
  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  public Set<String> names() {
    return fields.keySet();
  }

  public Map<String, List<String>> asMap() {
    return fields;
  }

  @Override
  public String toString() {
    return "FormData" + fields.keySet();
  }
}
