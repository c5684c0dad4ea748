package io.megaphone.bench;

import io.megaphone.archive.MetricsOutput;
import io.megaphone.archive.OutputLayout;
import io.megaphone.cli.JobRunner;
import io.megaphone.generate.ArchiveGenerator;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.ingest.IngestStep;
import io.megaphone.job.JobSettings;
import io.megaphone.job.Stage;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricTable;
import io.megaphone.metrics.duplication.DuplicationMetrics;
import io.megaphone.metrics.duplication.DuplicationOptions;
import io.megaphone.spark.Progress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The duplication rows of the bench, on archives of brand posts only ({@code generate --brand-posts-only}: every
 * post an original or a copy, the input duplication works on): the family alone at each size, with
 * time(N)/time(previous N) as the scaling ratio; and, on one smaller archive, the family against MLlib's
 * {@code MinHashLSH.approxSimilarityJoin}, both recalls measured against the exact all-pairs truth.
 */
final class DuplicationBench {
  private static final String STAGE = "bench";
  private static final String STEP = "analyze: duplication";

  interface Measure {
    BenchRow measure(long posts, String format, String step, long inputBytes, String note, Benchmark.Work work);
  }

  private final SparkSession spark;
  private final Benchmark.Options o;
  private final Measure measure;
  private final BiConsumer<BenchRow, BenchRow> replace;
  private BenchRow previous;

  DuplicationBench(SparkSession spark, Benchmark.Options o, Measure measure, BiConsumer<BenchRow, BenchRow> replace) {
    this.spark = spark;
    this.o = o;
    this.measure = measure;
    this.replace = replace;
  }

  void size(long posts) {
    Prepared p = prepare(posts);
    BenchRow row = measure.measure(posts, "brand posts", STEP, p.archiveBytes, "", () -> run(p));
    String summary = summary(p);
    BenchRow done = row.withNote(summary);
    if (previous != null) {
      done = done.withRatio(row.wallSeconds() / previous.wallSeconds(),
          String.format(Locale.ROOT, "%,d brand posts (%.1f× the posts)", previous.posts(),
              (double) posts / previous.posts()));
    }
    replace.accept(row, done);
    previous = done;
  }

  /** The family and MLlib on the same archive, each recall against the exact truth. */
  void againstMllib(long posts) {
    Prepared p = prepare(posts);
    DuplicationOptions d = DuplicationOptions.from(p.settings);
    BenchRow ours = measure.measure(posts, "brand posts", STEP + " (vs MLlib)", p.archiveBytes, "", () -> run(p));
    Progress.say(STAGE, String.format(Locale.ROOT, "%,d posts: exact all-pairs truth (not measured) ...", posts));
    Set<String> truth = DuplicationPairs.truth(spark, p.out, d);
    double ourRecall = DuplicationPairs.recall(truth, DuplicationPairs.reported(spark, p.out));
    Set<String>[] mllib = new Set[1];
    BenchRow base = measure.measure(posts, "brand posts", "baseline: MLlib MinHashLSH approxSimilarityJoin",
        p.archiveBytes, "", () -> mllib[0] = MllibMinHashBaseline.pairs(spark, p.out, d));
    double mllibRecall = DuplicationPairs.recall(truth, mllib[0]);
    long mllibWrong = mllib[0].stream().filter(x -> !truth.contains(x)).count();
    replace.accept(base, base.withNote(String.format(Locale.ROOT,
        "%d hash tables (OR only), threshold %.2f; recall %.4f of %,d true pairs; %,d pairs below the threshold",
        MllibMinHashBaseline.HASH_TABLES, d.threshold(), mllibRecall, truth.size(), mllibWrong)));
    replace.accept(ours, ours.withNote(String.format(Locale.ROOT, "recall %.4f of %,d true pairs (exact all-pairs"
            + " truth); %s", ourRecall, truth.size(), summary(p)))
        .withRatio(ours.wallSeconds() / base.wallSeconds(), "MLlib MinHashLSH"));
  }

  private record Prepared(GeneratorOptions g, String runOut, JobSettings settings, OutputLayout out,
      long archiveBytes) {}

  private Prepared prepare(long posts) {
    String dir = Path.of(o.data()).resolve("canonical-brandposts-" + posts + "-seed" + o.seed()).toString();
    GeneratorOptions g = new GeneratorOptions(posts, "canonical", o.seed(), dir, GeneratorOptions.DEFAULT_POSTS_PER_FILE,
        0, GeneratorOptions.DEFAULT_START, GeneratorOptions.DEFAULT_END, false, true).withBrandPostsOnly();
    String runOut = Benchmark.runFolder(g);
    OutputLayout out = new OutputLayout(runOut, spark.sparkContext().hadoopConfiguration());
    if (ArchiveGenerator.isComplete(g) && out.exists(out.metricsTable("brand_accounts"))) {
      Progress.say(STAGE, String.format(Locale.ROOT, "%,d brand posts: reusing %s", posts, g.out()));
    } else {
      Progress.say(STAGE, String.format(Locale.ROOT, "%,d brand posts: generating and ingesting (not measured)",
          posts));
      ArchiveGenerator.prepareOutput(g);
      ArchiveGenerator.run(spark, g);
      Benchmark.check(new JobRunner(Benchmark.settings(g, runOut), EnumSet.of(Stage.INGEST), "megaphone bench")
          .run(spark), "ingest");
    }
    JobSettings settings = Benchmark.settings(g, runOut);
    return new Prepared(g, runOut, settings, out, Benchmark.directoryBytes(Path.of(runOut, "archive")));
  }

  /** The family on its own, as analyze runs it, tables written. */
  private void run(Prepared p) {
    AnalysisContext ctx = new AnalysisContext(spark, IngestStep.readArchive(spark, p.out),
        spark.read().parquet(p.out.metricsTable("brand_accounts")), p.settings, p.out);
    for (MetricTable t : new DuplicationMetrics().compute(ctx)) {
      MetricsOutput.write(spark, p.out, t.name(), t.schema(), t.rows());
    }
  }

  private String summary(Prepared p) {
    long considered = 0;
    long clusters = 0;
    long candidates = 0;
    long verified = 0;
    long capped = 0;
    for (Row r : spark.read().parquet(p.out.metricsTable("duplication")).filter("platform = 'all'").collectAsList()) {
      considered += r.<Long>getAs("posts_considered");
      clusters += r.<Long>getAs("clusters");
      candidates += r.<Long>getAs("candidate_pairs");
      verified += r.<Long>getAs("near_duplicate_pairs");
      capped += r.<Long>getAs("capped_buckets");
    }
    return String.format(Locale.ROOT, "%,d posts considered, %,d clusters, %,d LSH candidate pairs, %,d verified,"
        + " %,d capped buckets", considered, clusters, candidates, verified, capped);
  }
}
