package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;

/** A {@code Response}: passed through. */
public record ResponseResult() implements HandlerResult {
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return result.is(result.type(), KilnNames.RESPONSE.canonicalName());
    }

    @Override
    public HandlerResult read(ResultReading result) {
      return new ResponseResult();
    }
  };

  @Override
  public TypeName type() {
    return KilnNames.RESPONSE;
  }

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return value;
  }

  @Override
  public void document(ResponseDoc response) {
    response.described("The response the handler builds");
  }
}
