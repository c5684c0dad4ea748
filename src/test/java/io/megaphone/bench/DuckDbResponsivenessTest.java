package io.megaphone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB reference against the Spark job: the real pipeline ingests and analyses a run, then every row of its
 * {@code metrics/responsiveness.csv} must be what DuckDB computes from the same output folder. First on the demo
 * job (jobs/demo.yaml), then on a small fixture with the boundary cases the demo data does not contain.
 */
class DuckDbResponsivenessTest {
  private static final double REL = 1e-6;

  @TempDir static Path tmp;
  static Map<String, CSVRecord> demoSpark; // brand + '\0' + platform -> row of responsiveness.csv
  static Map<String, DuckDbResponsiveness.Row> demoDuck;

  @BeforeAll
  static void runDemo() throws IOException {
    assertThat(DuckDbResponsiveness.available()).as("DuckDB on the test classpath").isTrue();
    Path out = tmp.resolve("demo");
    JobSettings s = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of("jobs/demo.yaml"), List.of(), Optional.empty(), Optional.of(out.toString()), List.of()),
        true, true);
    assertThat(new JobRunner(s, EnumSet.of(Stage.INGEST, Stage.ANALYZE), "test").run(TestSpark.session())).isZero();
    demoSpark = sparkTable(out);
    long t0 = System.nanoTime();
    demoDuck = duckTable(out, 7L * 24 * 3600); // jobs/demo.yaml: responsiveness.horizon: 7d
    System.out.printf("DuckDbResponsiveness.compute on the demo archive: %.0f ms (first call, loads the driver)%n",
        (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    duckTable(out, 7L * 24 * 3600);
    System.out.printf("DuckDbResponsiveness.compute on the demo archive: %.0f ms (second call)%n",
        (System.nanoTime() - t0) / 1e6);
  }

  @Test
  void demo_sameBrandPlatformKeysInTheSameOrder() {
    assertThat(demoSpark).isNotEmpty();
    assertThat(demoDuck.keySet()).containsExactlyElementsOf(demoSpark.keySet());
  }

  @Test
  void demo_everyRowOfTheSparkTableMatches() {
    assertSameTable(demoSpark, demoDuck);
  }

  /**
   * Horizon 1 h, times to the microsecond. A = twitter a1/brandA, a2/brandA_help, facebook afb/brandA;
   * B = twitter b1/brandB; "Éclair & Fils" = twitter e1/ÉclairFils; C = twitter handle brandC only (no id).
   */
  @Test
  void fixture_boundaryCasesMatch() throws IOException {
    Path dir = tmp.resolve("fixture");
    Files.createDirectories(dir);
    Path brands = dir.resolve("brands.csv");
    Files.writeString(brands, """
        brand,platform,account_id,handle
        A,twitter,a1,brandA
        A,twitter,a2,brandA_help
        A,facebook,afb,brandA
        B,twitter,b1,brandB
        Éclair & Fils,twitter,e1,ÉclairFils
        C,twitter,,brandC
        """, StandardCharsets.UTF_8);
    List<ObjectNode> p = new ArrayList<>();
    p.add(post("twitter", "a-orig", "a1", "brandA", -3_600_000_000L, "Spring sale"));
    // two replies: the first response is the earliest (60.5 s)
    p.add(post("twitter", "p1", "c1", "cust1", 0, "@brandA my order is late"));
    p.add(reply(post("twitter", "r1a", "a1", "brandA", 600_000_000L, "@cust1 checking"), "p1", "c1"));
    p.add(reply(post("twitter", "r1b", "a1", "brandA", 60_500_000L, "@cust1 sorry"), "p1", "c1"));
    // exactly at the horizon: answered, 3600 s
    p.add(post("twitter", "p2", "c2", "cust2", 10_000_000_000L, "@brandA where is it"));
    p.add(reply(post("twitter", "r2", "a1", "brandA", 13_600_000_000L, "@cust2 here"), "p2", "c2"));
    // one microsecond past the horizon: unanswered
    p.add(post("twitter", "p3", "c3", "cust3", 20_000_000_001L, "@brandA hello"));
    p.add(reply(post("twitter", "r3", "a1", "brandA", 23_600_000_002L, "@cust3 hi"), "p3", "c3"));
    // addressed to A and B: inbound once for each, answered by each
    p.add(post("twitter", "p4", "c4", "cust4", 30_000_000_000L, "@brandA @brandB who is cheaper"));
    p.add(reply(post("twitter", "r4a", "a1", "brandA", 30_100_000_000L, "@cust4 us"), "p4", "c4"));
    p.add(reply(post("twitter", "r4b", "b1", "brandB", 30_200_250_000L, "@cust4 us!"), "p4", "c4"));
    // replies to A's post AND mentions A (upper case): one inbound post; answered by the second account
    p.add(reply(post("twitter", "p5", "c5", "cust5", 35_000_000_000L, "is it online only @BRANDA_HELP"),
        "a-orig", "a1"));
    p.add(reply(post("twitter", "r5", "a2", "brandA_help", 35_030_000_000L, "@cust5 yes"), "p5", "c5"));
    // a brand "reply" before the post: not an answer
    p.add(post("twitter", "p6", "c6", "cust6", 40_000_000_000L, "@brandA anyone"));
    p.add(reply(post("twitter", "r6", "a1", "brandA", 39_970_000_000L, "@cust6 hi"), "p6", "c6"));
    // answered by B only: unanswered for A
    p.add(post("twitter", "p7", "c7", "cust7", 50_000_000_000L, "@brandA my bill"));
    p.add(reply(post("twitter", "r7", "b1", "brandB", 50_060_000_000L, "@cust7 try us"), "p7", "c7"));
    // same post id on facebook, answered there; it must not answer twitter p7
    p.add(post("facebook", "p7", "fc1", "fbcust1", 50_000_000_000L, "@brandA wrong size"));
    p.add(reply(post("facebook", "fr7", "afb", "brandA", 51_200_123_456L, "sorry"), "p7", "fc1"));
    // a late reply and one a microsecond inside the horizon
    p.add(post("twitter", "p12", "c12", "cust12", 55_000_000_000L, "@brandA ?"));
    p.add(reply(post("twitter", "r12a", "a1", "brandA", 62_200_000_000L, "@cust12 late"), "p12", "c12"));
    p.add(reply(post("twitter", "r12b", "a1", "brandA", 58_599_999_999L, "@cust12 just in"), "p12", "c12"));
    // accented handle, mentioned in other case
    p.add(post("twitter", "p8", "c8", "cust8", 60_000_000_000L, "@éclairfils open on Sunday?"));
    p.add(reply(post("twitter", "r8", "e1", "ÉclairFils", 60_045_000_000L, "@cust8 yes"), "p8", "c8"));
    // a brand registered by handle only
    p.add(post("twitter", "p9", "c9", "cust9", 70_000_000_000L, "@brandC hello?"));
    p.add(reply(post("twitter", "r9", "c-acct", "brandC", 70_010_000_000L, "@cust9 hi"), "p9", "c9"));
    // not inbound: an e-mail address, a longer handle, a repost, a brand talking to a brand
    p.add(post("twitter", "p10", "c10", "cust10", 80_000_000_000L, "write to help@brandA.com"));
    p.add(post("twitter", "p11", "c11", "cust11", 80_100_000_000L, "I love @brandA_fans"));
    p.add(post("twitter", "p13", "c13", "cust13", 80_200_000_000L, "RT @brandA: Spring sale").put("is_repost", true)
        .put("repost_of_post_id", "a-orig"));
    p.add(reply(post("twitter", "b-to-a", "b1", "brandB", 80_300_000_000L, "Congrats @brandA"), "a-orig", "a1"));
    Path jsonl = dir.resolve("posts.jsonl");
    StringBuilder sb = new StringBuilder();
    for (ObjectNode n : p) sb.append(JSON.writeValueAsString(n)).append('\n');
    Files.writeString(jsonl, sb.toString(), StandardCharsets.UTF_8);

    Path out = dir.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + jsonl), brands.toString(), out, "responsiveness.horizon=1h");
    Map<String, CSVRecord> spark = sparkTable(out);
    Map<String, DuckDbResponsiveness.Row> duck = duckTable(out, 3600);
    assertThat(duck.keySet()).containsExactlyElementsOf(spark.keySet());
    assertSameTable(spark, duck);
    // the fixture does what it says: A on twitter has p1 p2 p3 p4 p5 p6 p7 p12 inbound, p1 p2 p4 p5 p12 answered
    DuckDbResponsiveness.Row a = duck.get(key("A", "twitter"));
    assertThat(List.of(a.inbound(), a.answered())).containsExactly(8L, 5L);
    assertThat(List.of(duck.get(key("C", "twitter")).answered(), duck.get(key("Éclair & Fils", "all")).answered(),
        duck.get(key("B", "twitter")).inbound(), duck.get(key("A", "facebook")).answered())).containsExactly(1L, 1L,
        1L, 1L);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

  private static ObjectNode post(String platform, String id, String account, String handle, long atMicros,
      String text) {
    return JSON.createObjectNode().put("platform", platform).put("post_id", id).put("account_id", account)
        .put("account_handle", handle).put("created_at", T0.plus(atMicros, ChronoUnit.MICROS).toString())
        .put("text", text).putNull("in_reply_to_post_id").putNull("in_reply_to_account_id").put("is_repost", false);
  }

  private static ObjectNode reply(ObjectNode post, String toPost, String toAccount) {
    return post.put("in_reply_to_post_id", toPost).put("in_reply_to_account_id", toAccount);
  }

  private static String key(String brand, String platform) {
    return brand + "\0" + platform;
  }

  private static Map<String, CSVRecord> sparkTable(Path out) throws IOException {
    Map<String, CSVRecord> m = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(out.resolve("metrics/responsiveness.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) m.put(key(rec.get("brand"), rec.get("platform")), rec);
    }
    return m;
  }

  private static Map<String, DuckDbResponsiveness.Row> duckTable(Path out, long horizonSeconds) {
    Map<String, DuckDbResponsiveness.Row> m = new LinkedHashMap<>();
    for (DuckDbResponsiveness.Row r : DuckDbResponsiveness.compute(out.toString(), horizonSeconds)) {
      m.put(key(r.brand(), r.platform()), r);
    }
    return m;
  }

  /** Every row of the Spark CSV has its DuckDB twin: same counts, same times. */
  private static void assertSameTable(Map<String, CSVRecord> spark, Map<String, DuckDbResponsiveness.Row> duck) {
    assertThat(duck.keySet()).as("(brand, platform) keys").isEqualTo(spark.keySet());
    long answeredTotal = 0;
    for (Map.Entry<String, CSVRecord> e : spark.entrySet()) {
      CSVRecord s = e.getValue();
      DuckDbResponsiveness.Row d = duck.get(e.getKey());
      String what = s.get("brand") + " / " + s.get("platform");
      assertThat(d).as(what).isNotNull();
      assertThat(d.inbound()).as(what + " inbound").isEqualTo(Long.parseLong(s.get("inbound")));
      assertThat(d.answered()).as(what + " answered").isEqualTo(Long.parseLong(s.get("answered")));
      assertClose(what + " rt_median_s", s.get("rt_median_s"), d.rtMedianS());
      assertClose(what + " rt_mean_s", s.get("rt_mean_s"), d.rtMeanS());
      assertClose(what + " rt_p90_s", s.get("rt_p90_s"), d.rtP90S());
      if (!"all".equals(s.get("platform"))) answeredTotal += d.answered();
    }
    assertThat(answeredTotal).as("answered posts exist, so the times are compared at all").isPositive();
  }

  /**
   * The CSV rounds to 6 decimals: equal within 1e-6 relative, or 1e-6 absolute for times under a second (where
   * the rounding alone is up to 5e-7). An empty cell is null.
   */
  private static void assertClose(String what, String csv, Double duckValue) {
    if (csv.isEmpty()) {
      assertThat(duckValue).as(what).isNull();
      return;
    }
    double expected = Double.parseDouble(csv);
    assertThat(duckValue).as(what).isNotNull();
    double tolerance = Math.max(REL * Math.abs(expected), 1e-6);
    assertThat(Math.abs(duckValue - expected)).as(what + ": spark " + expected + ", duckdb " + duckValue)
        .isLessThanOrEqualTo(tolerance);
  }
}
