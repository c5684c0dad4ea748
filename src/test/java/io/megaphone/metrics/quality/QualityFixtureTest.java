package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over-exposure, account sprawl and the templated-reply rule on a hand-built fixture (threshold 2 posts a day,
 * templates from 3 recurrences), every figure worked out by hand.
 *
 * <p>Brand A on Twitter (accounts a1, a2): day 1 posts at 09:10, 09:40 (a1) and 15:00 (a2); day 2 at 09:05; day 3
 * three replies from a1 written from one template ("@cN Bonjour NAME, merci pour votre message. ^XY") at 10:00,
 * 11:00, 12:00; so 7 posts, 3 active days, hour 9 busiest (3 of 7), 2 of 3 days over 2 posts, 2 accounts, 3
 * templated replies. On Facebook (afb): one post on day 1 at 20:00. All platforms: 8 posts, 3 active days, hour 9
 * (3 of 8), days 1 (4 posts) and 3 (3) over the threshold, 3 accounts.
 */
class QualityFixtureTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant DAY1 = Instant.parse("2024-03-04T00:00:00Z");
  @TempDir static Path tmp;
  static Map<String, CSVRecord> quality;

  @BeforeAll
  static void run() throws IOException {
    Path brands = tmp.resolve("brands.csv");
    Files.writeString(brands, "brand,platform,account_id,handle\nA,twitter,a1,brandA\nA,twitter,a2,brandA_aide\n"
        + "A,facebook,afb,brandA\n");
    List<ObjectNode> posts = new ArrayList<>();
    posts.add(post("twitter", "t1", "a1", 0, 9 * 60 + 10, "Nouvelle collection en boutique cette semaine"));
    posts.add(post("twitter", "t2", "a1", 0, 9 * 60 + 40, "Nos horaires changent pour les vacances de printemps"));
    posts.add(post("twitter", "t3", "a2", 0, 15 * 60, "Notre service client est ouvert jusqu'à 20 h ce soir"));
    posts.add(post("twitter", "t4", "a1", 1, 9 * 60 + 5, "Retrouvez-nous au salon de Lyon la semaine prochaine"));
    String[][] customers = {{"c1", "marie_l", "Marie", "AB"}, {"c2", "jdupont", "Jean", "CD"}, {"c3", "luc75", "Luc", "EF"}};
    for (int i = 0; i < 3; i++) {
      String[] c = customers[i];
      posts.add(post("twitter", c[0], "u" + i, 2, 9 * 60, "@brandA ma commande n'est pas arrivée").put(
          "account_handle", c[1]));
      posts.add(post("twitter", "r" + i, "a1", 2, (10 + i) * 60, "@" + c[1] + " Bonjour " + c[2]
          + ", merci pour votre message. ^" + c[3]).put("in_reply_to_post_id", c[0]).put("in_reply_to_account_id",
          "u" + i));
    }
    posts.add(post("facebook", "f1", "afb", 0, 20 * 60, "Merci à tous pour cette belle journée d'inauguration"));
    StringBuilder jsonl = new StringBuilder();
    for (ObjectNode p : posts) jsonl.append(JSON.writeValueAsString(p)).append('\n');
    Path data = Files.writeString(tmp.resolve("posts.jsonl"), jsonl);
    Path out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("canonical=" + data), brands.toString(), out,
        "quality.daily-post-threshold=2", "quality.template-min-count=3");
    quality = new LinkedHashMap<>();
    for (CSVRecord r : QualityMetricsTest.csv(out.resolve("metrics/quality.csv"))) {
      quality.put(r.get("brand") + "|" + r.get("platform"), r);
    }
  }

  @Test
  void twitter() {
    assertRow("A|twitter", "7", "3", "2.333333", "9", "0.428571", "0.666667", "2", "3", "3");
  }

  @Test
  void facebook() {
    assertRow("A|facebook", "1", "1", "1", "20", "1", "0", "1", "0", "0");
  }

  @Test
  void allPlatforms() {
    assertRow("A|all", "8", "3", "2.666667", "9", "0.375", "0.666667", "3", "3", "3");
  }

  private static void assertRow(String key, String posts, String activeDays, String perDay, String hour,
      String hourShare, String daysOver, String accounts, String replies, String templated) {
    CSVRecord r = quality.get(key);
    assertThat(r).as(key).isNotNull();
    assertThat(List.of(r.get("posts"), r.get("active_days"), r.get("posts_per_active_day"), r.get("busiest_hour"),
        r.get("busiest_hour_share"), r.get("days_over_threshold_share"), r.get("accounts"), r.get("replies"),
        r.get("templated_reply_posts"))).as(key)
        .containsExactly(posts, activeDays, perDay, hour, hourShare, daysOver, accounts, replies, templated);
  }

  static ObjectNode post(String platform, String id, String account, int day, int minute, String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("platform", platform).put("post_id", id).put("account_id", account)
        .put("created_at", DAY1.plusSeconds(day * 86_400L + minute * 60L).toString()).put("text", text)
        .put("lang", "fr").put("is_repost", false);
    return n;
  }
}
