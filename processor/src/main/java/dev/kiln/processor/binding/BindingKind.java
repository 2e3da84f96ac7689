package dev.kiln.processor.binding;

/** How one kind of parameter is recognised and read from source. */
public interface BindingKind {
  /** The annotation that marks this kind, or {@code null} when it is known by type or by name. */
  default String annotation() {
    return null;
  }

  /** Whether the parameter is of this kind. Kinds are asked in {@link BindingKinds}' order. */
  boolean claims(ParameterReading parameter);

  /** Reads the parameter; {@code null} after reporting, on the parameter, why it cannot be bound. */
  Binding read(ParameterReading parameter);
}
