package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.EnumSet;
import java.util.List;

/** {@code @Header("X-Request-Id") String id}: a request header, one, optional or all of its values. */
public record HeaderValue(String javaName, String wireName, TypeName type, ValueType valueType,
    TypeName valueClass, Shape shape, List<Constraint> constraints) implements ValueBinding {

  static final BindingKind KIND = new ValueKind(KilnNames.HEADER, "header", EnumSet.allOf(Shape.class),
      ValueKind.SUPPORTED_VALUES + ", or Optional or List of one", HeaderValue::new);

  public HeaderValue {
    constraints = List.copyOf(constraints);
  }

  @Override
  public String in() {
    return "header";
  }

  @Override
  public String describe() {
    return "header '" + wireName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return ValueCode.declare(this, code, local, CodeBlock.of("$N.header($S)", code.request(), wireName),
        CodeBlock.of("$N.headers($S)", code.request(), wireName));
  }

  @Override
  public void document(OperationDoc operation) {
    operation.parameter(this);
  }
}
