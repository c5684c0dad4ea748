package io.megaphone.cli;

import io.megaphone.archive.OutputLayout;
import io.megaphone.generate.ArchiveGenerator;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.spark.Progress;
import io.megaphone.spark.SparkSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a synthetic archive of N posts with planted truth: OUT/data/part-*.{jsonl,csv},"
        + " OUT/brands.csv, OUT/job.yaml (run it with 'run --job OUT/job.yaml') and OUT/truth.json.",
        "Deterministic: the same options give byte-identical files; --posts-per-file only moves the cuts"
        + " between files. Memory does not grow with --posts."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--posts", required = true, paramLabel = "N",
      description = "Number of posts, e.g. 100000, 250k, 10M.")
  String posts;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "canonical",
      completionCandidates = GeneratedFormatNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}. canonical holds all platforms (Twitter, Facebook, Instagram,"
          + " YouTube, LinkedIn, Mastodon); the others are one-platform archives in that source format"
          + " (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (local or any Hadoop file system).")
  String out;

  @Option(names = "--posts-per-file", paramLabel = "N", defaultValue = "250k",
      description = "Posts per data file, a multiple of 1000; one Spark task writes each file (default ${DEFAULT-VALUE}).")
  String postsPerFile;

  @Option(names = "--brands", paramLabel = "N", defaultValue = "0",
      description = "Number of brands (default: grows with the archive, √posts / 5, between 12 and 2000).")
  int brands;

  @Option(names = "--start", paramLabel = "DATE", defaultValue = "2020-01-01",
      description = "First day of the period (default ${DEFAULT-VALUE}; the COVID-19 lockdowns are crisis windows).")
  String start;

  @Option(names = "--end", paramLabel = "DATE", defaultValue = "2022-01-01",
      description = "End of the period, exclusive (default ${DEFAULT-VALUE}).")
  String end;

  @Option(names = "--labels", description = "Also write OUT/labels/part-*.csv: the planted truth of every post.")
  boolean labels;

  @Option(names = "--overwrite", description = "Replace a non-empty OUT.")
  boolean overwrite;

  @Option(names = "--brand-posts-only", description = "Only brands publishing: originals, their copies on other"
      + " platforms and accounts, re-posts; no public posts, comments or answers (duplication benchmarks).")
  boolean brandPostsOnly;

  /** Parsed and validated options; throws UsageException before anything runs. */
  GeneratorOptions options() {
    return new GeneratorOptions(GeneratorOptions.parseCount(posts), format, seed, out,
        GeneratorOptions.parseCount(postsPerFile), brands, GeneratorOptions.parseDate("--start", start),
        GeneratorOptions.parseDate("--end", end), labels, overwrite, brandPostsOnly);
  }

  @Override
  public Integer call() {
    GeneratorOptions o = options();
    ArchiveGenerator.prepareOutput(o);
    Instant started = Instant.now();
    SparkSession spark = SparkSessions.getOrCreate("megaphone generate", 0);
    try {
      ArchiveGenerator.Result r = ArchiveGenerator.run(spark, o);
      double s = Duration.between(started, Instant.now()).toMillis() / 1e3;
      Progress.say("generate", String.format(Locale.ROOT, "finished in %.1f s (%,.0f posts/s)", s, r.posts() / s));
      spec.commandLine().getOut().println("Archive: " + OutputLayout.displayPath(r.out()));
      spec.commandLine().getOut().println("Job: " + OutputLayout.displayPath(r.jobFile()));
      spec.commandLine().getOut().println("Truth: " + OutputLayout.displayPath(r.truthFile()));
      spec.commandLine().getOut().flush();
    } finally {
      spark.stop();
    }
    return 0;
  }
}
