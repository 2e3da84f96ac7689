package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.EnumSet;
import java.util.List;

/** {@code @Query("page") int page}: a query parameter, one, optional or all of its values. */
public record QueryParameter(String javaName, String wireName, TypeName type, ValueType valueType,
    TypeName valueClass, Shape shape, List<Constraint> constraints) implements ValueBinding {

  static final BindingKind KIND = new ValueKind(KilnNames.QUERY, "query parameter", EnumSet.allOf(Shape.class),
      ValueKind.SUPPORTED_VALUES + ", or Optional or List of one", QueryParameter::new);

  public QueryParameter {
    constraints = List.copyOf(constraints);
  }

  @Override
  public String in() {
    return "query";
  }

  @Override
  public String describe() {
    return "query parameter '" + wireName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return ValueCode.declare(this, code, local, CodeBlock.of("$N.queryParam($S)", code.request(), wireName),
        CodeBlock.of("$N.queryParams($S)", code.request(), wireName));
  }

  @Override
  public void document(OperationDoc operation) {
    operation.parameter(this);
  }
}
