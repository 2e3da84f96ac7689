package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * What a handler returns (once completed, for a {@code CompletionStage}) and so how the generated
 * code turns it into a {@code Response}. Like bindings, each kind is one type with its reading rule
 * ({@link ResultKind}), its code and its OpenAPI response; {@link ResultKinds} registers them.
 */
public sealed interface HandlerResult permits ResponseResult, TextResult, BytesResult, NoContentResult, WebSocketResult, JsonResult {
  /** The (completed) result's type. */
  TypeName type();

  /** An expression making the {@code Response} for {@code value}, the handler's result. */
  CodeBlock response(BinderCode code, CodeBlock value);

  /** Whether the handler returns a value; if not, it is called as a statement. */
  default boolean hasValue() {
    return true;
  }

  /** Why a route of {@code httpMethod} cannot return this kind, or {@code null} when it can. */
  default String refusal(String httpMethod, String handlerMethod) {
    return null;
  }

  /** The success status, for the OpenAPI document. */
  default String status() {
    return "200";
  }

  /** Describes the success response in the OpenAPI document. */
  void document(ResponseDoc response);
}
