package io.megaphone.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Parameter;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated archives run through the real pipeline (ingest + analyze on the generated {@code job.yaml}): the
 * responsiveness table reproduces the counts truth.json says were realised, exactly, and the response rates
 * measure the planted behaviour.
 */
class GeneratedResponsivenessTest {
  private static final long SEED = 20_240_601;

  @TempDir
  static Path tmp;
  static Path canonical;
  static JsonNode canonicalTruth;
  static Map<String, CSVRecord> canonicalTable;

  @BeforeAll
  static void generateAndRunCanonical() throws IOException {
    canonical = tmp.resolve("canonical");
    GeneratedArchives.generate(canonical, 100_000, "canonical", SEED, 25_000, false);
    canonicalTruth = GeneratedArchives.truth(canonical);
    canonicalTable = runJob(canonical, 100_000);
  }

  /** (a) every brand × platform (and brand × all) of truth.realised: inbound, answered_7d and posts, exactly. */
  @Test
  void canonical_realisedCountsAreMeasuredExactly() {
    assertThat(canonicalTruth.get("brands").size()).isEqualTo(GeneratorOptions.defaultBrands(100_000));
    assertRealisedCountsMatch(canonicalTruth, canonicalTable, 6);
  }

  /**
   * (b) The measured 7-day response rate of each brand lies within 4 standard errors of the planted
   * {@code expected_response_rate_7d} = answer_probability × P(log-normal response time ≤ 7 days).
   *
   * <p>Why 4σ: every inbound post of a brand is answered within 7 days independently with probability p =
   * answer_probability × Φ((ln 7 d − ln median) / σ), one draw of the brand's answer coin and one of its
   * log-normal response time, so answered ~ Binomial(n, p) given the n inbound posts (to within what the
   * generator adds: follow-ups, which exist only after an answer but are themselves answered with the same p,
   * and the rare inbound post whose answer fell beyond the end of its 1000-post block; both move the rate by
   * O(1/n)). The standard error is sqrt(p(1−p)/n), floored at 0.5/n so that brands with p near 0 or 1 are not
   * held to a zero-width band. |z| ≤ 4 fails by chance with probability ≈ 6e-5 per brand (two-sided normal
   * tail), so with ~60 brands the family-wise chance of a spurious failure is below 0.5%. And generation is
   * deterministic: for this fixed seed the outcome is fixed once and for all — the test either always passes
   * or always fails, it cannot be flaky. A real error (a horizon off by a day, answers attributed to the wrong
   * brand, the probability of the time tail mis-planted) moves many brands by far more than 4σ.
   */
  @Test
  void canonical_responseRatesMatchThePlantedRates() {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-32s %6s %9s %9s %7s%n", "brand", "n",
        "expected", "measured", "z"));
    int checked = 0;
    double maxAbsZ = 0;
    StringBuilder failures = new StringBuilder();
    for (JsonNode b : canonicalTruth.get("brands")) {
      String name = b.get("name").asText();
      long n = b.path("realised").path("all").path("inbound").asLong();
      if (n < 50) continue;
      CSVRecord row = canonicalTable.get(key(name, "all"));
      assertThat(row).as(name + " / all").isNotNull();
      assertThat(Long.parseLong(row.get("inbound"))).as(name + " inbound").isEqualTo(n);
      double p = b.path("planted").path("expected_response_rate_7d").asDouble();
      double measured = Double.parseDouble(row.get("response_rate"));
      double se = Math.max(Math.sqrt(p * (1 - p) / n), 0.5 / n);
      double z = (measured - p) / se;
      table.append(String.format(Locale.ROOT, "%-32s %6d %9.4f %9.4f %+7.2f%n", name, n, p, measured, z));
      if (Math.abs(z) > 4) failures.append(String.format(Locale.ROOT, "%s: n %d, expected %.4f, measured %.4f, z %.2f%n",
          name, n, p, measured, z));
      maxAbsZ = Math.max(maxAbsZ, Math.abs(z));
      checked++;
    }
    table.append(String.format(Locale.ROOT, "%d brands checked, max |z| = %.2f%n", checked, maxAbsZ));
    System.out.print("GeneratedResponsivenessTest: 7-day response rate, planted vs measured (100,000 canonical posts,"
        + " seed " + SEED + ")\n" + table);
    assertThat(checked).as("brands with at least 50 inbound posts").isGreaterThanOrEqualTo(30);
    assertThat(failures.toString()).as("brands more than 4 standard errors from the planted rate").isEmpty();
  }

  /** (c) The Twitter-only formats: the exact checks of (a) on 20,000 posts each. */
  @ParameterizedTest
  @ValueSource(strings = {"twitter-v2", "twcs"})
  void twitterFormats_realisedCountsAreMeasuredExactly(String format) throws IOException {
    Path dir = tmp.resolve(format);
    GeneratedArchives.generate(dir, 20_000, format, SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"twitter\"]");
    assertRealisedCountsMatch(truth, runJob(dir, 20_000), 1);
  }

  /**
   * (d) The mapped format: a ';'-separated spreadsheet with its own column names, day-first dates and the
   * platform in a column, read through the mapping the generated job file declares; the exact checks of (a).
   */
  @Test
  void mappedSpreadsheet_realisedCountsAreMeasuredExactly() throws IOException {
    Path dir = tmp.resolve("mapped");
    GeneratedArchives.generate(dir, 20_000, "mapped", SEED, 10_000, false);
    assertThat(Files.readString(dir.resolve("job.yaml"))).contains("platform_column: reseau", "created_at: date");
    assertRealisedCountsMatch(GeneratedArchives.truth(dir), runJob(dir, 20_000), 4);
  }

  /**
   * The generated job admits every generated post, even answers that come months after --end (log-normal response
   * times have no upper bound): a post quarantined as impossible_timestamp would be counted by truth.json and not
   * by the metrics. A two-day period puts every inbound post near the end; with this seed two posts (a late answer
   * and the follow-up to it) fall after end + 60 days, which the job file used to cut.
   */
  @Test
  void jobFileAdmitsEveryPost_evenAnswersMonthsAfterTheEnd() throws IOException {
    Path dir = tmp.resolve("short-period");
    Instant end = Instant.parse("2022-01-01T00:00:00Z");
    GeneratedArchives.generate(new GeneratorOptions(20_000, "canonical", 10, dir.toString(), 10_000, 0,
        Instant.parse("2021-12-30T00:00:00Z"), end, false, false));
    JobSettings s = resolve(dir);
    Instant min = Instant.parse(s.param(Parameter.INGEST_MIN_CREATED_AT));
    Instant max = Instant.parse(s.param(Parameter.INGEST_MAX_CREATED_AT));
    long posts = 0;
    long afterEndPlus60d = 0;
    for (Path f : GeneratedArchives.dataFiles(dir)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        Instant t = Instant.parse(GeneratedArchives.JSON.readTree(line).get("created_at").asText());
        assertThat(t).as("post " + line).isBetween(min, max);
        if (t.isAfter(end.plus(60, ChronoUnit.DAYS))) afterEndPlus60d++;
        posts++;
      }
    }
    assertThat(posts).isEqualTo(20_000);
    assertThat(afterEndPlus60d).as("posts dated more than 60 days after --end").isPositive();
  }

  // ---- helpers

  static JobSettings resolve(Path dir) {
    return new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(dir.resolve("job.yaml").toString()), List.of(), Optional.empty(), Optional.empty(), List.of()),
        true, true);
  }

  /**
   * Ingest + analyze as {@code megaphone run --job DIR/job.yaml} would, out = the job's own (DIR/run); every one
   * of the {@code posts} records is read and none is quarantined. Returns responsiveness.csv by brand and platform.
   */
  static Map<String, CSVRecord> runJob(Path dir, long posts) throws IOException {
    JobSettings s = resolve(dir);
    assertThat(Path.of(s.out())).isEqualTo(dir.resolve("run"));
    assertThat(new JobRunner(s, EnumSet.of(Stage.INGEST, Stage.ANALYZE), "test").run(TestSpark.session())).isZero();
    long read = 0;
    long quarantined = 0;
    for (CSVRecord rec : csv(dir.resolve("run/metrics/ingest_summary.csv"))) {
      read += Long.parseLong(rec.get("records_read"));
      quarantined += Long.parseLong(rec.get("records_quarantined"));
    }
    assertThat(read).as("records read").isEqualTo(posts);
    assertThat(quarantined).as("records quarantined").isZero();
    Map<String, CSVRecord> m = new LinkedHashMap<>();
    for (CSVRecord rec : csv(dir.resolve("run/metrics/responsiveness.csv"))) {
      m.put(key(rec.get("brand"), rec.get("platform")), rec);
    }
    return m;
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords();
    }
  }

  /**
   * For every brand and every entry of its {@code realised} (platform names and {@code all}): the row exists and
   * inbound, answered (= answered_7d) and brand_posts (= posts) are equal; entries with inbound posts must exist on
   * at least {@code minPlatforms} distinct platforms, so the check covers what it claims.
   */
  static void assertRealisedCountsMatch(JsonNode truth, Map<String, CSVRecord> table, int minPlatforms) {
    java.util.Set<String> platformsSeen = new java.util.TreeSet<>();
    int compared = 0;
    long inboundTotal = 0;
    long answeredTotal = 0;
    for (JsonNode b : truth.get("brands")) {
      String name = b.get("name").asText();
      for (Iterator<Map.Entry<String, JsonNode>> it = b.get("realised").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        String what = name + " / " + e.getKey();
        CSVRecord row = table.get(key(name, e.getKey()));
        assertThat(row).as(what + ": row of responsiveness.csv").isNotNull();
        assertThat(Long.parseLong(row.get("inbound"))).as(what + " inbound").isEqualTo(c.get("inbound").asLong());
        assertThat(Long.parseLong(row.get("answered"))).as(what + " answered").isEqualTo(c.get("answered_7d").asLong());
        assertThat(Long.parseLong(row.get("brand_posts"))).as(what + " brand_posts").isEqualTo(c.get("posts").asLong());
        if (c.get("inbound").asLong() > 0 && !e.getKey().equals("all")) {
          platformsSeen.add(e.getKey());
          inboundTotal += c.get("inbound").asLong();
          answeredTotal += c.get("answered_7d").asLong();
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(truth.get("brands").size());
    assertThat(platformsSeen).as("platforms with inbound posts").hasSizeGreaterThanOrEqualTo(minPlatforms);
    assertThat(answeredTotal).as("answered inbound posts").isPositive().isLessThan(inboundTotal);
  }

  private static String key(String brand, String platform) {
    return brand + "\0" + platform;
  }
}
