package dev.kiln.processor.binding;

import java.util.List;

/** Every kind of handler result, in the order they are asked to claim a return type; JSON takes the rest. */
public final class ResultKinds {
  private static final List<ResultKind> KINDS = List.of(
      NoContentResult.KIND,
      ResponseResult.KIND,
      TextResult.KIND,
      BytesResult.KIND,
      WebSocketResult.KIND,
      JsonResult.KIND);

  private ResultKinds() {}

  public static List<ResultKind> all() {
    return KINDS;
  }
}
