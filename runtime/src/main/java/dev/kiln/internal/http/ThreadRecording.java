package dev.kiln.internal.http;

/**
 * What a request records into while its handler runs on this thread (its SQL statements, its Redis
 * commands), found by the library hooks that see the work but not the request. Scopes nest: closing
 * one restores what the thread recorded into before.
 */
public final class ThreadRecording<T> {
  private final ThreadLocal<T> current = new ThreadLocal<>();

  /** Records into {@code target} on this thread until the returned scope closes. */
  public Scope open(T target) {
    T outer = current.get();
    current.set(target);
    return () -> {
      if (outer == null) {
        current.remove();
      } else {
        current.set(outer);
      }
    };
  }

  /** What this thread records into now, or {@code null}. */
  public T current() {
    return current.get();
  }

  /** Ends a recording; closes without exceptions. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
