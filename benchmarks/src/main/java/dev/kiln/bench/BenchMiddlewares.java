package dev.kiln.bench;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.util.concurrent.CompletionStage;

/** Three pass-through middlewares on {@code /mw}: what a chain costs when its links do nothing. */
public final class BenchMiddlewares {
  private BenchMiddlewares() {}

  @Middleware(order = 1, paths = "/mw")
  public static final class First implements Middleware.Handler {
    @Override
    public CompletionStage<Response> handle(Request request, Middleware.Next next) {
      return next.handle(request);
    }
  }

  @Middleware(order = 2, paths = "/mw")
  public static final class Second implements Middleware.Handler {
    @Override
    public CompletionStage<Response> handle(Request request, Middleware.Next next) {
      return next.handle(request);
    }
  }

  @Middleware(order = 3, paths = "/mw")
  public static final class Third implements Middleware.Handler {
    @Override
    public CompletionStage<Response> handle(Request request, Middleware.Next next) {
      return next.handle(request);
    }
  }
}
