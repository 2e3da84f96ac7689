package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataShapes;
import dev.kiln.processor.model.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @Body NewProject project}: the whole body, read as JSON, or as a form when the type is a
 * record of form values.
 *
 * @param bodyType the body's own type, boxed ({@code Optional} unwrapped)
 * @param data the body's type tree
 */
public record RequestBody(String javaName, TypeName type, TypeName bodyType, boolean optional, DataType data,
    List<Constraint> constraints) implements Binding {

  static final BindingKind KIND = new BindingKind() {
    @Override
    public String annotation() {
      return KilnNames.BODY;
    }

    @Override
    public boolean claims(ParameterReading parameter) {
      return KilnNames.BODY.equals(parameter.annotation());
    }

    @Override
    public Binding read(ParameterReading parameter) {
      List<Constraint> constraints = parameter.constraints();
      if (constraints == null) {
        return null;
      }
      TypeMirror type = parameter.type();
      boolean optional = parameter.shape() == Shape.OPTIONAL;
      TypeMirror body = optional ? parameter.valueType() : type;
      if (body == null || parameter.hasTypeVariable(body) || body.getKind() == TypeKind.WILDCARD) {
        parameter.error(DiagnosticCode.INVALID_BODY, "cannot read a request body into " + parameter.display(type)
            + ": its type must be known at compile time; declare a concrete type such as NewProject or "
            + "List<NewProject>");
        return null;
      }
      boolean upload = parameter.is(body, "dev.kiln.Upload");
      if (body.getKind().isPrimitive() || parameter.is(body, KilnNames.REQUEST.canonicalName()) || upload) {
        parameter.error(DiagnosticCode.INVALID_BODY, "@Body binds the whole body to a record or another type "
            + "Jackson reads, not to " + body + (upload ? "; take files with @Form(\"name\") Upload" : ""));
        return null;
      }
      DataType data = parameter.data(body);
      return data == null ? null : new RequestBody(parameter.javaName(), TypeName.get(type), parameter.boxed(body),
          optional, data, constraints);
    }
  };

  public RequestBody {
    constraints = List.copyOf(constraints);
  }

  /** Whether it can be read from JSON: nothing in it is a file. */
  public boolean readsJson() {
    return !DataShapes.hasFiles(data);
  }

  /** Whether it can be read from a urlencoded or multipart form. */
  public boolean readsForm() {
    return DataShapes.isFormBindable(data);
  }

  /** Reads the body by its {@code Content-Type}; any other type is a 415 naming those it reads. */
  @Override
  public CodeBlock declare(BinderCode code, String local) {
    List<String> accepted = new ArrayList<>();
    CodeBlock.Builder cases = CodeBlock.builder();
    if (readsJson()) {
      accepted.add("application/json");
      cases.addStatement("case JSON -> $L",
          present(CodeBlock.of("$T.json($N, $L)", KilnNames.BODIES, code.request(), code.jsonType(bodyType))));
    }
    if (readsForm()) {
      accepted.add("application/x-www-form-urlencoded");
      accepted.add("multipart/form-data");
      cases.addStatement("case URLENCODED, MULTIPART -> $L", present(code.formBinder((DataType.Record) data)));
    }
    cases.addStatement(optional ? "case NONE -> $T.empty()" : "case NONE -> throw $T.missing()",
        optional ? Optional.class : KilnNames.BODIES);
    String acceptedText = accepted.size() == 1 ? accepted.get(0)
        : String.join(", ", accepted.subList(0, accepted.size() - 1)) + " or " + accepted.get(accepted.size() - 1);
    cases.addStatement("default -> throw $T.unsupported($N, $S)", KilnNames.BODIES, code.request(), acceptedText);
    return CodeBlock.builder()
        .add("$T $N = switch ($T.kind($N)) {\n$>", type, local, KilnNames.BODIES, code.request())
        .add(cases.build())
        .add("$<};\n")
        .build();
  }

  private CodeBlock present(CodeBlock read) {
    return optional ? CodeBlock.of("$T.of($L)", Optional.class, read) : read;
  }

  @Override
  public CodeBlock validate(BinderCode code, String value, TypeName valueType, String violations) {
    return isValidated() ? code.checkBody(value, valueType, constraints, data, violations) : CodeBlock.of("");
  }

  @Override
  public boolean isValidated() {
    return !constraints.isEmpty() || DataShapes.needsValidation(data);
  }

  @Override
  public void document(OperationDoc operation) {
    operation.body(this);
  }
}
