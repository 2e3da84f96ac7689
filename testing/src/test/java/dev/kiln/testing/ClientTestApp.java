package dev.kiln.testing;

import dev.kiln.Application;
import dev.kiln.Cookie;
import dev.kiln.HttpMethod;
import dev.kiln.Query;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Router;
import java.util.Optional;

/** What the test client's own tests talk to: echoes, JSON and a cookie login. */
@Application
public final class ClientTestApp {
  static Router router() {
    return ClientTestAppRoutes.create();
  }

  @Route(method = HttpMethod.POST, path = "/echo")
  public String echo(Request request) {
    return "echo:" + request.text();
  }

  @Route(method = HttpMethod.POST, path = "/login")
  public Response login(@Query String user) {
    return Response.noContent().withHeader("Set-Cookie", "session=" + user + "; Path=/; HttpOnly");
  }

  @Route(path = "/me")
  public String me(@Cookie Optional<String> session) {
    return session.orElse("anonymous");
  }

  @Route(method = HttpMethod.POST, path = "/json")
  public Response json(Request request) {
    return Response.bytes(request.body(), request.header("Content-Type"));
  }
}
