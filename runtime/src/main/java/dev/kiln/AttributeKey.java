package dev.kiln;

import java.util.Objects;

/**
 * A typed key for {@link Request} attributes: what a middleware hands on to the handlers after it.
 * Keys compare by identity; keep each in a constant.
 *
 * <pre>{@code
 * public static final AttributeKey<User> USER = AttributeKey.of("user", User.class);
 * }</pre>
 */
public final class AttributeKey<T> {
  private final String name;
  private final Class<T> type;

  private AttributeKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> AttributeKey<T> of(String name, Class<T> type) {
    return new AttributeKey<>(name, type);
  }

  public String name() {
    return name;
  }

  T cast(Object value) {
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "AttributeKey[" + name + ": " + type.getSimpleName() + "]";
  }
}
