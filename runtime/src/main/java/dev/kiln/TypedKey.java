package dev.kiln;

import java.util.Objects;

/**
 * A typed key, for the application's state (aiohttp's {@code AppKey}: {@code app.get(DATABASE)} is a
 * {@code Database}, no cast) and for the attributes a middleware hands on to the handlers after it
 * on a {@link Request}. Keys compare by identity: declare each once, as a constant.
 *
 * <pre>{@code
 * public static final TypedKey<SampleSettings> SETTINGS = TypedKey.of("settings", SampleSettings.class);
 * public static final TypedKey<User> USER = TypedKey.of("user", User.class);
 * }</pre>
 */
public final class TypedKey<T> {
  private final String name;
  private final Class<T> type;

  private TypedKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> TypedKey<T> of(String name, Class<T> type) {
    return new TypedKey<>(name, type);
  }

  /** The one key of {@code type} itself, under which {@link Request#provide} hands on a value. */
  @SuppressWarnings("unchecked")
  public static <T> TypedKey<T> of(Class<T> type) {
    return (TypedKey<T>) BY_TYPE.get(type);
  }

  /** One key per class, found without locking; a reloaded class is a new class with its own key. */
  private static final ClassValue<TypedKey<?>> BY_TYPE = new ClassValue<>() {
    @Override
    protected TypedKey<?> computeValue(Class<?> type) {
      return new TypedKey<>(type.getSimpleName(), type);
    }
  };

  public String name() {
    return name;
  }

  /** {@code value} as this key's type. */
  public T cast(Object value) {
    return type.cast(value);
  }

  /** Whether {@code value} is of this key's type. */
  public boolean accepts(Object value) {
    return type.isInstance(value);
  }

  @Override
  public String toString() {
    return "TypedKey[" + name + ": " + type.getSimpleName() + "]";
  }
}
