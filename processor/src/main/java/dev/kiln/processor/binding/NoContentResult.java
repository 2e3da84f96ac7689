package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import javax.lang.model.type.TypeKind;

/** {@code void} or {@code Void}: 204 No Content. */
public record NoContentResult() implements HandlerResult {
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return result.type().getKind() == TypeKind.VOID || result.is(result.type(), "java.lang.Void");
    }

    @Override
    public HandlerResult read(ResultReading result) {
      return new NoContentResult();
    }
  };

  @Override
  public TypeName type() {
    return TypeName.VOID;
  }

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return CodeBlock.of("$T.noContent()", KilnNames.RESPONSE);
  }

  @Override
  public boolean hasValue() {
    return false;
  }

  @Override
  public String status() {
    return "204";
  }

  @Override
  public void document(ResponseDoc response) {
    response.described("No content");
  }
}
