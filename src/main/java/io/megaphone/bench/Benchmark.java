package io.megaphone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.cli.JobRunner;
import io.megaphone.generate.ArchiveGenerator;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.spark.Progress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;

/**
 * {@code megaphone bench}: for each archive size, generates (or reuses) a synthetic archive, then measures in
 * one process and one Spark session: each pipeline stage (and each metric family inside analyze), then the
 * {@link Baseline}s — the bare-conversion floor, the DuckDB reference — so every ratio compares runs on the same input, same machine,
 * same minute. New stages and metric families appear here without changes: analyze rows come from the
 * manifest's per-family timings.
 */
public final class Benchmark {
  private static final String STAGE = "bench";

  /** Validated bench options; {@code data} holds the generated archives (reused between runs). */
  public record Options(List<Long> sizes, String format, long seed, String data, String out, boolean baselines,
      boolean warmUp, List<String> ingestFormats, long familyBytes, List<Long> duplicationSizes,
      long duplicationBaselinePosts) {
    public Options(List<Long> sizes, String format, long seed, String data, String out, boolean baselines,
        boolean warmUp) {
      this(sizes, format, seed, data, out, baselines, warmUp, List.of(), 0, List.of(), 0);
    }
  }

  /** A measured piece of work. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  private final SparkSession spark;
  private final Options o;
  private final List<BenchRow> rows = new ArrayList<>();

  private Benchmark(SparkSession spark, Options o) {
    this.spark = spark;
    this.o = o;
  }

  /** @param afterEachSize called with all rows so far once a size is done (the report is kept current) */
  public static List<BenchRow> run(SparkSession spark, Options o, java.util.function.Consumer<List<BenchRow>> afterEachSize) {
    Benchmark b = new Benchmark(spark, o);
    if (o.warmUp()) b.warmUp();
    for (long size : o.sizes()) {
      b.size(size);
      afterEachSize.accept(List.copyOf(b.rows));
    }
    for (String format : o.ingestFormats()) {
      b.family(format);
      afterEachSize.accept(List.copyOf(b.rows));
    }
    DuplicationBench dup = new DuplicationBench(spark, o, b::measure, b::replace);
    for (long posts : o.duplicationSizes()) {
      dup.size(posts);
      afterEachSize.accept(List.copyOf(b.rows));
    }
    if (o.duplicationBaselinePosts() > 0) {
      dup.againstMllib(o.duplicationBaselinePosts());
      afterEachSize.accept(List.copyOf(b.rows));
    }
    return b.rows;
  }

  /** JIT and class loading on a small archive first, so the first measured step does not pay for them. */
  private void warmUp() {
    Progress.say(STAGE, "warming up on 10,000 posts (not measured)");
    GeneratorOptions g = generatorOptions(10_000);
    if (!ArchiveGenerator.isComplete(g)) {
      ArchiveGenerator.prepareOutput(g);
      ArchiveGenerator.run(spark, g);
    }
    String runOut = runFolder(g);
    JobSettings settings = settings(g, runOut);
    check(new JobRunner(settings, EnumSet.allOf(Stage.class), "megaphone bench (warm-up)").run(spark), "warm-up");
    if (!o.baselines()) return;
    Baseline.Context ctx = context(g, runOut, settings);
    for (Baseline b : Baseline.all()) {
      if (!b.available()) continue;
      try {
        b.run(ctx);
      } catch (Exception e) {
        throw new IllegalStateException("warm-up of " + b.step() + " failed", e);
      }
    }
  }

