package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.ValueType;
import java.util.EnumSet;
import java.util.List;

/** {@code @Form("title") String title}: a field of a urlencoded or multipart form. */
public record FormField(String javaName, String wireName, TypeName type, ValueType valueType,
    TypeName valueClass, Shape shape, List<Constraint> constraints) implements ValueBinding {

  static final BindingKind KIND = new ValueKind(KilnNames.FORM, "form field", EnumSet.allOf(Shape.class),
      ValueKind.SUPPORTED_VALUES + ", or Optional or List of one, or Upload, Optional<Upload> or List<Upload>",
      FormField::new);

  public FormField {
    constraints = List.copyOf(constraints);
  }

  @Override
  public String in() {
    return "form";
  }

  @Override
  public String describe() {
    return "form field '" + wireName + "'";
  }

  @Override
  public CodeBlock declare(BinderCode code, String local) {
    return ValueCode.declare(this, code, local, CodeBlock.of("$N.form().first($S)", code.request(), wireName),
        CodeBlock.of("$N.form().all($S)", code.request(), wireName));
  }

  @Override
  public void document(OperationDoc operation) {
    operation.formField(this);
  }
}
