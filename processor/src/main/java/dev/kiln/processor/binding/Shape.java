package dev.kiln.processor.binding;

/** How a request value is wrapped in the declared type. */
public enum Shape {
  /** The value itself; required. */
  SINGLE,
  /** {@code Optional<T>}; empty when absent. */
  OPTIONAL,
  /** {@code List<T>}; every value, empty when absent. */
  LIST
}
