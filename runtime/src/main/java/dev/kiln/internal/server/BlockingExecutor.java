package dev.kiln.internal.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where blocking handlers run on Java 17 to 20: a bounded pool whose queue, once full, refuses work
 * (the server answers 503) instead of letting latency grow without bound. On Java 21 and later the
 * multi-release jar holds a virtual-thread version of this class ({@code src/main/java21}).
 */
final class BlockingExecutor {
  private BlockingExecutor() {}

  static ExecutorService create(int threads, int queue) {
    AtomicInteger count = new AtomicInteger();
    // A linked queue has one lock for the event loops that put and another for the threads that take:
    // an array queue's single lock was contended under load (measured: 4 % of samples in AQS.enqueue).
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue), runnable -> {
          Thread thread = new Thread(runnable, "kiln-blocking-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