  private void size(long posts) {
    GeneratorOptions g = generatorOptions(posts);
    String label = String.format(Locale.ROOT, "%,d posts", posts);
    if (ArchiveGenerator.isComplete(g)) {
      Progress.say(STAGE, label + ": reusing " + g.out());
    } else {
      ArchiveGenerator.prepareOutput(g);
      measure(posts, "generate", -1, "", () -> ArchiveGenerator.run(spark, g));
    }
    long inputBytes = directoryBytes(Path.of(g.out(), "data"));
    String runOut = runFolder(g);
    JobSettings settings = settings(g, runOut);

    measure(posts, "ingest", inputBytes, "validate, quarantine, dedup, brands, archive, reconcile",
        () -> check(new JobRunner(settings, EnumSet.of(Stage.INGEST), "megaphone bench").run(spark), "ingest"));
    long archiveBytes = directoryBytes(Path.of(runOut, "archive"));
    measure(posts, "analyze", archiveBytes, "all metric families",
        () -> check(new JobRunner(settings, EnumSet.of(Stage.ANALYZE), "megaphone bench").run(spark), "analyze"));
    familyRows(posts, runOut, archiveBytes);
    measure(posts, "report", -1, "HTML, charts, PDF",
        () -> check(new JobRunner(settings, EnumSet.of(Stage.REPORT), "megaphone bench").run(spark), "report"));

    if (!o.baselines()) return;
    Baseline.Context ctx = context(g, runOut, settings);
    for (Baseline b : Baseline.all()) {
      if (!b.available()) {
        Progress.say(STAGE, b.step() + ": not available here (a dependency is missing), skipped");
        continue;
      }
      String[] note = {""};
      BenchRow base = measure(posts, b.step(), b.against().equals("ingest") ? inputBytes : archiveBytes, "",
          () -> note[0] = b.run(ctx));
      replace(base, base.withNote(note[0]));
      rows.stream().filter(r -> r.posts() == posts && r.step().equals(b.against())).findFirst()
          .ifPresent(r -> replace(r, r.withRatio(r.wallSeconds() / base.wallSeconds(), b.step())));
    }
  }

  /**
   * One format family's ingest row next to its floor, on at least {@code familyBytes} of generated input: a
   * 10,000-post sample (ingested unmeasured, which also warms the format's parser) gives the bytes per post.
   */
  private void family(String format) {
    GeneratorOptions sample = generatorOptions(format, 10_000);
    if (!ArchiveGenerator.isComplete(sample)) {
      ArchiveGenerator.prepareOutput(sample);
      ArchiveGenerator.run(spark, sample);
    }
    String sampleRun = runFolder(sample);
    check(new JobRunner(settings(sample, sampleRun), EnumSet.of(Stage.INGEST), "megaphone bench (warm-up)").run(spark),
        "warm-up ingest of " + format);
    double bytesPerPost = directoryBytes(Path.of(sample.out(), "data")) / 10_000.0;
    long block = GeneratorOptions.BLOCK;
    long posts = Math.max(block, (long) Math.ceil(o.familyBytes() / bytesPerPost / block) * block);
    GeneratorOptions g = generatorOptions(format, posts);
    String label = String.format(Locale.ROOT, "%s, %,d posts (%.0f bytes/post)", format, posts, bytesPerPost);
    if (ArchiveGenerator.isComplete(g)) {
      Progress.say(STAGE, label + ": reusing " + g.out());
    } else {
      Progress.say(STAGE, label + ": generating");
      ArchiveGenerator.prepareOutput(g);
      ArchiveGenerator.run(spark, g);
    }
    long inputBytes = directoryBytes(Path.of(g.out(), "data"));
    String runOut = runFolder(g);
    JobSettings settings = settings(g, runOut);
    BenchRow ingest = measure(posts, format, "ingest", inputBytes, "format family row",
        () -> check(new JobRunner(settings, EnumSet.of(Stage.INGEST), "megaphone bench").run(spark), "ingest"));
    if (!o.baselines()) return;
    Baseline floor = new Baseline.SparkFloor();
    String[] note = {""};
    BenchRow base = measure(posts, format, floor.step(), inputBytes, "",
        () -> note[0] = floor.run(context(g, runOut, settings)));
    replace(base, base.withNote(note[0]));
    replace(ingest, ingest.withRatio(ingest.wallSeconds() / base.wallSeconds(), floor.step()));
  }

  private GeneratorOptions generatorOptions(long posts) {
    return generatorOptions(o.format(), posts);
  }

  private GeneratorOptions generatorOptions(String format, long posts) {
    String dir = Path.of(o.data()).resolve(format + "-" + posts + "-seed" + o.seed()).toString();
    return new GeneratorOptions(posts, format, o.seed(), dir, GeneratorOptions.DEFAULT_POSTS_PER_FILE, 0,
        GeneratorOptions.DEFAULT_START, GeneratorOptions.DEFAULT_END, false, true);
  }

