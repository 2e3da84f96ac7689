package dev.kiln.redis;

import dev.kiln.session.SessionRecord;
import dev.kiln.session.SessionStore;
import dev.kiln.session.SessionWrite;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sessions kept in Redis, shared by every instance of the app; the cookie holds only the session's
 * id (128 bits from {@code SecureRandom}). Each session is a hash {@code kiln:session:<id>}, one field
 * per value, that expires after the idle lifetime ({@code EXPIRE}, renewed as the session is used).
 *
 * <pre>{@code
 * Sessions.fromSettings(settings, RedisSessionStore.of(app.get(Redis.KEY)))
 * }</pre>
 *
 * <p>Each write is one Lua script, so it is atomic however many instances write at once:
 * <ul>
 *   <li>A request writes back only the values it put or removed, so two requests on one session
 *       that change different values both keep their change; two that change the same value: the
 *       last to finish wins (per-value last-writer-wins).</li>
 *   <li>A write to a session that is no longer stored is refused: a request that was in flight while
 *       another logged out ({@code invalidate()} deletes the hash) or regenerated the id cannot bring
 *       the old session back.</li>
 *   <li>{@code regenerate()} (at login) deletes the old id in the same script that writes the new one.</li>
 * </ul>
 *
 * <p>When Redis is away, loading or writing a session fails the request: a 503 with {@link RedisOutage}.
 */
public final class RedisSessionStore implements SessionStore {
  private static final String PREFIX = "kiln:session:";
  private static final String CREATED = ".created";
  private static final String SEEN = ".seen";
  private static final String EXPIRES = ".expires";

  /**
   * KEYS[1]: the session; KEYS[2]: the one it replaces. ARGV: the kind, the time to live in seconds,
   * the number of fields set, those fields and values, then the fields removed.
   */
  private static final LuaScript WRITE = new LuaScript("""
      local kind = ARGV[1]
      if kind == 'UPDATE' then
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      elseif kind == 'REPLACE' then
        if redis.call('DEL', KEYS[2]) == 0 then return 0 end
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      else
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      end
      local set = tonumber(ARGV[3])
      if set > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + 2 * set)) end
      if #ARGV >= 4 + 2 * set then redis.call('HDEL', KEYS[1], unpack(ARGV, 4 + 2 * set, #ARGV)) end
      redis.call('EXPIRE', KEYS[1], ARGV[2])
      return 1
      """);

  private final Redis redis;

  private RedisSessionStore(Redis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  public static RedisSessionStore of(Redis redis) {
    return new RedisSessionStore(redis);
  }

  @Override
  public CompletionStage<SessionRecord> load(String cookieName, String cookieValue) {
    if (!isId(cookieValue)) {
      return CompletableFuture.completedFuture(null); // not one of ours: no need to ask
    }
    return redis.commands().hgetall(PREFIX + cookieValue).thenApply(fields -> record(cookieValue, fields));
  }

  private static SessionRecord record(String id, Map<String, String> fields) {
    Long created = number(fields.get(CREATED));
    Long seen = number(fields.get(SEEN));
    Long expires = number(fields.get(EXPIRES));
    if (created == null || seen == null || expires == null) {
      return null; // none, or not written by this store
    }
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      if (!name.startsWith(".")) {
        values.put(name, value);
      }
    });
    return new SessionRecord(id, created, seen, expires, values, false);
  }

  @Override
  public CompletionStage<String> save(String cookieName, SessionWrite write) {
    SessionRecord session = write.session();
    List<String> set = new ArrayList<>();
    if (write.kind() != SessionWrite.Kind.UPDATE) {
      set.addAll(List.of(CREATED, Long.toString(session.createdAt()), EXPIRES, Long.toString(session.expiresAt())));
    }
    set.add(SEEN);
    set.add(Long.toString(session.lastSeenAt()));
    for (String name : write.changed()) {
      set.add(name);
      set.add(session.values().get(name));
    }
    List<String> arguments = new ArrayList<>();
    arguments.add(write.kind().name());
    arguments.add(Long.toString(Math.max(1, write.timeToLive().toSeconds())));
    arguments.add(Integer.toString(set.size() / 2));
    arguments.addAll(set);
    arguments.addAll(write.removed());
    String[] keys = write.kind() == SessionWrite.Kind.REPLACE
        ? new String[] {PREFIX + session.id(), PREFIX + write.replacedId()}
        : new String[] {PREFIX + session.id()};
    return WRITE.<Long>run(redis.commands(), ScriptOutputType.INTEGER, keys, arguments.toArray(String[]::new))
        .thenApply(written -> written == 1L ? session.id() : null);
  }

  @Override
  public CompletionStage<Void> delete(String id) {
    return redis.commands().del(PREFIX + id).thenApply(deleted -> null);
  }

  /** Whether {@code value} can be an id: 22 characters of URL-safe base64. */
  private static boolean isId(String value) {
    if (value.length() != 22) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static Long number(String text) {
    try {
      return text == null ? null : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "RedisSessionStore[" + redis.url() + "]";
  }
}
