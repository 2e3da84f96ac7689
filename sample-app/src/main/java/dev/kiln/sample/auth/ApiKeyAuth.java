package dev.kiln.sample.auth;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.TypedKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Guards the API's writes: a request that changes something must carry the API key in
 * {@code X-Api-Key}; reads stay open. A route group's middleware, resolved at compile time for every
 * route named {@code api.*}.
 */
@Middleware(order = 50, groups = "api")
public final class ApiKeyAuth implements Middleware.Handler {
  /** Set for the handlers after a request was let through with a key. */
  public static final TypedKey<Boolean> AUTHENTICATED = TypedKey.of("authenticated", Boolean.class);

  private final byte[] key;

  public ApiKeyAuth(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
      return next.handle(request);
    }
    String given = request.header("X-Api-Key");
    // Constant time, so the key cannot be guessed byte by byte from response times.
    if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
      return CompletableFuture.failedFuture(HttpError.unauthorized("this API needs a valid X-Api-Key to change things"));
    }
    request.attribute(AUTHENTICATED, true);
    return next.handle(request);
  }
}
