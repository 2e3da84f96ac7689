package dev.kiln.websocket;

import io.netty.channel.Channel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Where one connection's handler callbacks run: on its event loop for a non-blocking route, else on
 * the blocking executor one at a time and in order. While too many wait there, the connection
 * stops reading, and reads again once they are few.
 */
final class Callbacks {
  /** Blocking callbacks waiting before the connection stops reading, and when it reads again. */
  private static final int PAUSE_AT = 64;
  private static final int RESUME_AT = 8;

  /** A handler callback. */
  @FunctionalInterface
  interface Callback {
    void run() throws Exception;
  }

  private final SerialCallbacks blocking;
  private final Consumer<Throwable> failed;
  private final Runnable busy;
  private Channel channel;
  private boolean paused;

  /**
   * @param blockingPool the blocking executor, or {@code null} to run on the event loop
   * @param failed what a callback that threw leads to, on the thread it threw on
   * @param busy what a full blocking executor leads to, on the event loop
   */
  Callbacks(Executor blockingPool, Consumer<Throwable> failed, Runnable busy) {
    this.blocking = blockingPool == null ? null : new SerialCallbacks(blockingPool);
    this.failed = failed;
    this.busy = busy;
  }

  void attach(Channel channel) {
    this.channel = channel;
  }

  /** Runs {@code callback} where the route's handler runs; called on the event loop. */
  void run(Callback callback) {
    Runnable run = () -> {
      try {
        callback.run();
      } catch (Exception | AssertionError e) {
        failed.accept(e);
      }
    };
    if (blocking == null) {
      run.run();
      return;
    }
    try {
      blocking.execute(() -> {
        run.run();
        if (paused && blocking.pending() <= RESUME_AT) {
          channel.eventLoop().execute(this::resume);
        }
      });
    } catch (RejectedExecutionException full) {
      busy.run();
      return;
    }
    if (!paused && blocking.pending() > PAUSE_AT) {
      paused = true;
      channel.config().setAutoRead(false);
    }
  }

  private void resume() {
    if (paused && blocking.pending() <= RESUME_AT) {
      paused = false;
      channel.config().setAutoRead(true);
    }
  }
}
