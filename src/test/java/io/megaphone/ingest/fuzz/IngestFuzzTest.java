package io.megaphone.ingest.fuzz;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;
import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.archive.OutputLayout;
import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Pipeline-level fuzz: mutated records of every registered format (12,000 in all, at least 1,000 per format, at most 20 files of one document each;
 * {@code -Dfuzz.ingest.mutations=N}) go through the real ingest stage ({@link JobRunner}, as the CLI runs it,
 * one job per format in the shared session). The job must finish with exit code 0; every mutated file must
 * reconcile in ingest_summary.csv ({@code read = accepted + quarantined}, reasons summing up); every
 * quarantined record must name a reason, a detail, its file and its position; every accepted post its file
 * and position; and the rows of each file and of each record in it must be plausible (see {@link FuzzCorpus}).
 */
class IngestFuzzTest {
  static final String NAME = "ingest-fuzz";
  static final int TOTAL = Integer.getInteger("fuzz.ingest.mutations", 12_000);
  static final int PER_FORMAT_MIN = 1_000;
  static final int DOCUMENT_FILES = 20;
  static final int REQUIRED_TOTAL = 10_000;
  private static final AtomicLong MUTATIONS = new AtomicLong();

  @BeforeAll
  static void reset() {
    Fuzz.resetReport(NAME);
  }

