package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.EnumSet;
import java.util.List;

/** {@code @Cookie("theme") Optional<String> theme}: a cookie, required or optional. */
public record CookieValue(String javaName, String wireName, TypeName type, ValueType valueType,
    TypeName valueClass, Shape shape, List<Constraint> constraints) implements ValueBinding {

  static final BindingKind KIND = new ValueKind(KilnNames.COOKIE, "cookie", EnumSet.of(Shape.SINGLE, Shape.OPTIONAL),
      ValueKind.SUPPORTED_VALUES + ", or Optional of one", CookieValue::new);

  public CookieValue {
    constraints = List.copyOf(constraints);
  }

  @Override
  public String in() {
    return "cookie";
  }

  @Override
  public String describe() {
    return "cookie '" + wireName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return ValueCode.declare(this, code, local, CodeBlock.of("$N.cookie($S)", code.request(), wireName), null);
  }

  @Override
  public void document(OperationDoc operation) {
    operation.parameter(this);
  }
}
