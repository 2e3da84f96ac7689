package dev.kiln;

import java.util.Objects;

/**
 * A typed key of the application's state (aiohttp's {@code AppKey}): {@code app.get(DATABASE)} is a
 * {@code Database}, no cast. Keys compare by identity: declare each once, as a constant.
 *
 * <pre>{@code
 * public static final AppKey<SampleSettings> SETTINGS = AppKey.of("settings", SampleSettings.class);
 * }</pre>
 */
public final class AppKey<T> {
  private final String name;
  private final Class<T> type;

  private AppKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> AppKey<T> of(String name, Class<T> type) {
    return new AppKey<>(name, type);
  }

  public String name() {
    return name;
  }

  T cast(Object value) {
    return type.cast(value);
  }

  boolean accepts(Object value) {
    return type.isInstance(value);
  }

  @Override
  public String toString() {
    return "AppKey[" + name + ": " + type.getSimpleName() + "]";
  }
}
