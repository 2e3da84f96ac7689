package dev.kiln.jdbi;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings written at most once per period, each saying how many were held back since the last:
 * what an outage logs for every request it fails.
 */
final class RareWarnings {
  private final Logger log;
  private final long periodNanos;
  private final LongSupplier clock;
  /** When the last line was written; {@code Long.MIN_VALUE} before the first. */
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong held = new AtomicLong();

  RareWarnings(Logger log, long periodNanos, LongSupplier clock) {
    this.log = log;
    this.periodNanos = periodNanos;
    this.clock = clock;
  }

  void warn(String format, String detail) {
    long now = clock.getAsLong();
    long previous = last.get();
    if ((previous != Long.MIN_VALUE && now - previous < periodNanos) || !last.compareAndSet(previous, now)) {
      held.incrementAndGet();
      return;
    }
    long more = held.getAndSet(0);
    log.warn(format + (more > 0 ? " (and " + more + " more like it since the last line)" : ""), detail);
  }
}
