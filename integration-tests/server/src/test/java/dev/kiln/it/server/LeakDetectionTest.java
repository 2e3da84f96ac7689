package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check the socket tests rely on does catch a leak. */
class LeakDetectionTest {
  @Test
  void anUnreleasedBufferIsReported() {
    int before = LeakDetection.LEAKS.size();
    leakOne();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (LeakDetection.collect().size() == before && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(LeakDetection.LEAKS.size()).isGreaterThan(before);
    LeakDetection.LEAKS.subList(before, LeakDetection.LEAKS.size()).clear();
  }

  private static void leakOne() {
    PooledByteBufAllocator.DEFAULT.directBuffer(64).writeInt(42); // never released
  }
}
