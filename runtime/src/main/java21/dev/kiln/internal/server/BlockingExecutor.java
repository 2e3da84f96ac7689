package dev.kiln.internal.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where blocking handlers run, on Java 21 and later: a virtual thread per request (this class
 * replaces the pool-based one through the multi-release jar, so no reflection decides it). Requests
 * beyond {@code threads + queue} in flight are refused, as the pool would; the server answers 503.
 */
final class BlockingExecutor {
  private BlockingExecutor() {}

  static ExecutorService create(int threads, int queue) {
    ExecutorService virtual = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kiln-blocking-", 1).factory());
    return new Bounded(virtual, threads + queue);
  }

  /** Caps the tasks in flight; the rest are rejected at once. */
  private static final class Bounded extends java.util.concurrent.AbstractExecutorService {
    private final ExecutorService delegate;
    private final Semaphore permits;

    Bounded(ExecutorService delegate, int limit) {
      this.delegate = delegate;
      this.permits = new Semaphore(limit);
    }

    @Override
    public void execute(Runnable task) {
      if (!permits.tryAcquire()) {
        throw new RejectedExecutionException("too many blocking requests in flight");
      }
      try {
        delegate.execute(() -> {
          try {
            task.run();
          } finally {
            permits.release();
          }
        });
      } catch (RejectedExecutionException e) {
        permits.release();
        throw e;
      }
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public java.util.List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }
}
