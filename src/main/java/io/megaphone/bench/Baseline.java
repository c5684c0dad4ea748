package io.megaphone.bench;

import io.megaphone.job.JobSettings;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Something the pipeline is measured against, run by the bench in the same process on the same input. Its
 * row gets timed like a stage; the row named {@link #against()} gets the ratio to it. To add one (e.g. an
 * MLlib similarity join next to the duplication family), implement this and list it in {@link #all()}.
 */
interface Baseline {
  /** The bench row's name. */
  String step();

  /** The row compared to this baseline: a stage ("ingest") or a metric family ("analyze: responsiveness"). */
  String against();

  /** False when a dependency is missing (the bench says so and goes on). */
  boolean available();

  /** Runs the baseline; returns a note for the table (e.g. whether its result agrees with the pipeline's). */
  String run(Context ctx) throws Exception;

  /** What a baseline may use: the generated data, the pipeline's run folder, the job's settings. */
  record Context(SparkSession spark, String format, String dataExtension, String dataDir, String scratchDir,
      String runOut, JobSettings settings) {}

  static List<Baseline> all() {
    return List.of(new SparkFloor(), new DuckDb());
  }

  /** Spark's bare read → write.parquet of the same files: the floor for ingest. */
  final class SparkFloor implements Baseline {
    @Override
    public String step() {
      return "floor: Spark read → write.parquet";
    }

    @Override
    public String against() {
      return "ingest";
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public String run(Context ctx) {
      return BareConversion.run(ctx.spark(), ctx.dataExtension(), ctx.dataDir(), ctx.scratchDir() + "/bench-floor");
    }
  }

  /** The responsiveness table in DuckDB SQL over the archive's Parquet: the single-machine reference. */
  final class DuckDb implements Baseline {
    @Override
    public String step() {
      return "baseline: DuckDB responsiveness SQL";
    }

    @Override
    public String against() {
      return "analyze: responsiveness";
    }

    @Override
    public boolean available() {
      return DuckDbResponsiveness.available();
    }

    @Override
    public String run(Context ctx) throws Exception {
      long horizon = ctx.settings().seconds(io.megaphone.job.Parameter.RESPONSIVENESS_HORIZON);
      return Benchmark.DuckDbAgreement.check(DuckDbResponsiveness.compute(ctx.runOut(), horizon), ctx.runOut());
    }
  }
}
