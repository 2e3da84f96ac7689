package dev.kiln.session;

import java.util.Map;
import java.util.Objects;

/**
 * A session as a {@link SessionStore} keeps it: for stores, not handlers.
 *
 * @param id 128 random bits, URL-safe base64; a new one at each {@link Session#regenerate()}
 * @param createdAt when it started, in epoch seconds
 * @param lastSeenAt when a request last wrote or touched it, in epoch seconds
 * @param expiresAt when it ends however active it is (the absolute lifetime), in epoch seconds
 * @param values each value's JSON text by name, Kiln's own ({@code _csrf}, {@code _flash}) included
 * @param reissue whether the store wants it written again though nothing changed: a cookie under a key
 *     that no longer encrypts
 */
public record SessionRecord(String id, long createdAt, long lastSeenAt, long expiresAt, Map<String, String> values,
    boolean reissue) {
  public SessionRecord {
    Objects.requireNonNull(id, "id");
    values = Map.copyOf(values);
  }
}
