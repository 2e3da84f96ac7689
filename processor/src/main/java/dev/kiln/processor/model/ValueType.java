package dev.kiln.processor.model;

/**
 * The scalar types a request value converts to. Numbers, booleans, UUIDs and enums also narrow what
 * a path segment matches.
 */
public enum ValueType {
  STRING("toString"),
  INT("toInt"),
  LONG("toLong"),
  DOUBLE("toDouble"),
  BOOLEAN("toBoolean"),
  UUID("toUuid"),
  ENUM("toEnum");

  private final String converter;

  ValueType(String converter) {
    this.converter = converter;
  }

  /** The {@code dev.kiln.internal.routing.Converters} method for this type. */
  public String converter() {
    return converter;
  }

  /** Whether a path parameter of this type only matches segments of its own syntax. */
  public boolean narrows() {
    return this != STRING;
  }
}
