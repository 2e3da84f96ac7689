package dev.kiln.processor.binding;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;

/** A {@code byte[]}: {@code application/octet-stream}. */
public record BytesResult() implements HandlerResult {
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return result.type().getKind() == TypeKind.ARRAY
          && ((ArrayType) result.type()).getComponentType().getKind() == TypeKind.BYTE;
    }

    @Override
    public HandlerResult read(ResultReading result) {
      return new BytesResult();
    }
  };

  @Override
  public TypeName type() {
    return ArrayTypeName.of(TypeName.BYTE);
  }

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return CodeBlock.of("$T.bytes($L)", KilnNames.RESPONSE, value);
  }

  @Override
  public void document(ResponseDoc response) {
    response.text("Bytes", "application/octet-stream", "application/octet-stream");
  }
}
