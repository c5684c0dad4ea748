package io.megaphone.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.HtmlText;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated mastodon and feed archives through the real pipeline (the generated job.yaml). Mastodon: every status
 * accepted and the responsiveness table equal to truth.json's realised counts. Feed: the feed carries the brands'
 * original posts only (see FeedWriter), so truth's responsiveness does not apply; every written item is accepted
 * and attributed to its brand.
 */
class GeneratedMastodonFeedTest {
  private static final long SEED = 20_240_601;

  @TempDir static Path tmp;

  @Test
  void mastodon_everyStatusAccepted_realisedCountsAreMeasuredExactly() throws IOException {
    Path dir = tmp.resolve("mastodon");
    GeneratedArchives.generate(dir, 20_000, "mastodon", SEED, 10_000, false);
    JsonNode truth = GeneratedArchives.truth(dir);
    assertThat(truth.path("generator").path("platforms").toString()).isEqualTo("[\"mastodon\"]");
    assertThat(GeneratedArchives.dataFiles(dir)).hasSize(2);
    GeneratedResponsivenessTest.assertRealisedCountsMatch(truth, GeneratedResponsivenessTest.runJob(dir, 20_000), 1);
    // boosts are reposts of the boosted status, which is in the archive too
    List<Row> boosts = TestSpark.session().read().parquet(dir.resolve("run/archive").toString())
        .filter("is_repost").collectAsList();
    assertThat(boosts).isNotEmpty().allSatisfy(b -> assertThat(b.<String>getAs("repost_of_post_id")).isNotNull());
  }

  @Test
  void feed_everyWrittenItemAccepted_andAttributedToItsBrand() throws IOException {
    Path dir = tmp.resolve("feed");
    GeneratedArchives.generate(dir, 20_000, "feed", SEED, 10_000, false);
    long items = 0;
    for (Path f : GeneratedArchives.dataFiles(dir)) {
      Matcher m = Pattern.compile("<item>").matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) items++;
    }
    assertThat(items).as("items written").isGreaterThan(1_000).isLessThan(20_000);
    assertThat(new JobRunner(GeneratedResponsivenessTest.resolve(dir), EnumSet.of(Stage.INGEST, Stage.ANALYZE), "test")
        .run(TestSpark.session())).isZero();
    long read = 0;
    long accepted = 0;
    long quarantined = 0;
    for (CSVRecord r : GeneratedResponsivenessTest.csv(dir.resolve("run/metrics/ingest_summary.csv"))) {
      read += Long.parseLong(r.get("records_read"));
      accepted += Long.parseLong(r.get("records_accepted"));
      quarantined += Long.parseLong(r.get("records_quarantined"));
    }
    assertThat(read).isEqualTo(items);
    assertThat(accepted).isEqualTo(items);
    assertThat(quarantined).isZero();
    long brandPosts = 0;
    for (CSVRecord r : GeneratedResponsivenessTest.csv(dir.resolve("run/metrics/responsiveness.csv"))) {
      if (r.get("platform").equals("blog")) brandPosts += Long.parseLong(r.get("brand_posts"));
    }
    assertThat(brandPosts).as("items attributed to a brand").isEqualTo(items);
  }

  /** 6,500 posts in files of ≤ 1000 or ≤ 5000 posts: the same statuses, the same items, only the cuts move. */
  @Test
  void postsPerFileOnlyMovesTheCuts() {
    for (String format : List.of("mastodon", "feed")) {
      Path small = tmp.resolve(format + "-ppf1000");
      Path big = tmp.resolve(format + "-ppf5000");
      GeneratedArchives.generate(small, 6_500, format, 11, 1_000, false);
      GeneratedArchives.generate(big, 6_500, format, 11, 5_000, false);
      assertThat(GeneratedArchives.dataFiles(small)).hasSize(7);
      assertThat(GeneratedArchives.dataFiles(big)).hasSize(2);
      String a = new String(GeneratedArchives.concatenatedData(small, false), StandardCharsets.UTF_8);
      String b = new String(GeneratedArchives.concatenatedData(big, false), StandardCharsets.UTF_8);
      if (format.equals("feed")) { // each file is a document of its own: compare the items
        a = String.join("\n", items(a));
        b = String.join("\n", items(b));
      }
      assertThat(a).as(format).isNotEmpty().isEqualTo(b);
    }
  }

  private static List<String> items(String xml) {
    List<String> out = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("<item>.*?</item>", Pattern.DOTALL).matcher(xml);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** What the writer renders as Mastodon HTML reads back as the generated text, with its entities. */
  @Test
  void mastodonHtml_readsBackAsTheText() {
    Text t = new Text("@Acme_Lyon2 Merci & bravo <3\nVoir https://www.acme.example/offres-de-printemps-2021/soldes #Soldes",
        List.of("https://www.acme.example/offres-de-printemps-2021/soldes"), List.of("Soldes"), List.of("Acme_Lyon2"), 0);
    HtmlText.Parsed p = HtmlText.parse(MastodonWriter.html(t));
    assertThat(p.text()).isEqualTo(t.text());
    assertThat(p.links()).containsExactly("https://www.acme.example/offres-de-printemps-2021/soldes");
  }
}
