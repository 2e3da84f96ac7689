package dev.kiln.processor.binding;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.List;
import java.util.Optional;

/** {@code Upload avatar}, {@code Optional<Upload>} or {@code List<Upload>}: the file parts of one name. */
public record FileField(String javaName, String wireName, TypeName type, Shape shape, List<Constraint> constraints)
    implements ValueBinding {

  private static final String UPLOAD = "dev.kiln.Upload";

  static final BindingKind KIND = new BindingKind() {
    @Override
    public boolean claims(ParameterReading parameter) {
      String annotation = parameter.annotation();
      return (annotation == null || annotation.equals(KilnNames.FORM))
          && parameter.valueType() != null && parameter.is(parameter.valueType(), UPLOAD);
    }

    @Override
    public Binding read(ParameterReading parameter) {
      List<Constraint> constraints = parameter.constraints();
      return constraints == null ? null : new FileField(parameter.javaName(), parameter.wireName(),
          TypeName.get(parameter.type()), parameter.shape(), constraints);
    }
  };

  public FileField {
    constraints = List.copyOf(constraints);
  }

  @Override
  public ValueType valueType() {
    return null;
  }

  @Override
  public TypeName valueClass() {
    return ClassName.bestGuess(UPLOAD);
  }

  @Override
  public String in() {
    return "form";
  }

  @Override
  public String describe() {
    return "file '" + wireName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return switch (shape) {
      case SINGLE -> CodeBlock.of("$T $N = $T.requiredFile($N, $S);\n", type, local, KilnNames.BODIES,
          code.request(), wireName);
      case OPTIONAL -> CodeBlock.of("$T $N = $T.ofNullable($T.file($N, $S));\n", type, local, Optional.class,
          KilnNames.BODIES, code.request(), wireName);
      case LIST -> CodeBlock.of("$T $N = $T.files($N, $S);\n", type, local, KilnNames.BODIES, code.request(),
          wireName);
    };
  }

  @Override
  public void document(OperationDoc operation) {
    operation.formField(this);
  }
}
