package dev.kiln.processor.binding;

/** How one kind of handler result is recognised from the (completed) return type. */
public interface ResultKind {
  /** Whether the return type is of this kind. Kinds are asked in {@link ResultKinds}' order. */
  boolean claims(ResultReading result);

  /** Reads it; {@code null} after reporting, on the method, why it cannot be written. */
  HandlerResult read(ResultReading result);
}
