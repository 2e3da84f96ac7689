package dev.kiln.processor.binding;

import dev.kiln.processor.model.Constraint;
import java.util.List;

/** The OpenAPI operation of one route, as its bindings add to it. */
public interface OperationDoc {
  /** Adds a path parameter's constraints to the schema the template already gave it. */
  void constrainPath(String name, List<Constraint> constraints);

  /** A query parameter, header or cookie. */
  void parameter(ValueBinding binding);

  /** A field of the route's form body: a value or a file. */
  void formField(ValueBinding binding);

  /** The request body. */
  void body(RequestBody body);
}
