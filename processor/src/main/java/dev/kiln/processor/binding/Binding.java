package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.Constraint;
import java.util.List;

/**
 * One handler parameter and where its value comes from. Each kind is one type that owns its reading
 * rule and diagnostics (its {@link BindingKind}), the code that binds it and its part of the OpenAPI
 * operation; adding a kind is one new type and one line in {@link BindingKinds}.
 */
public sealed interface Binding
    permits ValueBinding, RequestBody, WholeRequest, ProvidedValue {

  /** The parameter's name in the source. */
  String javaName();

  /** The declared type. */
  TypeName type();

  /** The parameter's own constraints (on the value inside an {@code Optional}). */
  List<Constraint> constraints();

  /** Statements declaring {@code local} from the request, converted to the parameter's type. */
  CodeBlock declare(BinderCode code, String local);

  /** What the handler is passed: the local, unless the binding needs none. */
  default CodeBlock argument(BinderCode code, String local) {
    return CodeBlock.of("$N", local);
  }

  /** Whether the binder declares a local for it. */
  default boolean needsLocal() {
    return true;
  }

  /** Statements adding {@code value}'s violations to {@code violations}; empty when nothing is checked. */
  CodeBlock validate(BinderCode code, String value, TypeName valueType, String violations);

  /** Whether {@link #validate} checks anything. */
  boolean isValidated();

  /** Adds the parameter to its route's OpenAPI operation. */
  void document(OperationDoc operation);
}
