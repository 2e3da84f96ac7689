package dev.kiln.processor.writing;

import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.BytesResult;
import dev.kiln.processor.binding.CookieValue;
import dev.kiln.processor.binding.FileField;
import dev.kiln.processor.binding.FormField;
import dev.kiln.processor.binding.HandlerResult;
import dev.kiln.processor.binding.HeaderValue;
import dev.kiln.processor.binding.JsonResult;
import dev.kiln.processor.binding.NoContentResult;
import dev.kiln.processor.binding.PathParameter;
import dev.kiln.processor.binding.ProvidedValue;
import dev.kiln.processor.binding.QueryParameter;
import dev.kiln.processor.binding.RequestBody;
import dev.kiln.processor.binding.ResponseResult;
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.binding.TextResult;
import dev.kiln.processor.binding.WebSocketResult;
import dev.kiln.processor.binding.WholeRequest;
import dev.kiln.processor.model.ClientCall;
import dev.kiln.processor.model.HandlerRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the generated client calls a route, decided from the handler as its source declares it. */
final class ClientCalls {
  /** Headers the JDK's client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private ClientCalls() {}

  static ClientCall of(HandlerRoute route) {
    if (route.name().isEmpty()) {
      return ClientCall.omitted("it has no name; name it with @Route(name = ...) to get a method");
    }
    if (!route.conditions().hosts().isEmpty()) {
      return ClientCall.omitted("it answers only on host " + String.join(" or ", route.conditions().hosts())
          + ", and a client calls one base URL");
    }
    for (var header : route.conditions().headers().entrySet()) {
      if (header.getValue().isEmpty()) {
        return ClientCall.omitted("it needs a header " + header.getKey() + " whose value the route does not say");
      }
    }
    HandlerResult result = route.result();
    ClientCall.Result reads;
    if (result instanceof JsonResult) {
      reads = ClientCall.Result.JSON;
    } else if (result instanceof TextResult) {
      reads = ClientCall.Result.TEXT;
    } else if (result instanceof BytesResult) {
      reads = ClientCall.Result.BYTES;
    } else if (result instanceof NoContentResult) {
      reads = ClientCall.Result.NONE;
    } else if (result instanceof ResponseResult) {
      return ClientCall.omitted("it returns Response, whose body the client cannot type; call it with Client");
    } else if (result instanceof WebSocketResult) {
      return ClientCall.omitted("it is a WebSocket");
    } else {
      throw new IllegalStateException("no client reading for " + result);
    }
    List<ClientCall.Parameter> parameters = new ArrayList<>();
    for (Binding binding : route.params()) {
      if (binding instanceof PathParameter path) {
        parameters.add(new ClientCall.Parameter(ClientCall.In.PATH, path.wireName(), path.javaName(), path.type(), Shape.SINGLE));
      } else if (binding instanceof QueryParameter query) {
        parameters.add(new ClientCall.Parameter(ClientCall.In.QUERY, query.wireName(), query.javaName(), query.type(), query.shape()));
      } else if (binding instanceof HeaderValue header) {
        if (RESTRICTED_HEADERS.contains(header.wireName().toLowerCase(Locale.ROOT))) {
          return ClientCall.omitted("it reads the header " + header.wireName() + ", which the JDK's client sets itself");
        }
        parameters.add(new ClientCall.Parameter(ClientCall.In.HEADER, header.wireName(), header.javaName(), header.type(), header.shape()));
      } else if (binding instanceof RequestBody body) {
        if (!body.readsJson()) {
          return ClientCall.omitted("it reads its body as a form only; call it with Client and form(...)");
        }
        parameters.add(new ClientCall.Parameter(ClientCall.In.BODY, "", body.javaName(), body.type(),
            body.optional() ? Shape.OPTIONAL : Shape.SINGLE));
      } else if (binding instanceof CookieValue cookie) {
        return ClientCall.omitted("it reads the cookie " + cookie.wireName() + ", which a browser sends");
      } else if (binding instanceof FormField || binding instanceof FileField) {
        return ClientCall.omitted("it reads a form; call it with Client and form(...)");
      } else if (!(binding instanceof WholeRequest || binding instanceof ProvidedValue)) {
        throw new IllegalStateException("no client parameter for " + binding);
      }
      // The whole request and middleware-provided values are the server's own: nothing to send.
    }
    return new ClientCall(parameters, reads, reads == ClientCall.Result.JSON ? result.type() : null, "");
  }
}
