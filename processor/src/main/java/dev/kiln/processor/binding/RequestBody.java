package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.Conditions;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataShapes;
import dev.kiln.processor.model.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @Body NewProject project}: the whole body, read as JSON, and also as a form when the route
 * consumes forms and the type is a record of form values. Forms are opt-in because any site can make
 * a browser post one without asking (a JSON API with cookie auth would be open to CSRF).
 *
 * @param bodyType the body's own type, boxed ({@code Optional} unwrapped)
 * @param data the body's type tree
 * @param consumes the route's {@code consumes}, lower-cased; empty when it declares none
 */
public record RequestBody(String javaName, TypeName type, TypeName bodyType, boolean optional, DataType data,
    List<Constraint> constraints, List<String> consumes) implements Binding {

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
          optional, data, constraints, List.of());
    }
  };

  public RequestBody {
    constraints = List.copyOf(constraints);
    consumes = List.copyOf(consumes);
  }

  /** This body on a route that consumes {@code types}. */
  public RequestBody consuming(List<String> types) {
    return new RequestBody(javaName, type, bodyType, optional, data, constraints, types);
  }

  /** Whether {@code type} is JSON: {@code application/json} or a {@code +json} type. */
  public static boolean isJson(String type) {
    return type.equals(Conditions.JSON) || type.endsWith("+json");
  }

  /** Whether it is read from JSON: nothing in it is a file, and the route consumes JSON or declares nothing. */
  public boolean readsJson() {
    return !DataShapes.hasFiles(data) && (consumes.isEmpty() || consumes.stream().anyMatch(RequestBody::isJson));
  }

  /** Whether it is read from a urlencoded or multipart form: the route consumes one, and the type has form values only. */
  public boolean readsForm() {
    return DataShapes.isFormBindable(data) && (consumes.contains(Conditions.FORM) || consumes.contains(Conditions.MULTIPART));
  }

  /** The form types it is read from, in the order the route lists them. */
  public List<String> formTypes() {
    return readsForm()
        ? consumes.stream().filter(t -> t.equals(Conditions.FORM) || t.equals(Conditions.MULTIPART)).toList()
        : List.of();
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
      accepted.addAll(formTypes());
      cases.addStatement("case $L -> $L", formTypes().stream().map(t -> t.equals(Conditions.FORM) ? "URLENCODED" : "MULTIPART")
          .collect(java.util.stream.Collectors.joining(", ")), present(code.formBinder((DataType.Record) data)));
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
