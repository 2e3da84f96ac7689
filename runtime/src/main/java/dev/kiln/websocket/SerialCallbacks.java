package dev.kiln.websocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's callbacks on the blocking executor one at a time, in order: a blocking
 * WebSocket handler sees its events as a non-blocking one does, never two at once.
 */
final class SerialCallbacks implements Executor {
  private final Executor pool;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  SerialCallbacks(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable callback) {
    queue.add(callback);
    if (pending.getAndIncrement() == 0) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException full) {
        queue.clear();
        pending.set(0);
        throw full;
      }
    }
  }

  /** Callbacks queued or running: the connection stops reading while too many wait. */
  int pending() {
    return pending.get();
  }

  private void drain() {
    do {
      Runnable callback = queue.poll();
      if (callback != null) {
        callback.run();
      }
    } while (pending.decrementAndGet() > 0);
  }
}
