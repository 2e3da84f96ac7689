package dev.kiln.session;

import java.util.List;
import java.util.Optional;

/**
 * The session of the browser that sent a request: typed values kept between its requests, in an
 * encrypted cookie ({@link EncryptedCookieStore}) or on a server ({@code RedisSessionStore} of
 * kiln-redis). A handler takes it as a parameter on routes that {@link Sessions} covers; on any
 * other route such a parameter does not compile.
 *
 * <pre>{@code
 * @Route(method = HttpMethod.POST, path = "/login")
 * public Response login(@Body LoginForm form, Session session) {
 *   User user = users.check(form.email(), form.password());
 *   session.regenerate();                          // a new id at login: no session fixation
 *   session.put(USER_ID, user.id());
 *   session.flash("Welcome back, " + user.name());
 *   return Response.seeOther("/");
 * }
 * }</pre>
 *
 * <p>A session is written back only when the request changed it (or, now and then, to keep an idle
 * one alive), after the handler has answered. One {@code Session} belongs to one request: do not
 * keep it or share it between threads.
 */
public interface Session {
  /** The value under {@code key}, read as its type; empty when there is none. */
  <T> Optional<T> get(SessionKey<T> key);

  /** Sets the value under {@code key}; {@code null} removes it. */
  <T> void put(SessionKey<T> key, T value);

  /** Removes the value under {@code key}, if there is one. */
  void remove(SessionKey<?> key);

  /** Whether the browser sent no (valid, current) session: this one starts with this request. */
  boolean isNew();

  /** Whether the session holds no values (Kiln's own, such as the CSRF token, do not count). */
  boolean isEmpty();

  /**
   * Ends the session (logout): its stored data is deleted now and the browser's cookie expired. The
   * request goes on with a new, empty session; values put into it start a new session.
   */
  void invalidate();

  /**
   * Keeps the values under a new session id and a new CSRF token, deleting the old id from the
   * store: call it when the user's privileges change (login), so an id planted beforehand is worth
   * nothing.
   */
  void regenerate();

  /** Adds a message for the next page this browser sees ({@link #flashes()}), such as "Saved." after a redirect. */
  void flash(String message);

  /** The flash messages added so far, oldest first; reading them removes them. */
  List<String> flashes();

  /**
   * The session's CSRF token, made when first asked for. It stays the same for the session's life
   * (until {@link #regenerate()}), so two tabs and a retried form all carry a valid one. Templates
   * put it in a hidden {@link Sessions#CSRF_FIELD} field; scripts send it in {@link Sessions#CSRF_HEADER}.
   */
  String csrfToken();
}
