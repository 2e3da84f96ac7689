package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import java.util.List;

/** A {@code Request} parameter: the handler is passed the request itself. */
public record WholeRequest(String javaName) implements Binding {

  static final BindingKind KIND = new BindingKind() {
    @Override
    public boolean claims(ParameterReading parameter) {
      return parameter.is(parameter.type(), KilnNames.REQUEST.canonicalName());
    }

    @Override
    public Binding read(ParameterReading parameter) {
      return new WholeRequest(parameter.javaName());
    }
  };

  @Override
  public TypeName type() {
    return KilnNames.REQUEST;
  }

  @Override
  public List<Constraint> constraints() {
    return List.of();
  }

  @Override
  public boolean needsLocal() {
    return false;
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return CodeBlock.of("");
  }

  @Override
  public CodeBlock argument(BinderCode code, String local) {
    return CodeBlock.of("$N", code.request());
  }

  @Override
  public CodeBlock validate(BinderCode code, String value, TypeName valueType, String violations) {
    return CodeBlock.of("");
  }

  @Override
  public boolean isValidated() {
    return false;
  }

  @Override
  public void document(OperationDoc operation) {}
}
