package com.example.wired;

import dev.kiln.HttpMethod;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.inject.Inject;

/** Writes need the API key; Dagger makes the middleware like any other object. */
@Middleware(order = 10, paths = "/api")
public final class ApiKey implements Middleware.Handler {
  static final String KEY = "secret";

  @Inject
  ApiKey() {}

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    if (request.method() != HttpMethod.GET && !KEY.equals(request.header("X-Api-Key"))) {
      return CompletableFuture.completedFuture(Response.text(401, "an X-Api-Key header is needed to write"));
    }
    return next.handle(request);
  }
}
