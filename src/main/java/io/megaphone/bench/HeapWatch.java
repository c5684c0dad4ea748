package io.megaphone.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM (the driver; in local mode it also runs the executors) during one measured step:
 * the highest heap in use, sampled every 20 ms, and the highest heap still live right after a garbage
 * collection — the second is what the step really needs, the first also counts garbage not yet collected.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final Thread sampler;
  private final List<Runnable> unregister = new ArrayList<>();
  private volatile boolean running = true;

  HeapWatch() {
    System.gc();
    peakLive.set(used());
    sampler = new Thread(() -> {
      while (running) {
        peakUsed.accumulateAndGet(used(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    NotificationListener listener = (n, h) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long after = 0;
      for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) after += u.getUsed();
      peakLive.accumulateAndGet(after, Math::max);
    };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        unregister.add(() -> {
          try {
            e.removeNotificationListener(listener);
          } catch (Exception ignored) {
            // already gone
          }
        });
      }
    }
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  long peakUsedBytes() {
    // a collection between two samples can hide a peak; what survived it was in use before it
    return Math.max(Math.max(peakUsed.get(), used()), peakLive.get());
  }

  /** Live heap after the step's collections (the non-heap of GC pools is included; it is small). */
  long peakLiveBytes() {
    return peakLive.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    unregister.forEach(Runnable::run);
  }
}
