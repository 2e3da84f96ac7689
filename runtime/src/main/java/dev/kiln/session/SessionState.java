package dev.kiln.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.Json;
import dev.kiln.JsonCodec;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One request's {@link Session}: the values it brought as JSON text, read and written through the
 * app's codec, and what the request did to them, which {@code Sessions} turns into a store write.
 */
final class SessionState implements Session {
  static final String CSRF = "_csrf";
  static final String FLASH = "_flash";
  private static final JavaType FLASHES = Json.type(List.class, Json.type(String.class));
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final JsonCodec codec;
  private final SessionRecord loaded;
  private final long now;
  private final long absoluteSeconds;
  private String id;
  private long createdAt;
  private long expiresAt;
  private Map<String, String> values;
  private final Set<String> changed = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private boolean invalidated;
  private boolean regenerated;
  private boolean read;

  private SessionState(JsonCodec codec, SessionRecord loaded, long now, long absoluteSeconds) {
    this.codec = codec;
    this.loaded = loaded;
    this.now = now;
    this.absoluteSeconds = absoluteSeconds;
    if (loaded == null) {
      start();
    } else {
      id = loaded.id();
      createdAt = loaded.createdAt();
      expiresAt = loaded.expiresAt();
      values = new LinkedHashMap<>(loaded.values());
    }
  }

  /** The session a request brought, {@code null} for none; {@code now} in epoch seconds. */
  static SessionState of(JsonCodec codec, SessionRecord loaded, long now, long absoluteSeconds) {
    return new SessionState(codec, loaded, now, absoluteSeconds);
  }

  /** 128 random bits, URL-safe base64. */
  static String newId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return BASE64.encodeToString(id);
  }

  private void start() {
    id = newId();
    createdAt = now;
    expiresAt = now + absoluteSeconds;
    values = new LinkedHashMap<>();
  }

  @Override
  public <T> Optional<T> get(SessionKey<T> key) {
    read = true;
    String text = values.get(key.name());
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(codec.reader(key.type()).readValue(text));
    } catch (JsonProcessingException e) {
      // Stored by an older version of the app with another type: as good as absent.
      return Optional.empty();
    }
  }

  @Override
  public <T> void put(SessionKey<T> key, T value) {
    if (value == null) {
      remove(key);
      return;
    }
    String text;
    try {
      text = codec.writer(key.type()).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("session value " + key.name() + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
    set(key.name(), text);
  }

  private void set(String name, String text) {
    if (!text.equals(values.put(name, text))) {
      changed.add(name);
      removed.remove(name);
    }
  }

  @Override
  public void remove(SessionKey<?> key) {
    unset(key.name());
  }

  private void unset(String name) {
    if (values.remove(name) != null) {
      removed.add(name);
      changed.remove(name);
    }
  }

  @Override
  public boolean isNew() {
    read = true;
    return loaded == null || invalidated;
  }

  @Override
  public boolean isEmpty() {
    read = true;
    return values.keySet().stream().allMatch(name -> name.startsWith("_"));
  }

  @Override
  public void invalidate() {
    invalidated = true;
    regenerated = false;
    changed.clear();
    removed.clear();
    start();
  }

  @Override
  public void regenerate() {
    if (!invalidated && loaded != null) {
      regenerated = true;
    }
    id = newId();
    unset(CSRF);
  }

  @Override
  public void flash(String message) {
    Objects.requireNonNull(message, "message");
    List<String> messages = new ArrayList<>(read(FLASH));
    messages.add(message);
    set(FLASH, write(messages));
  }

  @Override
  public List<String> flashes() {
    read = true;
    List<String> messages = read(FLASH);
    unset(FLASH);
    return messages;
  }

  private List<String> read(String name) {
    String text = values.get(name);
    if (text == null) {
      return List.of();
    }
    try {
      return codec.<List<String>>reader(FLASHES).readValue(text);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private String write(List<String> messages) {
    try {
      return codec.writer(FLASHES).writeValueAsString(messages);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String csrfToken() {
    read = true;
    String text = values.get(CSRF);
    if (text == null) {
      byte[] token = new byte[32];
      RANDOM.nextBytes(token);
      text = '"' + BASE64.encodeToString(token) + '"';
      set(CSRF, text);
    }
    return text.substring(1, text.length() - 1);
  }

  /** The CSRF token if the session has one, without making one. */
  String existingCsrfToken() {
    String text = values.get(CSRF);
    return text == null ? null : text.substring(1, text.length() - 1);
  }

  /** Whether the handler looked at the session: its answer then depends on the cookie. */
  boolean read() {
    return read;
  }

  /** The session the request brought; {@code null} when it brought none. */
  SessionRecord loaded() {
    return loaded;
  }

  boolean invalidated() {
    return invalidated;
  }

  boolean regenerated() {
    return regenerated;
  }

  /** Whether values were put or removed since the session was loaded (or started). */
  boolean changed() {
    return !changed.isEmpty() || !removed.isEmpty();
  }

  Set<String> changedNames() {
    return changed;
  }

  Set<String> removedNames() {
    return removed;
  }

  Set<String> allNames() {
    return values.keySet();
  }

  /** The session as it stands, last seen now. */
  SessionRecord record() {
    return new SessionRecord(id, createdAt, now, expiresAt, values, false);
  }

  String id() {
    return id;
  }

  long expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "Session[" + values.size() + " values" + (isNew() ? ", new" : "") + "]";
  }
}
