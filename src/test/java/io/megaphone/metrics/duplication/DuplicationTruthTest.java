package io.megaphone.metrics.duplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.megaphone.generate.ArchiveGenerator;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplication metric against the brute-force truth ({@link BruteForceDuplication}: every pair of a brand's
 * texts compared) on a generated archive and on the French media data (tweets and YouTube titles of the same
 * brands): pair recall at least 0.98, no reported pair below the threshold, clusters per brand equal to the truth's.
 * The generated archive also checks that the planted duplicate groups are recovered, and that a run with 2 and
 * one with 64 shuffle partitions write byte-identical duplication tables.
 */
class DuplicationTruthTest {
  static final double THRESHOLD = 0.8;
  @TempDir static Path tmp;
  static Path generated;
  static Path run2;
  static Path run64;

  @BeforeAll
  static void generateAndRun() {
    generated = tmp.resolve("gen");
    ArchiveGenerator.run(TestSpark.session(), new GeneratorOptions(60_000, "canonical", 11, generated.toString(),
        20_000, 0, GeneratorOptions.DEFAULT_START, GeneratorOptions.DEFAULT_END, true, false));
    run2 = tmp.resolve("run2");
    Pipeline.runJob(generated.resolve("job.yaml"), run2, EnumSet.of(Stage.INGEST, Stage.ANALYZE),
        "spark.shuffle-partitions=2");
    run64 = tmp.resolve("run64");
    Pipeline.runJob(generated.resolve("job.yaml"), run64, EnumSet.of(Stage.INGEST, Stage.ANALYZE),
        "spark.shuffle-partitions=64");
  }

  @Test
  void generated_matchesBruteForce() throws IOException {
    assertMatchesBruteForce(run2, 50);
  }

  @Test
  void generated_sameTablesWhateverThePartitioning() throws IOException {
    for (String table : List.of("duplication", "duplication_pairs", "duplication_top_clusters")) {
      byte[] a = Files.readAllBytes(run2.resolve("metrics/" + table + ".csv"));
      byte[] b = Files.readAllBytes(run64.resolve("metrics/" + table + ".csv"));
      assertThat(new String(b, StandardCharsets.UTF_8)).as(table + ".csv, 64 vs 2 partitions")
          .isEqualTo(new String(a, StandardCharsets.UTF_8));
    }
  }

