package io.megaphone.cli;

import io.megaphone.bench.BenchReport;
import io.megaphone.bench.Benchmark;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.job.UsageException;
import io.megaphone.spark.SparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure every stage on generated archives of the given sizes, next to the baselines run in"
        + " the same process on the same input: Spark's bare read → write.parquet (the ingest floor) and DuckDB SQL"
        + " for the responsiveness table. Writes OUT/bench.md and OUT/bench.csv.",
        "Archives are generated once into --data and reused. Give the driver enough heap for the largest size"
        + " (MEGAPHONE_JAVA_OPTS=-Xmx8g)."})
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--sizes", paramLabel = "N[,N...]", split = ",", defaultValue = "1M,4M",
      description = "Archive sizes in posts (default ${DEFAULT-VALUE}); 'none' with --ingest-formats for the format rows only.")
  List<String> sizes = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "twitter-v2",
      completionCandidates = GeneratedFormatNames.class,
      description = "Format of the generated input for --sizes, one of: ${COMPLETION-CANDIDATES}"
          + " (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "target/bench-data",
      description = "Where generated archives and bench runs are kept (default ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/bench",
      description = "Where bench.md and bench.csv are written (default ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--ingest-formats", paramLabel = "FORMAT[,FORMAT...]", split = ",",
      description = "After the sizes, one ingest row (next to its floor) per listed format on at least"
          + " --family-bytes of generated input; 'all' for every format the generator writes.")
  List<String> ingestFormats = new ArrayList<>();

  @Option(names = "--family-bytes", paramLabel = "SIZE", defaultValue = "1G",
      description = "Input size of each --ingest-formats row, e.g. 1G, 500M (default ${DEFAULT-VALUE}).")
  String familyBytes;

  @Option(names = "--duplication-sizes", paramLabel = "N[,N...]", split = ",",
      description = "After the rest, the duplication family alone on archives of N brand posts each (generated with"
          + " --brand-posts-only), e.g. 1M,4M; each row's ratio is its time over the previous size's.")
  List<String> duplicationSizes = new ArrayList<>();

  @Option(names = "--duplication-baseline-posts", paramLabel = "N", defaultValue = "0",
      description = "Also compare the duplication family with MLlib's MinHashLSH approxSimilarityJoin on an archive"
          + " of N brand posts, both recalls against the exact all-pairs truth (quadratic: keep N small, e.g."
          + " 20k; default 0: not run).")
  String duplicationBaselinePosts;

  @Option(names = "--no-baselines", description = "Measure the pipeline only.")
  boolean noBaselines;

  @Option(names = "--no-warm-up", description = "Skip the unmeasured warm-up on 10,000 posts.")
  boolean noWarmUp;

  Benchmark.Options options() {
    GeneratorOptions.requireFormat(format);
    List<Long> n = new ArrayList<>();
    for (String s : sizes) {
      if (s.equals("none")) continue;
      long v = GeneratorOptions.parseCount(s);
      if (v < 1000) throw new UsageException("--sizes: " + s + " is below 1000 posts");
      n.add(v);
    }
    List<String> families = new ArrayList<>();
    for (String f : ingestFormats) {
      if (f.equals("all")) families.addAll(GeneratorOptions.FORMATS);
      else {
        GeneratorOptions.requireFormat(f);
        families.add(f);
      }
    }
    List<Long> dup = new ArrayList<>();
    for (String s : duplicationSizes) {
      long v = GeneratorOptions.parseCount(s);
      if (v < 1000) throw new UsageException("--duplication-sizes: " + s + " is below 1000 posts");
      dup.add(v);
    }
    long baseline = GeneratorOptions.parseCount(duplicationBaselinePosts);
    if (baseline != 0 && baseline < 1000) {
      throw new UsageException("--duplication-baseline-posts: " + duplicationBaselinePosts + " is below 1000 posts");
    }
    return new Benchmark.Options(List.copyOf(n), format, seed, data, out, !noBaselines, !noWarmUp,
        List.copyOf(new java.util.LinkedHashSet<>(families)), parseBytes(familyBytes), List.copyOf(dup), baseline);
  }

  /** "1G", "500M", "64k", "1000000" → bytes. */
  static long parseBytes(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT).replace("B", "").replace("I", "");
    long mult = 1;
    if (t.endsWith("K")) mult = 1L << 10;
    else if (t.endsWith("M")) mult = 1L << 20;
    else if (t.endsWith("G")) mult = 1L << 30;
    if (mult > 1) t = t.substring(0, t.length() - 1);
    try {
      double v = Double.parseDouble(t) * mult;
      if (v < 1 << 20) throw new UsageException("--family-bytes: " + s + " is below 1M");
      return (long) v;
    } catch (NumberFormatException e) {
      throw new UsageException("--family-bytes: '" + s + "' is not a size (examples: 1G, 500M)");
    }
  }

  @Override
  public Integer call() {
    Benchmark.Options o = options();
    SparkSession spark = SparkSessions.getOrCreate("megaphone bench", 0);
    try {
      String context = String.format(Locale.ROOT, "- Megaphone %s, Spark %s, master %s, shuffle partitions %s; input format %s, seed %d%n",
          Version.get(), spark.version(), spark.sparkContext().master(), spark.conf().get("spark.sql.shuffle.partitions"),
          o.format(), o.seed());
      Benchmark.run(spark, o, rows -> BenchReport.write(rows, Path.of(o.out()), context));
      spec.commandLine().getOut().println("Bench: " + Path.of(o.out(), "bench.md"));
      spec.commandLine().getOut().flush();
    } finally {
      spark.stop();
    }
    return 0;
  }
}
