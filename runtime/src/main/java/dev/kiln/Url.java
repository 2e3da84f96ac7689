package dev.kiln;

import dev.kiln.internal.text.PercentCodec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL built by the generated {@code <App>Urls}: an encoded path plus an optional query string.
 * Immutable; {@link #withQuery} returns a new one (yarl's {@code URL.with_query}).
 *
 * <pre>{@code
 * Url url = ProjectsAppUrls.api().project(42).withQuery("expand", "owner");   // /api/projects/42?expand=owner
 * }</pre>
 */
public final class Url {
  private final String path;
  private final String query;

  private Url(String path, String query) {
    this.path = path;
    this.query = query;
  }

  /**
   * A URL for an already-encoded absolute path, as the generated builders make; kept as given (an
   * escaped {@code %2E%2E} stays escaped, so clients do not resolve it as a dot segment).
   *
   * @throws IllegalArgumentException when the path is not absolute or not percent-encoded
   */
  public static Url of(String encodedPath) {
    if (!encodedPath.startsWith("/") || !PercentCodec.isEncodedPath(encodedPath)) {
      throw new IllegalArgumentException("not an absolute, percent-encoded path: " + encodedPath);
    }
    return new Url(encodedPath, "");
  }

  /**
   * Adds {@code name=value} to the query string, both percent-encoded. An {@code Optional} adds its
   * value or nothing, an {@code Iterable} adds one pair per element, anything else its {@code
   * toString()} (enums their {@code name()}).
   */
  public Url withQuery(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, () -> "value of query parameter '" + name + "'");
    StringBuilder out = new StringBuilder(query);
    append(out, name, value);
    return new Url(path, out.toString());
  }

  /** Adds every entry of {@code parameters}, in the map's order, as {@link #withQuery(String, Object)}. */
  public Url withQuery(Map<String, ?> parameters) {
    StringBuilder out = new StringBuilder(query);
    parameters.forEach((name, value) -> {
      Objects.requireNonNull(value, () -> "value of query parameter '" + name + "'");
      append(out, name, value);
    });
    return new Url(path, out.toString());
  }

  private static void append(StringBuilder out, String name, Object value) {
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> append(out, name, v));
    } else if (value instanceof Iterable<?> values) {
      values.forEach(v -> append(out, name, Objects.requireNonNull(v, "null element")));
    } else {
      String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
      out.append(out.length() == 0 ? "" : "&")
          .append(PercentCodec.encodeQueryComponent(name))
          .append('=')
          .append(PercentCodec.encodeQueryComponent(text));
    }
  }

  /** The encoded path. */
  public String path() {
    return path;
  }

  /** The encoded query string without {@code ?}; empty when there is none. */
  public String query() {
    return query;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Url url && url.path.equals(path) && url.query.equals(query);
  }

  @Override
  public int hashCode() {
    return 31 * path.hashCode() + query.hashCode();
  }

  /** The relative URL: {@code /path?query}. */
  @Override
  public String toString() {
    return query.isEmpty() ? path : path + "?" + query;
  }
}
