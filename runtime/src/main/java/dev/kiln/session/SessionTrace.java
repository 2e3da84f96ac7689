package dev.kiln.session;

import java.util.Map;

/**
 * What one request did with its session, for the debug toolbar: the values it brought and the ones
 * it left, each as its JSON text, and what was written. {@link Sessions} keeps one under
 * {@link Sessions#TRACE} only when built with {@link Sessions.Builder#trace(boolean)}.
 */
public final class SessionTrace {
  private final Map<String, String> before;
  private final boolean rejectedCookie;
  private volatile Map<String, String> after;
  private volatile String outcome = "the request has not finished";

  SessionTrace(Map<String, String> before, boolean rejectedCookie) {
    this.before = Map.copyOf(before);
    this.rejectedCookie = rejectedCookie;
    this.after = this.before;
  }

  /** The values the request brought; empty for a new session. */
  public Map<String, String> before() {
    return before;
  }

  /** The values when the request was done. */
  public Map<String, String> after() {
    return after;
  }

  /** Whether the browser sent a cookie that named no valid session. */
  public boolean rejectedCookie() {
    return rejectedCookie;
  }

  /** What happened to the session: not written, written, touched, deleted, or refused and why. */
  public String outcome() {
    return outcome;
  }

  void finish(Map<String, String> values, String what) {
    after = Map.copyOf(values);
    outcome = what;
  }
}