  private Baseline.Context context(GeneratorOptions g, String runOut, JobSettings settings) {
    return new Baseline.Context(spark, g.format(), g.dataExtension(), g.out() + "/data", g.out(), runOut, settings);
  }

  static String runFolder(GeneratorOptions g) {
    return Path.of(g.out(), "bench-run").toString();
  }

  static JobSettings settings(GeneratorOptions g, String runOut) {
    return new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(Path.of(g.out(), "job.yaml").toString()), List.of(), Optional.empty(), Optional.of(runOut),
        List.of()), true, true);
  }

  static void check(int exit, String what) {
    if (exit != 0) throw new IllegalStateException(what + " failed (exit " + exit + ")");
  }

  /** Analyze's per-family seconds from the manifest: the family's share of the stage. */
  private void familyRows(long posts, String runOut, long archiveBytes) {
    try {
      JsonNode fams = new ObjectMapper().readTree(Path.of(runOut, "manifest.json").toFile())
          .path("stages").path("analyze").path("metric_families");
      for (Iterator<Map.Entry<String, JsonNode>> it = fams.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        BenchRow r = new BenchRow(posts, o.format(), "analyze: " + e.getKey(), e.getValue().path("seconds").asDouble(),
            -1, -1, archiveBytes, null, "", "status " + e.getValue().path("status").asText());
        if (e.getKey().equals("quality")) {
          // issue 6's target: the quality stage adds at most 30 % to the ingest of the same archive
          BenchRow ingest = rows.stream().filter(x -> x.posts() == posts && x.step().equals("ingest")).findFirst()
              .orElse(null);
          if (ingest != null) r = r.withRatio(r.wallSeconds() / ingest.wallSeconds(), "ingest");
        }
        rows.add(r);
      }
    } catch (IOException e) {
      Progress.say(STAGE, "no per-family timings: " + e);
    }
  }

  private BenchRow measure(long posts, String step, long inputBytes, String note, Work work) {
    return measure(posts, o.format(), step, inputBytes, note, work);
  }

  BenchRow measure(long posts, String format, String step, long inputBytes, String note, Work work) {
    Progress.say(STAGE, String.format(Locale.ROOT, "%,d posts: %s ...", posts, step));
    long start;
    double seconds;
    BenchRow row;
    try (HeapWatch heap = new HeapWatch()) {
      start = System.nanoTime();
      try {
        work.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(step + " failed", e);
      }
      seconds = (System.nanoTime() - start) / 1e9;
      row = new BenchRow(posts, format, step, seconds, heap.peakUsedBytes(), heap.peakLiveBytes(), inputBytes,
          null, "", note);
    }
    Progress.say(STAGE, String.format(Locale.ROOT, "%,d posts: %s took %.1f s", posts, step, seconds));
    rows.add(row);
    return row;
  }

  void replace(BenchRow old, BenchRow updated) {
    rows.set(rows.indexOf(old), updated);
  }

  static long directoryBytes(Path dir) {
    if (!Files.exists(dir)) return -1;
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares the DuckDB table with the run's responsiveness.csv (inbound and answered per row). */
  static final class DuckDbAgreement {
    private DuckDbAgreement() {}

    static String check(List<DuckDbResponsiveness.Row> duck, String runOut) throws IOException {
      Map<String, String> spark = new HashMap<>();
      try (Reader r = Files.newBufferedReader(Path.of(runOut, "metrics", "responsiveness.csv"), StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
          spark.put(rec.get("brand") + "\u0000" + rec.get("platform"), rec.get("inbound") + "/" + rec.get("answered"));
        }
      }
      int differ = 0;
      for (DuckDbResponsiveness.Row d : duck) {
        String s = spark.get(d.brand() + "\u0000" + d.platform());
        if (s == null || !s.equals(d.inbound() + "/" + d.answered())) differ++;
      }
      return differ == 0 && duck.size() == spark.size()
          ? "agrees with responsiveness.csv on all " + duck.size() + " rows (inbound, answered)"
          : "DIFFERS from responsiveness.csv on " + differ + " of " + duck.size() + " rows";
    }
  }
}
