package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.DataType;

/**
 * Anything else: JSON through a writer resolved once for the type.
 *
 * @param data the type tree, for the OpenAPI document
 */
public record JsonResult(TypeName type, DataType data) implements HandlerResult {
  /** Claims every type the kinds before it did not: it must stay last. */
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return true;
    }

    @Override
    public HandlerResult read(ResultReading result) {
      if (result.hasTypeVariable(result.type())) {
        result.error(DiagnosticCode.UNSUPPORTED_RETURN_TYPE, "cannot write " + result.type() + " as JSON: its type "
            + "is not known at compile time; return a concrete type such as List<Project>");
        return null;
      }
      DataType data = result.data(result.type());
      return data == null ? null : new JsonResult(result.boxed(result.type()), data);
    }
  };

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return CodeBlock.of("$T.json($L, $L)", KilnNames.RESPONSE, code.jsonType(type), value);
  }

  @Override
  public void document(ResponseDoc response) {
    response.json(data);
  }
}
