package io.megaphone.spark;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of long Spark stages on stderr: at most one line every 15 s, naming the phase (job group) and the
 * tasks done, so a run of hours shows it is alive without flooding short runs.
 */
final class TaskProgress extends SparkListener {
  private static final long EVERY_NANOS = 15_000_000_000L;
  private static final Map<SparkContext, Boolean> ATTACHED = new ConcurrentHashMap<>();

  private final Map<Integer, Stage> stages = new ConcurrentHashMap<>();
  private volatile long lastPrint = System.nanoTime();

  private record Stage(String description, int total, AtomicInteger done, long started) {}

  static void attach(SparkContext sc) {
    if (ATTACHED.putIfAbsent(sc, Boolean.TRUE) == null) sc.addSparkListener(new TaskProgress());
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    String d = e.properties() == null ? null : e.properties().getProperty("spark.job.description");
    stages.put(e.stageInfo().stageId(),
        new Stage(d == null ? e.stageInfo().name() : d, e.stageInfo().numTasks(), new AtomicInteger(), System.nanoTime()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    Stage s = stages.get(e.stageId());
    if (s == null) return;
    int done = s.done().incrementAndGet();
    long now = System.nanoTime();
    if (now - lastPrint > EVERY_NANOS && now - s.started() > EVERY_NANOS) {
      lastPrint = now;
      Progress.say("progress", String.format(Locale.ROOT, "%s: %d/%d tasks of stage %d (%.0f s)", s.description(), done,
          s.total(), e.stageId(), (now - s.started()) / 1e9));
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    stages.remove(e.stageInfo().stageId());
  }
}
