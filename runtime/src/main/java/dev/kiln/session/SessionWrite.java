package dev.kiln.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a request does to its session, for the {@link SessionStore} to carry out: for stores, not
 * handlers.
 *
 * @param session the session as it stands after the request
 * @param kind whether it is new, the one loaded, or the one loaded under a new id
 * @param replacedId the id {@link Kind#REPLACE} deletes; {@code null} otherwise
 * @param changed the names of the values put since the session was loaded (every name for a new or
 *     replaced session)
 * @param removed the names of the values removed since it was loaded
 * @param timeToLive how long the store should keep it without another write: the idle lifetime, cut to
 *     what is left of the absolute one
 */
public record SessionWrite(SessionRecord session, Kind kind, String replacedId, Set<String> changed,
    Set<String> removed, Duration timeToLive) {
  public SessionWrite {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(kind, "kind");
    changed = Set.copyOf(changed);
    removed = Set.copyOf(removed);
  }

  /** How the written session relates to the one the request brought. */
  public enum Kind {
    /** A session this request started: the id is not in the store yet. */
    NEW,
    /**
     * The session the request brought, changed or touched. Written only if it is still stored: a
     * request in flight while another logged out must not bring the session back.
     */
    UPDATE,
    /**
     * The session the request brought, under a new id ({@link Session#regenerate()}): the old id is
     * deleted and the new one written only if the old one was still stored.
     */
    REPLACE
  }
}
