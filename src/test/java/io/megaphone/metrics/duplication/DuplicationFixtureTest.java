package io.megaphone.metrics.duplication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3.2 on a hand-built fixture; every expected figure is worked out by hand in the comments. The
 * similarities quoted were computed by hand-checked Python (5-grams of the normalised texts).
 *
 * <p>Brand A (twitter a1, facebook afb, instagram aig):
 * <ul>
 *   <li>C1: t1 (twitter, 0 s) "Nos SOLDES d'été commencent demain ! #soldes URL", f1 (facebook, 3600 s) the same
 *   with a curly apostrophe and an emoji (same normalised text), t2 (twitter, 10 days) t1 again, i1 (instagram,
 *   7200 s) "NOS SOLDES D'ÉTÉ COMMENCENT DEMAIN !!" (J = 0.8824 with t1): 4 posts, 3 platforms, 2 texts
 *   (adapted);</li>
 *   <li>C2: f3 (facebook, 1 day) and i2 (instagram, 1 day + 1800 s), the same collection text up to case,
 *   punctuation and an emoji: verbatim;</li>
 *   <li>t3 alone; f2 "Bonjour !" too short; a reply and a repost with t1's text are not originals.</li>
 * </ul>
 * Brand B (twitter b1 only): bX "NOS SOLDES D'ÉTÉ COMMENCENT DEMAIN !!", bY = t1's text, bZ "… #soldes #ete2024",
 * bY2 = bY again: J(bX,bY) = 0.8824, J(bY,bZ) = 0.8293, J(bX,bZ) = 0.7317 — one cluster by transitivity, 4 posts,
 * 3 texts; two match texts at J = 0.4412 stay apart; "ok merci" is too short. A's and B's identical texts never
 * join: clusters are per brand. A member of the public posting t1's text is not a brand post.
 */
class DuplicationFixtureTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2024-06-20T08:00:00Z");
  static final long DAY = 86_400;
  static final String SALE = "Nos SOLDES d'été commencent demain ! #soldes https://a.example/x";
  static final String SALE_CURLY = "Nos soldes d’été commencent demain ! 🎉 #Soldes";
  static final String SALE_SHOUT = "NOS SOLDES D'ÉTÉ COMMENCENT DEMAIN !!";
  static final String SALE_2024 = "Nos soldes d'été commencent demain ! #soldes #ete2024";

  @TempDir static Path tmp;
  static Map<String, CSVRecord> dup;
  static Map<String, CSVRecord> pairs;
  static List<CSVRecord> top;
  static Path out;

  @BeforeAll
  static void run() throws IOException {
    Path brands = tmp.resolve("brands.csv");
    Files.writeString(brands, """
        brand,platform,account_id,handle
        A,twitter,a1,brandA
        A,facebook,afb,brandA
        A,instagram,aig,brand.a
        B,twitter,b1,brandB
        """);
    List<ObjectNode> posts = new ArrayList<>();
    posts.add(post("twitter", "t1", "a1", 0, SALE));
    posts.add(post("facebook", "f1", "afb", 3600, SALE_CURLY));
    posts.add(post("twitter", "t2", "a1", 10 * DAY, SALE));
    posts.add(post("instagram", "i1", "aig", 7200, SALE_SHOUT));
    posts.add(post("facebook", "f3", "afb", DAY, "Découvrez notre nouvelle collection automne-hiver en boutique ✨"));
    posts.add(post("instagram", "i2", "aig", DAY + 1800,
        "DÉCOUVREZ notre nouvelle collection automne hiver, en boutique !"));
    posts.add(post("twitter", "t3", "a1", 2 * DAY, "Merci à tous pour ce magnifique anniversaire de la marque"));
    posts.add(post("facebook", "f2", "afb", 3 * DAY, "Bonjour !"));
    posts.add(post("twitter", "t4", "a1", 4 * DAY, SALE).put("in_reply_to_post_id", "c1")
        .put("in_reply_to_account_id", "c"));
    posts.add(post("twitter", "t5", "a1", 5 * DAY, SALE).put("is_repost", true).put("repost_of_post_id", "t1"));
    posts.add(post("twitter", "c1", "c", 6 * DAY, SALE));
    posts.add(post("twitter", "bX", "b1", 0, SALE_SHOUT));
    posts.add(post("twitter", "bY", "b1", 600, SALE));
    posts.add(post("twitter", "bZ", "b1", 1200, SALE_2024));
    posts.add(post("twitter", "bY2", "b1", 5 * DAY, SALE));
    posts.add(post("twitter", "bm1", "b1", 6 * DAY, "Le match de ce soir commence à vingt heures précises"));
    posts.add(post("twitter", "bm2", "b1", 7 * DAY, "Le match de demain soir commence à vingt et une heures"));
    posts.add(post("twitter", "bs", "b1", 8 * DAY, "ok merci"));
    StringBuilder jsonl = new StringBuilder();
    for (ObjectNode p : posts) jsonl.append(JSON.writeValueAsString(p)).append('\n');
    Path data = tmp.resolve("posts.jsonl");
    Files.writeString(data, jsonl);
    out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + data), brands.toString(), out);
    dup = byKey(out.resolve("metrics/duplication.csv"), "brand", "platform");
    pairs = byKey(out.resolve("metrics/duplication_pairs.csv"), "brand", "platform_a", "platform_b");
    top = csv(out.resolve("metrics/duplication_top_clusters.csv"));
  }

  @Test
  void brandA_allPlatforms() {
    // considered 7 (8 originals, f2 too short); C1 (4 posts) and C2 (2) span platforms: 6/7; t1+t2 repeat on
    // twitter: 2/7; C2 verbatim, C1 adapted: 1/2
    assertRow("A", "all", 8, 1, 7, 2, 6, 6, 2, 2, 1, 1, 6.0 / 7, 2.0 / 7, 0.5);
    assertThat(dup.get("A|all").get("near_duplicate_pairs")).isEqualTo("1"); // t1's text ~ i1's; exact ones are grouped
  }

  @Test
  void brandA_perPlatform() {
    assertRow("A", "twitter", 3, 0, 3, 1, 2, 2, 1, 2, 0, 1, 2.0 / 3, 2.0 / 3, 0.0);
    assertRow("A", "facebook", 3, 1, 2, 2, 2, 2, 2, 0, 1, 1, 1.0, 0.0, 0.5);
    assertRow("A", "instagram", 2, 0, 2, 2, 2, 2, 2, 0, 1, 1, 1.0, 0.0, 0.5);
    assertThat(dup.get("A|twitter").get("candidate_pairs")).as("LSH counts only on the all row").isEmpty();
  }

  @Test
  void brandB_chainJoinsByTransitivity_andStaysApartFromA() {
    // 7 originals, "ok merci" too short: 6 considered; bX-bY-bZ-bY2 one cluster, all on twitter
    assertRow("B", "all", 7, 1, 6, 1, 4, 0, 0, 4, 0, 0, 0.0, 4.0 / 6, null);
    assertRow("B", "twitter", 7, 1, 6, 1, 4, 0, 0, 4, 0, 0, 0.0, 4.0 / 6, null);
    assertThat(dup.get("B|all").get("near_duplicate_pairs")).isEqualTo("2"); // bX~bY, bY~bZ; not bX~bZ (0.73)
  }

  @Test
  void platformPairs_whoPublishedFirstAndTheLag() {
    // facebook × instagram: C1 f1 3600 s → i1 7200 s (3600 s), C2 f3 → i2 (1800 s): facebook first twice
    assertPair("A|facebook|instagram", 2, 2, 0, 0, 2700.0, 2700.0);
    // facebook × twitter: C1 t1 at 0 s before f1 at 3600 s
    assertPair("A|facebook|twitter", 1, 0, 1, 0, 3600.0, 3600.0);
    assertPair("A|instagram|twitter", 1, 0, 1, 0, 7200.0, 7200.0);
    assertThat(pairs).hasSize(3); // B is on one platform: no pair
  }

  @Test
  void topClusters_listTheLargestWithTheirPostsInTimeOrder() {
    List<String> a1 = top.stream().filter(r -> r.get("brand").equals("A") && r.get("cluster_rank").equals("1"))
        .map(r -> r.get("post_id")).toList();
    assertThat(a1).containsExactly("t1", "f1", "i1", "t2");
    List<String> a2 = top.stream().filter(r -> r.get("brand").equals("A") && r.get("cluster_rank").equals("2"))
        .map(r -> r.get("post_id") + ":" + r.get("verbatim")).toList();
    assertThat(a2).containsExactly("f3:true", "i2:true");
    assertThat(top.stream().filter(r -> r.get("brand").equals("B")).map(r -> r.get("post_id")).toList())
        .containsExactly("bX", "bY", "bZ", "bY2");
  }

  @Test
  void parquetTables_clustersAndVerifiedTextPairs() {
    List<Row> clusters = TestSpark.session().read().parquet(out.resolve("metrics/duplication_clusters").toString())
        .select("brand", "post_id").collectAsList();
    assertThat(clusters).hasSize(10); // 4 + 2 (A) + 4 (B): posts of clusters of two or more
    List<Row> textPairs = TestSpark.session().read()
        .parquet(out.resolve("metrics/duplication_text_pairs").toString()).collectAsList();
    assertThat(textPairs).hasSize(3);
    assertThat(textPairs).allSatisfy(r -> assertThat(r.getDouble(3)).isGreaterThanOrEqualTo(0.8));
  }

  private static void assertRow(String brand, String platform, long originals, long tooShort, long considered,
      long clusters, long inClusters, long crossPosts, long crossClusters, long selfRepeated, long verbatim,
      long adapted, double dupRate, double selfRate, Double verbatimShare) {
    CSVRecord r = dup.get(brand + "|" + platform);
    assertThat(r).as(brand + "/" + platform).isNotNull();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("originals", Long.toString(originals));
    expected.put("posts_too_short", Long.toString(tooShort));
    expected.put("posts_considered", Long.toString(considered));
    expected.put("clusters", Long.toString(clusters));
    expected.put("posts_in_clusters", Long.toString(inClusters));
    expected.put("cross_platform_posts", Long.toString(crossPosts));
    expected.put("cross_platform_clusters", Long.toString(crossClusters));
    expected.put("self_repeated_posts", Long.toString(selfRepeated));
    expected.put("verbatim_cross_platform_clusters", Long.toString(verbatim));
    expected.put("adapted_cross_platform_clusters", Long.toString(adapted));
    expected.put("cross_platform_dup_rate", decimal(dupRate));
    expected.put("self_repetition_rate", decimal(selfRate));
    expected.put("verbatim_share", verbatimShare == null ? "" : decimal(verbatimShare));
    Map<String, String> actual = new LinkedHashMap<>();
    for (String k : expected.keySet()) actual.put(k, r.get(k));
    assertThat(actual).as(brand + "/" + platform).isEqualTo(expected);
  }

  private static void assertPair(String key, long clusters, long firstA, long firstB, long same, double median,
      double mean) {
    CSVRecord r = pairs.get(key);
    assertThat(r).as(key).isNotNull();
    assertThat(List.of(r.get("clusters"), r.get("first_on_a"), r.get("first_on_b"), r.get("same_time"),
        r.get("median_lag_s"), r.get("mean_lag_s"))).as(key).containsExactly(Long.toString(clusters),
        Long.toString(firstA), Long.toString(firstB), Long.toString(same), decimal(median), decimal(mean));
  }

  static String decimal(double d) {
    return io.megaphone.archive.CsvTable.decimal(d);
  }

  static ObjectNode post(String platform, String id, String account, long at, String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("platform", platform).put("post_id", id).put("account_id", account).put("created_at",
        T0.plusSeconds(at).toString()).put("text", text).put("lang", "fr").put("is_repost", false);
    return n;
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  static Map<String, CSVRecord> byKey(Path file, String... columns) throws IOException {
    Map<String, CSVRecord> m = new LinkedHashMap<>();
    for (CSVRecord r : csv(file)) {
      List<String> k = new ArrayList<>();
      for (String c : columns) k.add(r.get(c));
      m.put(String.join("|", k), r);
    }
    return m;
  }
}