  /**
   * Determinism (issue 7): every metrics CSV of the run — ingest summary, responsiveness, duplication, quality — is
   * byte-identical with 2 and with 64 shuffle partitions (sort orders fixed, no floating-point sum whose order
   * depends on the partitioning).
   */
  @Test
  void generated_everyMetricsCsvIdenticalWith2And64ShufflePartitions() throws IOException {
    List<String> tables;
    try (var files = Files.list(run2.resolve("metrics"))) {
      tables = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    }
    assertThat(tables).contains("ingest_summary.csv", "responsiveness.csv", "responsiveness_monthly.csv",
        "duplication.csv", "quality.csv", "platform_quality.csv", "quality_tests.csv", "quality_examples.csv");
    try (var files = Files.list(run64.resolve("metrics"))) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList())
          .isEqualTo(tables);
    }
    for (String t : tables) {
      assertThat(Files.readString(run64.resolve("metrics/" + t))).as(t + ", 64 vs 2 partitions")
          .isEqualTo(Files.readString(run2.resolve("metrics/" + t)));
    }
  }

  /**
   * Each planted group (an original and its verbatim, edited and self-reposted copies, all at least 0.85 similar
   * to the original) lies in one cluster; and truth.json's planted cross-platform groups are found.
   */
  @Test
  void generated_plantedGroupsRecovered() throws IOException {
    Map<String, String> clusterOfPost = new HashMap<>();
    for (Row r : TestSpark.session().read().parquet(run2.resolve("metrics/duplication_clusters").toString())
        .select("platform", "post_id", "cluster_id").collectAsList()) {
      clusterOfPost.put(r.getString(0) + "/" + r.getString(1), Long.toString(r.getLong(2)));
    }
    Map<String, List<String>> groups = new TreeMap<>();
    List<Path> labelFiles;
    try (var l = Files.list(generated.resolve("labels"))) {
      labelFiles = l.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(labelFiles).isNotEmpty();
    for (Path f : labelFiles) try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String copy = rec.get("copy");
        if (rec.get("content_group").isEmpty() || !rec.get("role").equals("brand_original")) continue;
        if (!Set.of("original", "verbatim", "edited", "self_repost").contains(copy)) continue;
        groups.computeIfAbsent(rec.get("content_group"), g -> new ArrayList<>())
            .add(rec.get("platform") + "/" + rec.get("post_id"));
      }
    }
    Set<String> considered = new HashSet<>();
    for (BruteForceDuplication.Post p : BruteForceDuplication.originals(run2)) {
      String n = BruteForceDuplication.normalise(p.text());
      if (!n.isEmpty() && n.split(" ").length >= 5) considered.add(p.key());
    }
    int checked = 0;
    List<String> split = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<String> members = g.getValue().stream().filter(considered::contains).toList();
      if (members.size() < 2) continue;
      checked++;
      Set<String> clusters = new HashSet<>();
      for (String m : members) clusters.add(clusterOfPost.getOrDefault(m, "none:" + m));
      if (clusters.size() != 1) split.add(g.getKey() + " " + members + " → " + clusters);
    }
    assertThat(checked).as("planted groups with two or more considered posts").isGreaterThan(500);
    assertThat(split).as("planted groups split across clusters").isEmpty();
  }

  @Test
  void frenchMedia_tweetsAndYoutubeTitles_matchBruteForce() throws IOException {
    String missing = Pipeline.missingRealFiles("frenchmedia/twitter/tweets.json",
        "frenchmedia/youtube/videos2.csv", "frenchmedia/brands.csv");
    assumeTrue(missing == null, missing);
    Path out = tmp.resolve("frenchmedia");
    Pipeline.runJob(Path.of("jobs/frenchmedia.yaml"), out, EnumSet.of(Stage.INGEST, Stage.ANALYZE));
    assertMatchesBruteForce(out, 10);
  }

  private static void assertMatchesBruteForce(Path out, int minTruthPairs) throws IOException {
    BruteForceDuplication.Truth truth = BruteForceDuplication.compute(BruteForceDuplication.originals(out), THRESHOLD);
    Set<String> reported = BruteForceDuplication.reported(out);
    long found = truth.pairs().stream().filter(reported::contains).count();
    double recall = truth.pairs().isEmpty() ? 1 : (double) found / truth.pairs().size();
    System.out.printf("duplication vs brute force (%s): %,d true pairs, %,d reported, recall %.4f%n",
        out.getFileName(), truth.pairs().size(), reported.size(), recall);
    assertThat(truth.pairs().size()).as("true pairs").isGreaterThanOrEqualTo(minTruthPairs);
    assertThat(recall).as("pair recall").isGreaterThanOrEqualTo(0.98);
    Set<String> wrong = new HashSet<>(reported);
    wrong.removeAll(truth.pairs());
    assertThat(wrong).as("reported pairs below the threshold (by the brute force)").isEmpty();

    Map<String, Long> considered = new TreeMap<>();
    Map<String, Long> clusters = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(out.resolve("metrics/duplication.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!rec.get("platform").equals("all")) continue;
        long c = Long.parseLong(rec.get("posts_considered"));
        if (c > 0) considered.put(rec.get("brand"), c);
        long k = Long.parseLong(rec.get("clusters"));
        if (k > 0) clusters.put(rec.get("brand"), k);
      }
    }
    assertThat(considered).as("posts considered per brand").isEqualTo(truth.considered());
    assertThat(clusters).as("clusters per brand").isEqualTo(truth.clusters());
  }
}
