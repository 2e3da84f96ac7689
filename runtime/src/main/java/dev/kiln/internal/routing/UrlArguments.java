package dev.kiln.internal.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The parameters given to a generated {@code <App>Urls.url(name, params)}: checked against the
 * route's parameter names (a missing or unknown name is an error, so typos surface), and converted
 * to each parameter's type from either that type or its text.
 */
public final class UrlArguments {
  private final String route;
  private final Map<String, ?> values;

  private UrlArguments(String route, Map<String, ?> values) {
    this.route = route;
    this.values = values;
  }

  /** Checks {@code values} holds every {@code required} name and no name outside {@code required} and {@code optional}. */
  public static UrlArguments of(String route, Map<String, ?> values, List<String> required, List<String> optional) {
    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(values.keySet());
    Set<String> unknown = new TreeSet<>(values.keySet());
    required.forEach(unknown::remove);
    optional.forEach(unknown::remove);
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("route '" + route + "' takes parameters " + new TreeSet<>(required)
          + (optional.isEmpty() ? "" : " and optionally " + new TreeSet<>(optional)) + ", got "
          + new TreeSet<>(values.keySet()));
    }
    return new UrlArguments(route, values);
  }

  /** The optional query parameters among {@code names} that were given, in that order. */
  public Map<String, Object> present(List<String> names) {
    Map<String, Object> present = new java.util.LinkedHashMap<>();
    for (String name : names) {
      Object value = values.get(name);
      if (value != null) {
        present.put(name, value);
      }
    }
    return present;
  }

  /** Checks {@code values} holds exactly {@code names}. */
  public static UrlArguments of(String route, Map<String, ?> values, String... names) {
    Set<String> expected = new TreeSet<>(java.util.Arrays.asList(names));
    if (!expected.equals(new TreeSet<>(values.keySet()))) {
      throw new IllegalArgumentException("route '" + route + "' takes parameters " + expected
          + ", got " + new TreeSet<>(values.keySet()));
    }
    return new UrlArguments(route, values);
  }

  public String string(String name) {
    return get(name).toString();
  }

  public int intValue(String name) {
    Object value = get(name);
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    return parse(name, value, "an int", () -> Integer.parseInt(value.toString()));
  }

  public long longValue(String name) {
    Object value = get(name);
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return parse(name, value, "a long", () -> Long.parseLong(value.toString()));
  }

  public double doubleValue(String name) {
    Object value = get(name);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return parse(name, value, "a double", () -> Double.parseDouble(value.toString()));
  }

  public boolean booleanValue(String name) {
    Object value = get(name);
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw wrongType(name, value, "a boolean");
  }

  public UUID uuid(String name) {
    Object value = get(name);
    if (value instanceof UUID uuid) {
      return uuid;
    }
    return parse(name, value, "a UUID", () -> UUID.fromString(value.toString()));
  }

  public <E extends Enum<E>> E enumValue(String name, E[] constants) {
    Object value = get(name);
    for (E constant : constants) {
      if (constant == value || constant.name().equalsIgnoreCase(value.toString())) {
        return constant;
      }
    }
    throw wrongType(name, value, "one of " + java.util.Arrays.toString(constants));
  }

  private Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route '" + route + "': parameter '" + name + "' is null");
    }
    return value;
  }

  private interface Parse<T> {
    T run();
  }

  private <T> T parse(String name, Object value, String expected, Parse<T> parse) {
    try {
      return parse.run();
    } catch (IllegalArgumentException e) {
      throw wrongType(name, value, expected);
    }
  }

  private IllegalArgumentException wrongType(String name, Object value, String expected) {
    return new IllegalArgumentException("route '" + route + "': parameter '" + name + "' must be " + expected
        + ", got " + value.getClass().getSimpleName() + " \"" + value + "\"");
  }
}
