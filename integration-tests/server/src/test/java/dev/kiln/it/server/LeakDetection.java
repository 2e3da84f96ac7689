package dev.kiln.it.server;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every buffer leak Netty's detector reports (PARANOID in these tests), so a test can fail
 * on them instead of a log line going unnoticed.
 */
final class LeakDetection {
  static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  private LeakDetection() {}

  /** Installs the recording detector before any test loads Netty's buffers. */
  public static final class Installer implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
      install();
    }
  }

  /**
   * Collects garbage and allocates, which makes the detector look at what was collected; returns the
   * leaks reported so far.
   */
  static List<String> collect() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      List<ByteBuf> buffers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        buffers.add(PooledByteBufAllocator.DEFAULT.directBuffer(16));
      }
      buffers.forEach(ByteBuf::release);
    }
    return List.copyOf(LEAKS);
  }

  static void install() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
          long maxActive) {
        return new ResourceLeakDetector<T>(resource, samplingInterval) {
          @Override
          protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + records);
            super.reportTracedLeak(resourceType, records);
          }

          @Override
          protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType);
            super.reportUntracedLeak(resourceType);
          }
        };
      }
    });
  }
}
