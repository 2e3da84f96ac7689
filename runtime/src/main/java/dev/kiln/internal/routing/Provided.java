package dev.kiln.internal.routing;

import dev.kiln.Request;
import dev.kiln.TypedKey;
import java.util.Optional;

/** Reads the values a {@code @Provides} middleware handed on, for generated binding code. */
public final class Provided {
  private Provided() {}

  /**
   * The value of {@code type}. The processor checked that a middleware of the chain declares it, so
   * its absence is that middleware's bug: a 500 whose log says which call is missing.
   */
  public static <T> T required(Request request, Class<T> type) {
    T value = request.attribute(TypedKey.of(type));
    if (value == null) {
      throw new IllegalStateException("no " + type.getName() + " was provided to " + request.route().handler()
          + ": the middleware declaring @Provides(" + type.getSimpleName() + ".class) passed the request on "
          + "without calling request.provide(" + type.getSimpleName() + ".class, value); call it, or take "
          + "Optional<" + type.getSimpleName() + "> in the handler");
    }
    return value;
  }

  /** The value of {@code type}, or empty when the providing middleware set none for this request. */
  public static <T> Optional<T> optional(Request request, Class<T> type) {
    return Optional.ofNullable(request.attribute(TypedKey.of(type)));
  }
}
