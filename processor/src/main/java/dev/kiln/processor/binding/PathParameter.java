package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code long projectId} for {@code {projectId}}: an unannotated parameter named after a template variable.
 *
 * @param enumConstants the constants of an enum parameter, which its OpenAPI schema lists
 */
public record PathParameter(String javaName, TypeName type, ValueType valueType, TypeName valueClass, int index,
    List<String> enumConstants, List<Constraint> constraints) implements ValueBinding {

  static final BindingKind KIND = new BindingKind() {
    @Override
    public boolean claims(ParameterReading parameter) {
      return parameter.annotation() == null && parameter.pathIndex(parameter.javaName()) >= 0;
    }

    @Override
    public Binding read(ParameterReading parameter) {
      List<Constraint> constraints = parameter.constraints();
      ValueKind.Value value = constraints == null ? null : ValueKind.Value.read(parameter, "path parameter",
          EnumSet.of(Shape.SINGLE),
          ValueKind.SUPPORTED_VALUES + " (a path parameter is always present, so neither Optional nor List)");
      return value == null ? null : new PathParameter(parameter.javaName(), TypeName.get(parameter.type()),
          value.type(), value.boxed(), parameter.pathIndex(parameter.javaName()),
          parameter.enumConstants(parameter.type()), constraints);
    }
  };

  public PathParameter {
    enumConstants = List.copyOf(enumConstants);
    constraints = List.copyOf(constraints);
  }

  @Override
  public String wireName() {
    return javaName;
  }

  @Override
  public Shape shape() {
    return Shape.SINGLE;
  }

  @Override
  public String in() {
    return "path";
  }

  @Override
  public String describe() {
    return "path parameter '" + javaName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return CodeBlock.of("$T $N = $L;\n", type, local,
        ValueCode.convert(this, code, CodeBlock.of("$N.pathParam($L)", code.request(), index)));
  }

  @Override
  public void document(OperationDoc operation) {
    operation.constrainPath(javaName, constraints);
  }
}
