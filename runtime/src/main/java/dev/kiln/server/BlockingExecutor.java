package dev.kiln.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
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
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), runnable -> {
          Thread thread = new Thread(runnable, "kiln-blocking-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
