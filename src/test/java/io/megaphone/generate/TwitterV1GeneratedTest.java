package io.megaphone.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twitter-v1 generator writer: the statuses look like API v1.1 ones (retweets carry {@code retweeted_status},
 * replies the {@code in_reply_to_*_str} fields), and generate → run measures truth.json's realised counts exactly,
 * with every record accepted (the checks GeneratedResponsivenessTest makes for twitter-v2 and twcs).
 */
class TwitterV1GeneratedTest {
  private static final long SEED = 20_240_601;

  @TempDir static Path tmp;

  @Test
  void generatedStatusesRoundTripThroughThePipeline() throws IOException {
    Path dir = tmp.resolve("twitter-v1");
    GeneratedArchives.generate(dir, 20_000, "twitter-v1", SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"twitter\"]");

    long statuses = 0;
    long retweets = 0;
    long replies = 0;
    Set<String> ids = new HashSet<>();
    Set<String> retweeted = new HashSet<>();
    for (Path f : GeneratedArchives.dataFiles(dir)) {
      assertThat(f.getFileName().toString()).endsWith(".jsonl");
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        JsonNode s = GeneratedArchives.JSON.readTree(line);
        statuses++;
        ids.add(s.get("id_str").asText());
        assertThat(s.get("id").asText()).isEqualTo(s.get("id_str").asText());
        assertThat(s.get("created_at").asText()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 \\d{4}");
        assertThat(s.get("user").get("id_str").asText()).isNotEmpty();
        assertThat(s.get("user").get("screen_name").asText()).isNotEmpty();
        assertThat(s.has("full_text")).isTrue();
        JsonNode rt = s.get("retweeted_status");
        if (rt != null) {
          retweets++;
          assertThat(s.get("full_text").asText()).startsWith("RT @" + rt.get("user").get("screen_name").asText() + ": ");
          assertThat(rt.has("retweeted_status")).isFalse();
          retweeted.add(rt.get("id_str").asText());
        }
        if (!s.get("in_reply_to_status_id_str").isNull()) {
          replies++;
          assertThat(s.get("in_reply_to_user_id_str").asText()).isNotEmpty();
          assertThat(s.get("in_reply_to_screen_name").asText()).isNotEmpty();
        }
      }
    }
    assertThat(statuses).isEqualTo(20_000);
    assertThat(retweets).as("retweets").isPositive();
    assertThat(replies).as("replies").isPositive();
    // the retweeted originals are posts of the collection too (one status per post, none duplicated)
    assertThat(ids).hasSize(20_000).containsAll(retweeted);

    GeneratedResponsivenessTest.assertRealisedCountsMatch(truth, GeneratedResponsivenessTest.runJob(dir, 20_000), 1);
  }
}
