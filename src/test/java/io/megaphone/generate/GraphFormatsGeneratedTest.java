package io.megaphone.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Graph API writers round-trip through their readers: a facebook-only and an instagram-only archive of 20,000
 * posts each is generated, its own job.yaml ingested and analysed; every record is accepted, and the responsiveness
 * table reproduces truth.json's realised inbound, answered and brand posts exactly — which needs every comment and
 * reply to come back with the post and the author it answers.
 */
class GraphFormatsGeneratedTest {
  private static final long SEED = 20_240_601;

  @TempDir static Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"facebook", "instagram"})
  void realisedCountsAreMeasuredExactly(String format) throws IOException {
    Path dir = tmp.resolve(format);
    GeneratedArchives.generate(dir, 20_000, format, SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"" + format + "\"]");
    GeneratedResponsivenessTest.assertRealisedCountsMatch(truth, GeneratedResponsivenessTest.runJob(dir, 20_000), 1);

    // the archive has the threads: replies with the post and author they answer, conversation roots
    List<Row> counts = TestSpark.session().read().parquet(dir.resolve("run/archive").toString())
        .selectExpr("count(in_reply_to_post_id)", "count(in_reply_to_account_id)", "count(conversation_id)",
            "sum(cast(is_repost as int))", "count(*)")
        .collectAsList();
    Row c = counts.get(0);
    assertThat(c.getLong(0)).as("replies").isPositive().isEqualTo(c.getLong(1));
    assertThat(c.getLong(2)).as("posts with a conversation").isEqualTo(20_000L);
    if (format.equals("facebook")) {
      assertThat(c.getLong(3)).as("facebook re-posts (shared_story with parent_id)").isPositive();
    } else {
      assertThat(c.getLong(3)).as("instagram has no re-posts").isZero();
    }
  }

  /** Files are JSON Lines of Graph response pages with threads nested under their post. */
  @Test
  void writersProduceGraphResponsePages() throws IOException {
    for (String format : List.of("facebook", "instagram")) {
      Path dir = tmp.resolve("shape-" + format);
      GeneratedArchives.generate(dir, 3_000, format, 7, 1_000, false);
      List<Path> files = GeneratedArchives.dataFiles(dir);
      assertThat(files).hasSize(3).allSatisfy(f -> assertThat(f.toString()).endsWith(".jsonl"));
      long items = 0;
      long nested = 0;
      for (Path f : files) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode page = GeneratedArchives.JSON.readTree(line);
          assertThat(page.has("paging")).isTrue();
          for (JsonNode item : page.get("data")) {
            items++;
            nested += nestedComments(item);
          }
        }
      }
      assertThat(items + nested).as(format + " posts written").isEqualTo(3_000);
      assertThat(nested).as(format + " comments and replies nested under their post").isPositive();
    }
  }

  /** Comments under a node (edges "comments" and "replies", {"data": [...]}), at any depth. */
  private static long nestedComments(JsonNode node) {
    long n = 0;
    for (String e : List.of("comments", "replies")) {
      for (JsonNode c : node.path(e).path("data")) n += 1 + nestedComments(c);
    }
    return n;
  }
}
