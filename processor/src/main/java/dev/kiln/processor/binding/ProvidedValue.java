package dev.kiln.processor.binding;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code CurrentUser user} or {@code Optional<CurrentUser> user}: a value a {@code @Provides}
 * middleware of the route's chain hands on. Any unannotated parameter that is neither a path
 * variable nor a request value is one; the application root checks that its chain provides it.
 *
 * @param provided the provided class
 */
public record ProvidedValue(String javaName, TypeName type, ClassName provided, boolean optional)
    implements Binding {

  static final BindingKind KIND = new BindingKind() {
    @Override
    public boolean claims(ParameterReading parameter) {
      TypeMirror value = parameter.valueType();
      return parameter.annotation() == null && parameter.pathIndex(parameter.javaName()) < 0
          && parameter.shape() != Shape.LIST && value != null && value.getKind() == TypeKind.DECLARED
          && ((DeclaredType) value).getTypeArguments().isEmpty() && parameter.scalar(value) == null;
    }

    @Override
    public Binding read(ParameterReading parameter) {
      List<Constraint> constraints = parameter.constraints();
      if (constraints == null) {
        return null;
      }
      if (!constraints.isEmpty()) {
        parameter.error(DiagnosticCode.UNSUPPORTED_CONSTRAINT, "parameter '" + parameter.javaName() + "' is a value "
            + "a middleware provides, and constraints check request values only; check it in the middleware "
            + "that provides " + parameter.display(parameter.valueType()));
        return null;
      }
      TypeElement element = (TypeElement) ((DeclaredType) parameter.valueType()).asElement();
      return new ProvidedValue(parameter.javaName(), TypeName.get(parameter.type()), ClassName.get(element),
          parameter.shape() == Shape.OPTIONAL);
    }
  };

  @Override
  public List<Constraint> constraints() {
    return List.of();
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return CodeBlock.of("$T $N = $T.$L($N, $T.class);\n", type, local, KilnNames.PROVIDED,
        optional ? "optional" : "required", code.request(), provided);
  }

  @Override
  public CodeBlock validate(BinderCode code, String value, TypeName valueType, String violations) {
    return CodeBlock.of("");
  }

  @Override
  public boolean isValidated() {
    return false;
  }

  /** A provided value is no part of the request: the document leaves it out. */
  @Override
  public void document(OperationDoc operation) {}
}
