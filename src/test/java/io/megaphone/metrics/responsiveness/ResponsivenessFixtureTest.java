package io.megaphone.metrics.responsiveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3.1 on hand-built canonical fixtures whose every expected figure is computed by hand below.
 *
 * <p>Registry: brand A = twitter {@code a1/brandA} and {@code a2/brandA_help}, facebook {@code afb/brandA};
 * brand B = twitter {@code b1/brandB}. Customers are {@code cN/custN}. Mentions are not given by the
 * fixtures (except where said): they are extracted from the text, as for any source that lacks them.
 *
 * <p>Four pipeline runs: fixture 1 with horizon 1 h; fixture 2 with the defaults, then re-analysed with
 * {@code exclude-multi-brand=true}; fixture 3 with {@code questions-only=true}.
 */
class ResponsivenessFixtureTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
  static final String BRANDS = """
      brand,platform,account_id,handle
      A,twitter,a1,brandA
      A,twitter,a2,brandA_help
      A,facebook,afb,brandA
      B,twitter,b1,brandB
      """;

  @TempDir static Path tmp;
  static Map<String, CSVRecord> horizon1h;
  static Map<String, CSVRecord> defaults;
  static Map<String, CSVRecord> excludeMulti;
  static Map<String, CSVRecord> questionsOnly;

  @BeforeAll
  static void runAll() throws IOException {
    Path brands = tmp.resolve("brands.csv");
    Files.writeString(brands, BRANDS);

    Path out1 = tmp.resolve("out1");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + write("f1.jsonl", fixture1())), brands.toString(), out1,
        "responsiveness.horizon=1h");
    horizon1h = responsiveness(out1);

    Path out2 = tmp.resolve("out2");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + write("f2.jsonl", fixture2())), brands.toString(), out2);
    defaults = responsiveness(out2);
    // Same archive, analysed again with the option (the analyze stage alone rewrites metrics/).
    Pipeline.run(EnumSet.of(Stage.ANALYZE), List.of(), brands.toString(), out2,
        List.of("responsiveness.exclude-multi-brand=true"));
    excludeMulti = responsiveness(out2);

    Path out3 = tmp.resolve("out3");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + write("f3.jsonl", fixture3())), brands.toString(), out3,
        "responsiveness.questions-only=true");
    questionsOnly = responsiveness(out3);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fixture 1, horizon H = 1 h = 3600 s. Times are seconds after T0.
  // ---------------------------------------------------------------------------------------------------------
  static List<ObjectNode> fixture1() {
    List<ObjectNode> p = new ArrayList<>();
    // Brand A's own activity besides replies to customers.
    p.add(tw("a-orig", "a1", "brandA", -3600, "Spring sale starts today"));
    p.add(tw("a-internal", "a2", "brandA_help", -1800, "More details in our app").put("in_reply_to_post_id", "a-orig"));
    // ^ a reply inside brand A; in_reply_to_account_id left out: ingest resolves it to a1 from the archive.
    p.add(tw("a-repost", "a1", "brandA", -1700, "RT @press: brandA opens a store")
        .put("is_repost", true).put("repost_of_post_id", "ext-1"));
    p.add(tw("b-orig", "b1", "brandB", -3600, "Our new phone is out"));
    p.add(fb("fb-orig", "afb", "brandA", -3600, "Spring sale on Facebook too"));

    // (h) two replies, the later one written first: first response = earliest = 60 s.
    p.add(tw("p1", "c1", "cust1", 0, "@brandA my order is late"));
    p.add(reply(tw("r1a", "a1", "brandA", 600, "@cust1 checking"), "p1", "c1"));
    p.add(reply(tw("r1b", "a1", "brandA", 60, "@cust1 sorry!"), "p1", "c1"));
    // (g) addressed to @brandA, answered by the second account brandA_help after 120 s.
    p.add(tw("p2", "c2", "cust2", 10_000, "@brandA where is my parcel"));
    p.add(reply(tw("r2", "a2", "brandA_help", 10_120, "@cust2 on its way"), "p2", "c2"));
    // (f) case-insensitive mention, answered after 600 s.
    p.add(tw("p3", "c3", "cust3", 20_000, "HELLO @BRANDA anyone there"));
    p.add(reply(tw("r3", "a1", "brandA", 20_600, "@cust3 yes"), "p3", "c3"));
    // (a) answered exactly at the horizon: +3600 s → answered, rt 3600.
    p.add(tw("p4", "c4", "cust4", 30_000, "@brandA help please"));
    p.add(reply(tw("r4", "a1", "brandA", 33_600, "@cust4 done"), "p4", "c4"));
    // (a) one second past the horizon: +3601 s → unanswered.
    p.add(tw("p5", "c5", "cust5", 40_000, "@brandA help me too"));
    p.add(reply(tw("r5", "a1", "brandA", 43_601, "@cust5 done"), "p5", "c5"));
    // A facebook post with the SAME post_id "p5", answered on facebook after 1200 s: it must not answer twitter p5.
    p.add(fb("p5", "fc1", "fbcust1", 40_000, "@brandA wrong size delivered"));
    p.add(reply(fb("fr5", "afb", "brandA", 41_200, "Sorry, we will exchange it"), "p5", "fc1"));
    // (b) a brand "reply" timestamped 30 s BEFORE the inbound post → not an answer.
    p.add(tw("p6", "c6", "cust6", 50_000, "@brandA hello"));
    p.add(reply(tw("r6", "a1", "brandA", 49_970, "@cust6 hi"), "p6", "c6"));
    // (c) addressed to A, answered by B after 60 s: not A's answer; not inbound to B (no @brandB, no reply to B).
    p.add(tw("p7", "c7", "cust7", 60_000, "@brandA my bill is wrong"));
    p.add(reply(tw("r7", "b1", "brandB", 60_060, "@cust7 try us instead"), "p7", "c7"));
    // Inbound to A by reply (no mention): a customer answers A's post; nobody answers.
    p.add(reply(tw("p8", "c8", "cust8", 70_000, "is it online only"), "a-orig", "a1"));
    // Inbound to B by reply, answered by B after 1800 s.
    p.add(reply(tw("p9", "c9", "cust9", 80_000, "nice but pricey"), "b-orig", "b1"));
    p.add(reply(tw("rb9", "b1", "brandB", 81_800, "@cust9 worth it"), "p9", "c9"));
    // (d) brands talking to each other: neither post is inbound (its author is a brand account), although
    // a-to-b replies to B and mentions @brandB, and b-to-a replies to A and mentions @brandA.
    p.add(reply(tw("a-to-b", "a1", "brandA", 90_000, "Congrats @brandB!"), "b-orig", "b1"));
    p.add(reply(tw("b-to-a", "b1", "brandB", 90_060, "Thanks @brandA"), "a-to-b", "a1"));
    // (f) no mention of brandA: an e-mail address and a longer handle.
    p.add(tw("p10", "c10", "cust10", 100_000, "write to help@brandA.com for refunds"));
    p.add(tw("p11", "c11", "cust11", 100_100, "I love @brandA_fans"));
    // (i) a customer's repost mentioning the brand is not inbound.
    p.add(tw("p12", "c12", "cust12", 110_000, "RT @brandA: Spring sale starts today")
        .put("is_repost", true).put("repost_of_post_id", "a-orig"));
    return p;
  }

  @Test
  void fixture1_rowsPerBrandAndPlatform() {
    // brand first, then its "all" row, then its platforms; one row per registered (brand, platform).
    assertThat(horizon1h.keySet()).containsExactly("A/all", "A/facebook", "A/twitter", "B/all", "B/twitter");
  }

  @Test
  void fixture1_brandA_twitter() {
    // Inbound: p1 p2 p3 p4 p5 p6 p7 (mentions) + p8 (reply to a-orig) = 8.
    //   Not inbound: p10 (e-mail), p11 (@brandA_fans), p12 (repost), a-to-b / b-to-a (brand authors).
    // Answered: p1 60 (earliest of 600/60), p2 120 (brandA_help), p3 600, p4 3600 (= H, inclusive) = 4.
    //   Unanswered: p5 (3601 > H; the facebook "p5" reply does not count), p6 (reply before the post),
    //   p7 (only B replied), p8 = 4.
    // Times sorted 60, 120, 600, 3600 (n = 4):
    //   median: rank 0.5·3 = 1.5 → 120 + 0.5·(600−120) = 360
    //   p90:    rank 0.9·3 = 2.7 → 600 + 0.7·(3600−600) = 2700
    //   mean:   (60+120+600+3600)/4 = 4380/4 = 1095
    //   fastest 90%: ceil(0.9·4) = 4 responses → 1095
    // Buckets: all four ≤ 3600 s → 0–1 h = 4 (upper bound inclusive).
    // Activity (posts of a1/a2 on twitter): a-orig, a-internal, a-repost, r1a, r1b, r2, r3, r4, r5, r6, a-to-b = 11;
    //   originals 1 (a-orig); replies 9; reposts 1; replies to someone outside A: the 9 replies minus
    //   a-internal (to a1) = 8; reply_share = 8/11 = 0.727273; broadcast_ratio = originals/replies = 1/9.
    CSVRecord r = horizon1h.get("A/twitter");
    assertCounts(r, 8, 4, 0.5);
    assertTimes(r, 360, 1095, 2700, 1095);
    assertBuckets(r, 4, 0, 0, 0, 4);
    assertActivity(r, 11, 1, 9, 1, 8, 0, 8.0 / 11, 1.0 / 9);
  }

  @Test
  void fixture1_brandA_facebook() {
    // Inbound: facebook p5 = 1, answered by fr5 after 1200 s. One time: every statistic is 1200.
    // Activity: fb-orig (original) + fr5 (reply to fc1) = 2 posts; reply_share 1/2; broadcast_ratio 1/1.
    CSVRecord r = horizon1h.get("A/facebook");
    assertCounts(r, 1, 1, 1.0);
    assertTimes(r, 1200, 1200, 1200, 1200);
    assertBuckets(r, 1, 0, 0, 0, 0);
    assertActivity(r, 2, 1, 1, 0, 1, 0, 0.5, 1.0);
  }

  @Test
  void fixture1_brandA_all() {
    // Twitter + facebook pooled (not averaged): inbound 8 + 1 = 9, answered 4 + 1 = 5, rate 5/9.
    // Times sorted 60, 120, 600, 1200, 3600 (n = 5):
    //   median: rank 0.5·4 = 2 → 600
    //   p90:    rank 0.9·4 = 3.6 → 1200 + 0.6·(3600−1200) = 2640
    //   mean:   (60+120+600+1200+3600)/5 = 5580/5 = 1116; fastest 90%: ceil(4.5) = 5 → 1116
    // Activity: 11 + 2 = 13 posts, originals 1 + 1 = 2, replies 9 + 1 = 10, reposts 1, to others 8 + 1 = 9;
    //   reply_share = 9/13 = 0.692308; broadcast_ratio = 2/10 = 0.2.
    CSVRecord r = horizon1h.get("A/all");
    assertCounts(r, 9, 5, 5.0 / 9);
    assertTimes(r, 600, 1116, 2640, 1116);
    assertBuckets(r, 5, 0, 0, 0, 4);
    assertActivity(r, 13, 2, 10, 1, 9, 0, 9.0 / 13, 2.0 / 10);
  }

  @Test
  void fixture1_brandB() {
    // Inbound to B: p9 only (p7 addresses A; a-to-b is by a brand). Answered after 1800 s.
    // Activity: b-orig, r7 (to c7), rb9 (to c9), b-to-a (to a1, outside B) = 4 posts; 1 original;
    //   3 replies, all to others; reply_share = 3/4; broadcast_ratio = 1/3.
    for (String key : List.of("B/twitter", "B/all")) {
      CSVRecord r = horizon1h.get(key);
      assertCounts(r, 1, 1, 1.0);
      assertTimes(r, 1800, 1800, 1800, 1800);
      assertBuckets(r, 1, 0, 0, 0, 0);
      assertActivity(r, 4, 1, 3, 0, 3, 0, 0.75, 1.0 / 3);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fixture 2, default horizon 7 d = 604800 s: multi-brand posts and the latency buckets.
  // ---------------------------------------------------------------------------------------------------------
  static final long H = 3600;
  static final long D = 86_400;

  static List<ObjectNode> fixture2() {
    List<ObjectNode> p = new ArrayList<>();
    p.add(tw("a-orig", "a1", "brandA", -3600, "New store opens"));
    // (e) m1 mentions both brands (mentions given by the source, one with its '@').
    ObjectNode m1 = tw("m1", "c1", "cust1", 0, "@brandA @brandB both of you are slow");
    m1.putArray("mentions").add("@brandA").add("brandB");
    p.add(m1);
    p.add(reply(tw("m1-a", "a1", "brandA", 2 * H, "@cust1 sorry"), "m1", "c1")); // A: 7200 s (1–8 h)
    p.add(reply(tw("m1-b", "b1", "brandB", 30 * H, "@cust1 sorry"), "m1", "c1")); // B: 108000 s (> 24 h)
    p.add(tw("m2", "c2", "cust2", 1000, "@brandA and @brandB, anyone?")); // both brands, never answered
    // m3 is inbound to A by reply and to B by mention.
    p.add(reply(tw("m3", "c3", "cust3", 2000, "@brandB do you have it cheaper"), "a-orig", "a1"));
    p.add(reply(tw("m3-a", "a2", "brandA_help", 2000 + 10 * H, "@cust3 no"), "m3", "c3")); // A: 36000 s (8–24 h)
    // s1..s10: one brand each. s1 names two accounts of the same brand: still one brand.
    long[] rt = {60, 120, 180, 240, 300, 360, 420, 480, 8 * D + 1, 7 * D};
    //           s1  s2   s3   s4   s5   s6   s7   s8   s9 (> H)   s10 (= H, inclusive: 604800 s, > 24 h)
    for (int k = 1; k <= 10; k++) {
      long at = 10_000L * k;
      p.add(tw("s" + k, "c" + (10 + k), "cust" + (10 + k), at, k == 1 ? "@brandA @brandA_help hello" : "@brandA q" + k));
      p.add(reply(tw("s" + k + "-a", "a1", "brandA", at + rt[k - 1], "@cust ok"), "s" + k, "c" + (10 + k)));
    }
    return p;
  }

  @Test
  void fixture2_defaults_brandA() {
    // Inbound: m1, m2, m3, s1..s10 = 13. Unanswered: m2, s9 (8 d + 1 s > 7 d) → answered 11, rate 11/13.
    // Times sorted: 60 120 180 240 300 360 420 480 7200 36000 604800 (n = 11)
    //   median: rank 0.5·10 = 5 → 360;  p90: rank 0.9·10 = 9 → 36000
    //   sum = 60·(1+…+8) + 7200 + 36000 + 604800 = 2160 + 648000 = 650160 → mean 650160/11 = 59105.454545
    //   fastest 90%: ceil(0.9·11) = ceil(9.9) = 10 → (650160 − 604800)/10 = 4536
    // Buckets: 0–1 h 8 (60..480); 1–8 h 1 (7200); 8–24 h 1 (36000); > 24 h 1 (604800); unanswered 2.
    for (String key : List.of("A/twitter", "A/all")) {
      CSVRecord r = defaults.get(key);
      assertCounts(r, 13, 11, 11.0 / 13);
      assertTimes(r, 360, 650160.0 / 11, 36000, 4536);
      assertBuckets(r, 8, 1, 1, 1, 2);
    }
    // A's facebook account is registered but silent: a row of zeros, no rates.
    CSVRecord fb = defaults.get("A/facebook");
    assertCounts(fb, 0, 0, null);
    assertTimes(fb, null, null, null, null);
    assertBuckets(fb, 0, 0, 0, 0, 0);
    assertThat(fb.get("reply_share")).isEmpty();
    assertThat(fb.get("broadcast_ratio")).isEmpty();
  }

  @Test
  void fixture2_defaults_brandB() {
    // Inbound to B: m1, m2, m3 (mention) = 3; answered m1 after 108000 s (> 24 h).
    for (String key : List.of("B/twitter", "B/all")) {
      CSVRecord r = defaults.get(key);
      assertCounts(r, 3, 1, 1.0 / 3);
      assertTimes(r, 108000, 108000, 108000, 108000);
      assertBuckets(r, 0, 0, 0, 1, 2);
    }
  }

  @Test
  void fixture2_excludeMultiBrand() {
    // m1, m2, m3 address two brands and are left out. s1 (@brandA @brandA_help) addresses one brand: kept.
    // A: inbound s1..s10 = 10, answered 9 (s9 over H), rate 0.9.
    // Times sorted: 60 120 180 240 300 360 420 480 604800 (n = 9)
    //   median: rank 0.5·8 = 4 → 300
    //   p90:    rank 0.9·8 = 7.2 → 480 + 0.2·(604800 − 480) = 480 + 120864 = 121344
    //   mean:   (2160 + 604800)/9 = 606960/9 = 67440; fastest 90%: ceil(8.1) = 9 → 67440
    for (String key : List.of("A/twitter", "A/all")) {
      CSVRecord r = excludeMulti.get(key);
      assertCounts(r, 10, 9, 0.9);
      assertTimes(r, 300, 67440, 121344, 67440);
      assertBuckets(r, 8, 0, 0, 1, 1);
    }
    // B had only multi-brand inbound posts: nothing left, rates empty.
    for (String key : List.of("B/twitter", "B/all")) {
      CSVRecord r = excludeMulti.get(key);
      assertCounts(r, 0, 0, null);
      assertTimes(r, null, null, null, null);
      assertBuckets(r, 0, 0, 0, 0, 0);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fixture 3, questions only.
  // ---------------------------------------------------------------------------------------------------------
  static List<ObjectNode> fixture3() {
    List<ObjectNode> p = new ArrayList<>();
    p.add(tw("q1", "c1", "cust1", 0, "@brandA where is my order?"));
    p.add(reply(tw("q1-a", "a1", "brandA", 100, "@cust1 shipped"), "q1", "c1")); // 100 s
    p.add(tw("q2", "c2", "cust2", 1000, "@brandA thanks for nothing")); // no '?': left out
    p.add(reply(tw("q2-a", "a1", "brandA", 1050, "@cust2 sorry"), "q2", "c2"));
    p.add(tw("q3", "c3", "cust3", 2000, "@brandA ¿tienen tallas grandes?")); // question, unanswered
    return p;
  }

  @Test
  void fixture3_questionsOnly() {
    // Inbound: q1, q3 (q2 has no '?'); answered q1 after 100 s → rate 1/2, every statistic 100.
    CSVRecord r = questionsOnly.get("A/twitter");
    assertCounts(r, 2, 1, 0.5);
    assertTimes(r, 100, 100, 100, 100);
    assertBuckets(r, 1, 0, 0, 0, 1);
    // The brand's own activity does not depend on the option: q1-a and q2-a are replies to customers.
    assertActivity(r, 2, 0, 2, 0, 2, 0, 1.0, 0.0);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------------

  static ObjectNode tw(String id, String account, String handle, long at, String text) {
    return post("twitter", id, account, handle, at, text);
  }

  static ObjectNode fb(String id, String account, String handle, long at, String text) {
    return post("facebook", id, account, handle, at, text);
  }

  static ObjectNode post(String platform, String id, String account, String handle, long at, String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("platform", platform).put("post_id", id).put("account_id", account).put("account_handle", handle)
        .put("created_at", T0.plusSeconds(at).toString()).put("text", text).putNull("in_reply_to_post_id")
        .putNull("in_reply_to_account_id").put("is_repost", false);
    return n;
  }

  static ObjectNode reply(ObjectNode post, String toPost, String toAccount) {
    return post.put("in_reply_to_post_id", toPost).put("in_reply_to_account_id", toAccount);
  }

  static Path write(String name, List<ObjectNode> posts) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode p : posts) sb.append(JSON.writeValueAsString(p)).append('\n');
    Path f = tmp.resolve(name);
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  /** responsiveness.csv keyed "brand/platform", in file order. */
  static Map<String, CSVRecord> responsiveness(Path out) throws IOException {
    Map<String, CSVRecord> m = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(out.resolve("metrics/responsiveness.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        m.put(rec.get("brand") + "/" + rec.get("platform"), rec);
      }
    }
    return m;
  }

  static void assertCounts(CSVRecord r, long inbound, long answered, Double rate) {
    assertThat(r.get("inbound")).as("inbound").isEqualTo(String.valueOf(inbound));
    assertThat(r.get("answered")).as("answered").isEqualTo(String.valueOf(answered));
    assertThat(r.get("unanswered")).as("unanswered").isEqualTo(String.valueOf(inbound - answered));
    assertDecimal(r, "response_rate", rate);
  }

  static void assertTimes(CSVRecord r, Number median, Number mean, Number p90, Number fastest90) {
    assertDecimal(r, "rt_median_s", median);
    assertDecimal(r, "rt_mean_s", mean);
    assertDecimal(r, "rt_p90_s", p90);
    assertDecimal(r, "rt_mean_fastest90_s", fastest90);
  }

  static void assertBuckets(CSVRecord r, long h0to1, long h1to8, long h8to24, long over24, long unanswered) {
    assertThat(List.of(r.get("answered_0_1h"), r.get("answered_1_8h"), r.get("answered_8_24h"),
            r.get("answered_over_24h"), r.get("unanswered")))
        .as("latency buckets 0-1h, 1-8h, 8-24h, >24h, unanswered")
        .containsExactly(String.valueOf(h0to1), String.valueOf(h1to8), String.valueOf(h8to24),
            String.valueOf(over24), String.valueOf(unanswered));
  }

  static void assertActivity(CSVRecord r, long posts, long originals, long replies, long reposts, long toOthers,
      long unknownTarget, double replyShare, double broadcastRatio) {
    assertThat(List.of(r.get("brand_posts"), r.get("brand_originals"), r.get("brand_replies"),
            r.get("brand_reposts"), r.get("replies_to_others"), r.get("replies_unknown_target")))
        .as("brand_posts, originals, replies, reposts, replies_to_others, replies_unknown_target")
        .containsExactly(String.valueOf(posts), String.valueOf(originals), String.valueOf(replies),
            String.valueOf(reposts), String.valueOf(toOthers), String.valueOf(unknownTarget));
    assertDecimal(r, "reply_share", replyShare);
    assertDecimal(r, "broadcast_ratio", broadcastRatio);
  }

  /** CSV decimals are rounded to 6 places; null means an empty cell. */
  static void assertDecimal(CSVRecord r, String column, Number expected) {
    String cell = r.get(column);
    if (expected == null) {
      assertThat(cell).as(column).isEmpty();
    } else {
      assertThat(cell).as(column).isNotEmpty();
      assertThat(Double.parseDouble(cell)).as(column).isCloseTo(expected.doubleValue(), within(1e-6));
    }
  }
}
