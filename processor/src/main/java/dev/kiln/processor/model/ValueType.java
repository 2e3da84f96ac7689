package dev.kiln.processor.model;

/**
 * The scalar types a request value converts to. Numbers, booleans, UUIDs and enums also narrow what
 * a path segment matches.
 */
public enum ValueType {
  STRING("a string", "toString"),
  INT("an integer", "toInt"),
  LONG("an integer", "toLong"),
  DOUBLE("a decimal number", "toDouble"),
  BOOLEAN("a boolean", "toBoolean"),
  UUID("a UUID", "toUuid"),
  ENUM("an enum constant", "toEnum");

  private final String description;
  private final String converter;

  ValueType(String description, String converter) {
    this.description = description;
    this.converter = converter;
  }

  public String description() {
    return description;
  }

  /** The {@code dev.kiln.routing.Converters} method for this type. */
  public String converter() {
    return converter;
  }

  /** Whether a path parameter of this type only matches segments of its own syntax. */
  public boolean narrows() {
    return this != STRING;
  }
}
