package io.megaphone.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * A named step of a job: its Spark jobs carry the step's name as job group (readable in the Spark UI) and
 * its start and duration are reported on stderr, so long runs show progress.
 */
public final class Phase implements AutoCloseable {
  private final SparkSession spark;
  private final String stage;
  private final String step;
  private final long start = System.nanoTime();

  private Phase(SparkSession spark, String stage, String step) {
    this.spark = spark;
    this.stage = stage;
    this.step = step;
    if (spark != null) spark.sparkContext().setJobGroup(stage + "/" + step, stage + ": " + step, false);
    Progress.say(stage, step + " ...");
  }

  public static Phase start(SparkSession spark, String stage, String step) {
    return new Phase(spark, stage, step);
  }

  @Override
  public void close() {
    if (spark != null) spark.sparkContext().clearJobGroup();
    Progress.say(stage, String.format(Locale.ROOT, "%s done in %.1f s", step, (System.nanoTime() - start) / 1e9));
  }
}