  @Test
  void everyRegisteredFormatHasRecordsToMutate() {
    assertThat(Fuzz.formatsWithoutSeeds()).as(Fuzz.noSeedsMessage(Fuzz.formatsWithoutSeeds())).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> ingestOfMutatedRecordsCompletesAndReconciles() {
    List<SourceFormat> formats = Fuzz.formats();
    int budget = Math.max(PER_FORMAT_MIN, (TOTAL + formats.size() - 1) / formats.size());
    Stream<DynamicTest> perFormat = formats.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> fuzz(f, budget)));
    Stream<DynamicTest> total = Stream.of(DynamicTest.dynamicTest("at least " + REQUIRED_TOTAL + " mutations in all",
        () -> {
          Fuzz.report(NAME, String.format("total: %,d mutations over %d format(s) %s", MUTATIONS.get(), formats.size(),
              formats.stream().map(SourceFormat::name).toList()));
          if (System.getProperty("fuzz.formats", "").isBlank()) {
            assertThat(MUTATIONS.get()).isGreaterThanOrEqualTo(REQUIRED_TOTAL);
          }
        }));
    return Stream.concat(perFormat, total);
  }

  private static void fuzz(SourceFormat format, int budget) throws IOException {
    String name = format.name();
    SparkSession spark = TestSpark.session();
    long t0 = System.nanoTime();
    FuzzSeeds seeds = FuzzSeeds.of(format, Fuzz.WORK);
    long t1 = System.nanoTime();
    assertThat(seeds.units).as(name + ": no seed record (" + seeds.notes + ")").isNotEmpty();
    Path root = Fuzz.WORK.resolve(NAME).resolve(name).toAbsolutePath();
    FuzzCorpus corpus = FuzzCorpus.build(seeds, root.resolve("data"), Fuzz.seedFor(name) + 1, budget, DOCUMENT_FILES);
    MUTATIONS.addAndGet(corpus.mutations);
    Path out = root.resolve("out");
    FuzzSeeds.deleteRecursively(out);

    // the job as a user would write it: one input per settings group (a folder), the default parameters
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (int g = 0; g < seeds.groups.size(); g++) {
      Path folder = root.resolve("data").resolve("g" + g);
      if (!Files.isDirectory(folder)) continue;
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("format", name);
      input.put("path", folder.toString());
      input.putAll(seeds.groups.get(g));
      inputs.add(input);
    }
    Path job = root.resolve("job.yaml");
    Files.writeString(job, new Yaml().dump(Map.of("name", "fuzz " + name, "inputs", inputs)), StandardCharsets.UTF_8);
    JobSettings settings = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(job.toString()), List.of(), Optional.empty(), Optional.of(out.toString()), List.of()), true, true);
    List<String> files = FuzzCrash.files(corpus);
    long t2 = System.nanoTime();
    int code;
    try {
      code = new JobRunner(settings, EnumSet.of(Stage.INGEST), "fuzz").run(spark);
    } catch (Exception e) {
      throw new AssertionError("ingest of mutated " + name + " files failed: " + FuzzCrash.rootCause(e) + "\n"
          + FuzzCrash.culprits(format, seeds, corpus), e);
    }
    assertThat(code).as(name + ": ingest exit code").isZero();
    long t3 = System.nanoTime();

    // reconciliation, file by file
    Map<String, CSVRecord> summary = new HashMap<>();
    for (CSVRecord r : readCsv(out.resolve("metrics").resolve("ingest_summary.csv"))) summary.put(r.get("source"), r);
    List<String> unreconciled = new ArrayList<>();
    long read = 0;
    long accepted = 0;
    long quarantined = 0;
    for (FuzzCorpus.FuzzFile f : corpus.files) {
      CSVRecord s = summary.get(f.path().toString());
      if (s == null) {
        unreconciled.add(f.path() + ": not in ingest_summary.csv");
        continue;
      }
      long r = Long.parseLong(s.get("records_read"));
      long a = Long.parseLong(s.get("records_accepted"));
      long q = Long.parseLong(s.get("records_quarantined"));
      long byReason = 0;
      for (QuarantineReason reason : QuarantineReason.values()) byReason += Long.parseLong(s.get("quarantined_" + reason.code()));
      if (r != a + q || byReason != q || !"true".equals(s.get("reconciled")) || !name.equals(s.get("format"))) {
        unreconciled.add(f.path() + ": read " + r + ", accepted " + a + ", quarantined " + q + " (by reason "
            + byReason + "), reconciled " + s.get("reconciled") + ", format " + s.get("format"));
      }
      read += r;
      accepted += a;
      quarantined += q;
    }
    assertThat(summary).as(name + ": one summary row per mutated file").hasSize(corpus.files.size());
    assertThat(unreconciled).as(name + ": files that do not reconcile").isEmpty();

    // every quarantined record says why, names its file and its position; every accepted post its file and position
    OutputLayout layout = new OutputLayout(out.toString(), spark.sparkContext().hadoopConfiguration());
    Dataset<Row> quarantine = spark.read().schema(CanonicalSchema.QUARANTINE).parquet(layout.quarantine());
    Dataset<Row> archive = spark.read().schema(CanonicalSchema.POST).parquet(layout.archive());
    Column notAFile = col("source_file").isin(files.toArray()).equalTo(false).or(col("source_file").isNull());
    Column noPosition = col("source_record").isNull().or(trim(col("source_record")).equalTo(""));
    List<Row> badQuarantine = quarantine.filter(notAFile.or(noPosition)
            .or(col("reason").isNull()).or(trim(col("reason")).equalTo(""))
            .or(col("detail").isNull()).or(trim(col("detail")).equalTo(""))
            .or(col("format").notEqual(name)))
        .limit(10).collectAsList();
    assertThat(badQuarantine).as(name + ": quarantined records without reason, detail, file or position").isEmpty();
    List<Row> badArchive = archive.filter(notAFile.or(noPosition).or(col("post_id").isNull())
        .or(col("created_at").isNull())).limit(10).collectAsList();
    assertThat(badArchive).as(name + ": accepted posts without file, position, id or timestamp").isEmpty();
    assertThat(archive.count() + quarantine.count()).as(name + ": archive + quarantine = records read")
        .isEqualTo(read);

    // plausible number of rows per file and per record
    Map<String, Map<String, Long>> positions = new HashMap<>();
    for (Row r : archive.select("source_file", "source_record").unionByName(quarantine.select("source_file",
        "source_record")).groupBy("source_file", "source_record").count().collectAsList()) {
      positions.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .merge(FuzzReads.positionKey(r.getString(1)), r.getLong(2), Long::sum);
    }
    List<String> implausible = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FuzzCorpus.FuzzFile f = corpus.files.get(i);
      long rows = Long.parseLong(summary.get(f.path().toString()).get("records_read"));
      implausible.addAll(FuzzCorpus.implausible(f, rows, positions.get(files.get(i))));
    }
    Fuzz.report(NAME, String.format("%s: %,d mutations in %d files -> read %,d = accepted %,d + quarantined %,d;"
        + " every file reconciles; %s; seconds: seeds %.1f, mutated files %.1f, ingest %.1f, checks %.1f", name,
        corpus.mutations, files.size(), read, accepted, quarantined, Fuzz.seedsLine(seeds), (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9));
    assertThat(implausible).as(name + ": files with fewer rows than plausible").isEmpty();
  }

  private static List<CSVRecord> readCsv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }
}
