package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on what a server does from another thread, by polling every millisecond. */
final class Conditions {
  private Conditions() {}

  /** Waits until {@code condition} holds; fails the test after {@code limit}. */
  static void waitUntil(BooleanSupplier condition, Duration limit) {
    assertThat(holdsWithin(condition, limit)).as("waited %s", limit).isTrue();
  }

  /** Whether {@code condition} holds within {@code limit}: for what must not happen, a bounded wait. */
  static boolean holdsWithin(BooleanSupplier condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(1_000_000);
    }
    return true;
  }
}
