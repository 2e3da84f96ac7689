package dev.kiln.session;

import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.Json;
import java.util.Objects;

/**
 * A typed entry of a {@link Session}: its name in the stored session and the type its value is read
 * as, through the application's Jackson codec. Declare each once, as a constant:
 *
 * <pre>{@code
 * static final SessionKey<Long> USER_ID = SessionKey.of("userId", Long.class);
 * static final SessionKey<List<String>> CART = SessionKey.of("cart", Json.type(List.class, Json.type(String.class)));
 * }</pre>
 *
 * <p>Names start with a letter and hold letters, digits, {@code _ . -}: names starting with {@code _}
 * are Kiln's own (the CSRF token, flash messages).
 */
public final class SessionKey<T> {
  private final String name;
  private final JavaType type;

  private SessionKey(String name, JavaType type) {
    this.name = checkName(name);
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> SessionKey<T> of(String name, Class<T> type) {
    return new SessionKey<>(name, Json.type(type));
  }

  /** A key of a generic type ({@code List<Item>}), built with {@link Json#type}. */
  public static <T> SessionKey<T> of(String name, JavaType type) {
    return new SessionKey<>(name, type);
  }

  public String name() {
    return name;
  }

  /** The type its value is read as. */
  public JavaType type() {
    return type;
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    boolean valid = !name.isEmpty() && name.length() <= 64 && Character.isLetter(name.charAt(0))
        && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'));
    if (!valid) {
      throw new IllegalArgumentException("session key name \"" + name + "\": start with a letter, then up to 63 "
          + "letters, digits, '_', '.' or '-' (names starting with '_' are Kiln's)");
    }
    return name;
  }

  @Override
  public String toString() {
    return "SessionKey[" + name + ": " + type.toCanonical() + "]";
  }
}
