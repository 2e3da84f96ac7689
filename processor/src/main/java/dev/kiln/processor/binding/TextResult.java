package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;

/** A {@code String}: {@code text/plain; charset=utf-8}. */
public record TextResult() implements HandlerResult {
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return result.is(result.type(), "java.lang.String");
    }

    @Override
    public HandlerResult read(ResultReading result) {
      return new TextResult();
    }
  };

  @Override
  public TypeName type() {
    return TypeName.get(String.class);
  }

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return CodeBlock.of("$T.text($L)", KilnNames.RESPONSE, value);
  }

  @Override
  public void document(ResponseDoc response) {
    response.text("Text", "text/plain", null);
  }
}
