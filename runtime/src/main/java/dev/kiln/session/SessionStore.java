package dev.kiln.session;

import java.util.concurrent.CompletionStage;

/**
 * Where {@link Sessions} keeps sessions: in the cookie itself ({@link EncryptedCookieStore}) or on a
 * server, the cookie holding only the id ({@code RedisSessionStore} of kiln-redis). Methods are called
 * on the event loop and must not block; an exceptional stage fails the request (a store that is away
 * gives a 503 with kiln-redis's {@code RedisOutage}).
 */
public interface SessionStore {
  /**
   * The session a cookie names.
   *
   * @param cookieName the cookie's name, which an encrypting store binds into the ciphertext
   * @return the session, or {@code null} when the cookie names none: unknown, deleted, tampered with,
   *     truncated or under an unknown key. Expiry is {@link Sessions}'s to check.
   */
  CompletionStage<SessionRecord> load(String cookieName, String cookieValue);

  /**
   * Writes a session.
   *
   * @return the cookie value that names it from now on, or {@code null} when the write was refused
   *     because the session it updates or replaces is no longer stored (deleted by a logout meanwhile)
   */
  CompletionStage<String> save(String cookieName, SessionWrite write);

  /** Deletes a session by id; a store that keeps nothing on its side has nothing to do. */
  CompletionStage<Void> delete(String id);
}
