package dev.kiln.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A Lua script run by its digest ({@code EVALSHA}), sent whole ({@code EVAL}) only when Redis does not have it yet. */
final class LuaScript {
  private final String script;
  private final String digest;

  LuaScript(String script) {
    this.script = script;
    this.digest = sha1(script);
  }

  <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> commands, ScriptOutputType output, String[] keys,
      String... arguments) {
    return commands.<T>evalsha(digest, output, keys, arguments).toCompletableFuture()
        .exceptionallyCompose(failure -> unwrap(failure) instanceof RedisNoScriptException
            // Not loaded yet, or Redis restarted and forgot it: EVAL loads it.
            ? commands.<T>eval(script, output, keys, arguments).toCompletableFuture()
            : CompletableFuture.failedFuture(failure));
  }

  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
