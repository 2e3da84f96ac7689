package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.KilnNames;

/**
 * A {@code WebSocketHandler} (or a class implementing it): the route is a WebSocket route. Its
 * parameters bind at the handshake and the handler it returns takes the connection over after a
 * {@code 101}; a request that is no handshake gets 426.
 */
public record WebSocketResult() implements HandlerResult {
  static final ResultKind KIND = new ResultKind() {
    @Override
    public boolean claims(ResultReading result) {
      return result.isA(result.type(), KilnNames.WEBSOCKET_HANDLER.canonicalName());
    }

    @Override
    public HandlerResult read(ResultReading result) {
      return new WebSocketResult();
    }
  };

  @Override
  public TypeName type() {
    return KilnNames.WEBSOCKET_HANDLER;
  }

  @Override
  public CodeBlock response(BinderCode code, CodeBlock value) {
    return CodeBlock.of("$T.accept($N, $L)", KilnNames.WEBSOCKETS, code.request(), value);
  }

  /** The handshake is a GET: a WebSocket route declaring another method is an error on that attribute. */
  @Override
  public String refusal(String httpMethod, String handlerMethod) {
    return httpMethod.equals("GET") ? null : "@Route method " + handlerMethod + " returns a WebSocketHandler, so it "
        + "answers the WebSocket handshake, which is a GET; remove method = " + httpMethod;
  }

  @Override
  public String status() {
    return "101";
  }

  @Override
  public void document(ResponseDoc response) {
    response.described("Switches to the WebSocket protocol (a request that is no WebSocket handshake gets 426)");
  }
}
