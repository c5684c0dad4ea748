package io.megaphone.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The youtube and reddit generator formats round-trip through the real pipeline (ingest + analyze on the generated
 * job.yaml): every record is accepted, and responsiveness reproduces truth.json's realised inbound, answered and
 * brand posts for every brand exactly (the checks of {@link GeneratedResponsivenessTest} for the Twitter formats).
 */
class YoutubeRedditGeneratedTest {
  private static final long SEED = 20_240_601;
  private static final long POSTS = 20_000;

  @TempDir static Path tmp;

  @Test
  void youtube_realisedCountsAreMeasuredExactly() throws IOException {
    Path dir = tmp.resolve("youtube");
    GeneratedArchives.generate(dir, POSTS, "youtube", SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"youtube\"]");
    List<Path> data = GeneratedArchives.dataFiles(dir);
    assertThat(data).hasSize(2).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".jsonl"));
    String first = Files.readAllLines(data.get(0), StandardCharsets.UTF_8).get(0);
    assertThat(GeneratedArchives.JSON.readTree(first).path("kind").asText()).isEqualTo("youtube#videoListResponse");
    GeneratedResponsivenessTest.assertRealisedCountsMatch(truth, GeneratedResponsivenessTest.runJob(dir, POSTS), 1);

    Dataset<Row> archive = TestSpark.session().read().parquet(dir.resolve("run/archive").toString());
    // every comment names its video as the conversation, every video its own id
    assertThat(archive.filter(col("conversation_id").isNull()).count()).isZero();
    // top-level comments know the channel replied to from the thread; replies from the same thread
    assertThat(archive.filter(col("in_reply_to_post_id").isNotNull().and(col("in_reply_to_account_id").isNull())).count())
        .isZero();
  }

  @Test
  void reddit_realisedCountsAreMeasuredExactly_crosspostsAreReposts() throws IOException {
    Path dir = tmp.resolve("reddit");
    GeneratedArchives.generate(dir, POSTS, "reddit", SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"reddit\"]");
    GeneratedResponsivenessTest.assertRealisedCountsMatch(truth, GeneratedResponsivenessTest.runJob(dir, POSTS), 1);

    long reposts = 0;
    for (JsonNode b : truth.get("brands")) reposts += b.path("realised").path("all").path("reposts").asLong();
    Dataset<Row> archive = TestSpark.session().read().parquet(dir.resolve("run/archive").toString());
    assertThat(reposts).isPositive();
    assertThat(archive.filter(col("is_repost")).count()).isEqualTo(reposts);
    // comments carry no author replied to: ingest found every one of them in the archive
    assertThat(archive.filter(col("in_reply_to_post_id").isNotNull().and(col("in_reply_to_account_id").isNull())).count())
        .isZero();
    // brands' @-mentions were written u/name and are read back as mentions
    assertThat(archive.filter(org.apache.spark.sql.functions.size(col("mentions")).gt(0)).count()).isPositive();
  }

  /**
   * 6,500 posts in 7 files of at most 1,000 posts or in 2 of at most 5,000: the same bytes once concatenated (the
   * writers page within a block, never across), and every post id 0 … 6,499 written exactly once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"youtube", "reddit"})
  void postsPerFileOnlyMovesTheCuts_everyPostWrittenOnce(String format) throws IOException {
    Path small = tmp.resolve(format + "-ppf1000");
    Path big = tmp.resolve(format + "-ppf5000");
    GeneratedArchives.generate(small, 6_500, format, 11, 1_000, false);
    GeneratedArchives.generate(big, 6_500, format, 11, 5_000, false);
    assertThat(GeneratedArchives.dataFiles(small)).hasSize(7);
    assertThat(GeneratedArchives.dataFiles(big)).hasSize(2);
    assertThat(GeneratedArchives.concatenatedData(small, false)).isEqualTo(GeneratedArchives.concatenatedData(big, false));

    List<Long> ids = new ArrayList<>();
    for (Path f : GeneratedArchives.dataFiles(small)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        JsonNode v = GeneratedArchives.JSON.readTree(line);
        if (format.equals("reddit")) {
          ids.add(v.get("id").asLong());
          continue;
        }
        assertThat(v.path("pageInfo").path("totalResults").asInt()).isEqualTo(v.get("items").size());
        for (JsonNode item : v.get("items")) {
          if (item.path("kind").asText().equals("youtube#video")) {
            ids.add(item.get("id").asLong());
          } else {
            ids.add(item.path("snippet").path("topLevelComment").get("id").asLong());
            for (JsonNode r : item.path("replies").path("comments")) ids.add(r.get("id").asLong());
          }
        }
      }
    }
    assertThat(ids.stream().sorted().toList()).isEqualTo(LongStream.range(0, 6_500).boxed().toList());
  }
}
