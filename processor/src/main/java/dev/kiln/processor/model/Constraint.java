package dev.kiln.processor.model;

import java.util.List;

/**
 * One {@code jakarta.validation.constraints} annotation, checked and ready to be written as code and
 * as JSON Schema keywords.
 *
 * @param name the annotation's simple name: {@code NotNull}, {@code Size}, …
 * @param message the violation message, the annotation's default interpolated at compile time
 * @param arguments the annotation's attributes the check needs, per constraint: {@code Size}: min,
 *     max (Integer); {@code Min}/{@code Max}: value (Long); {@code DecimalMin}/{@code DecimalMax}:
 *     value (String), inclusive (Boolean); {@code Pattern}/{@code Email}: regexp (String, may be
 *     empty), flags (Integer); {@code Digits}: integer, fraction (Integer); others none
 */
public record Constraint(String name, String message, List<Object> arguments) {
  public Constraint {
    arguments = List.copyOf(arguments);
  }

  public Object argument(int index) {
    return arguments.get(index);
  }

  /** Whether a {@code null} value breaks it: everything else lets {@code null} through. */
  public boolean rejectsNull() {
    return name.equals("NotNull") || name.equals("NotBlank") || name.equals("NotEmpty");
  }
}
