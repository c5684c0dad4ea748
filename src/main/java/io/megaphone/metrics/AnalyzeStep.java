package io.megaphone.metrics;

import io.megaphone.archive.MetricsOutput;
import io.megaphone.archive.OutputLayout;
import io.megaphone.ingest.IngestStep;
import io.megaphone.job.JobSettings;
import io.megaphone.metrics.duplication.DuplicationMetrics;
import io.megaphone.metrics.duplication.DuplicationOptions;
import io.megaphone.metrics.quality.PostFlagger;
import io.megaphone.metrics.quality.QualityMetrics;
import io.megaphone.metrics.responsiveness.ResponsivenessMetrics;
import io.megaphone.spark.Phase;
import io.megaphone.spark.Progress;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Archive → metrics tables. Each family runs on its own; a failing family is flagged, not fatal. */
public final class AnalyzeStep {
  private static final String STAGE = "analyze";

  private AnalyzeStep() {}

  public static List<MetricFamily> families() {
    return List.of(new ResponsivenessMetrics(), new DuplicationMetrics(), new QualityMetrics());
  }

  /** Checks, before Spark starts, the parameters that must hold together (a UsageException names the culprit). */
  public static void checkSettings(JobSettings settings) {
    DuplicationOptions.from(settings);
    PostFlagger.from(settings); // lexicon folder and crisis events file: read and checked now
  }

  /** @return the number of families that failed */
  public static int run(SparkSession spark, JobSettings settings, OutputLayout out, ObjectNode manifestStage) {
    // Not cached: each family reads the Parquet columns it needs (column pruning), which costs less than
    // building an in-memory copy of every column, texts included.
    Dataset<Row> archive = IngestStep.readArchive(spark, out);
    Dataset<Row> accounts = spark.read().parquet(out.metricsTable("brand_accounts"));
    AnalysisContext ctx = new AnalysisContext(spark, archive, accounts, settings, out);
    ObjectNode families = manifestStage.putObject("metric_families");
    int failed = 0;
    for (MetricFamily f : families()) {
      ObjectNode status = families.putObject(f.name());
      long started = System.nanoTime();
      try (Phase p = Phase.start(spark, STAGE, f.name())) {
        for (MetricTable t : f.compute(ctx)) {
          MetricsOutput.write(spark, out, t.name(), t.schema(), t.rows());
          status.put(t.name() + "_rows", t.rows().size());
        }
        status.put("status", "ok");
      } catch (RuntimeException e) {
        failed++;
        status.put("status", "failed");
        status.put("error", String.valueOf(e));
        Progress.say(STAGE, "FAILED " + f.name() + ": " + e);
      }
      status.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
    }
    return failed;
  }

}
