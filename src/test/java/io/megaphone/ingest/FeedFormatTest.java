package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.feed.FeedFormat;
import io.megaphone.ingest.mastodon.MastodonFormat;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.job.UsageException;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed format on fixtures written from the RSS 2.0 specification, RFC 4287 (Atom), RFC 4685 (Atom threading)
 * and RSS 1.0 (src/test/resources/fixtures/feed/README.md), through a job file (the Atom news feed has the input
 * setting {@code platform: news}). Runs ingest + analyze once.
 *
 * <pre>
 *   blog-rss2.xml   WordPress-style RSS 2.0: content:encoded, no guid, numeric guid + EST; no date, 31 June,
 *                   neither guid nor link                                                      3 + 3 quarantined
 *   news-atom.xml   Atom 1.0 (platform news): html content, xhtml content + updated only, a comment
 *                   with thr:in-reply-to, an entry with a source                               4
 *   rss1.xml        RSS 1.0 (RDF) with dc:date and dc:language                                 1
 *   malformed.xml   one good item, then a mismatched end tag                                   1 + 1 quarantined
 *   not-a-feed.xml  an XHTML page                                                              0 + 1 quarantined
 * </pre>
 */
class FeedFormatTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/feed");
  static final String BLOG = "https://cafe-lumiere.example/blog/";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> posts;
  static List<Row> quarantine;

  @BeforeAll
  static void ingest() throws IOException {
    Path brands = tmp.resolve("brands.csv");
    Files.writeString(brands, "brand,platform,account_id,handle\nCafé Lumière,blog," + BLOG + ",\n",
        StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    Path job = tmp.resolve("job.yaml");
    Files.writeString(job, String.format("""
        name: feeds
        inputs:
          - format: feed
            path: %1$s/blog-rss2.xml
          - format: feed
            path: %1$s/news-atom.xml
            platform: news
          - format: feed
            path: %1$s/rss1.xml
          - format: feed
            path: %1$s/malformed.xml
          - format: feed
            path: %1$s/not-a-feed.xml
        brands: %2$s
        out: %3$s
        """, FIXTURES.toAbsolutePath(), brands, out), StandardCharsets.UTF_8);
    JobSettings s = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(job.toString()), List.of(), Optional.empty(), Optional.empty(), List.of()), true, true);
    assertThat(new JobRunner(s, EnumSet.of(Stage.INGEST, Stage.ANALYZE), "test").run(TestSpark.session())).isZero();
    posts = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
  }

  @Test
  void rss2_itemIsAPost_theFeedIsTheAccount() {
    Row p = posts.get("https://cafe-lumiere.example/blog/?p=101");
    assertThat(p.<String>getAs("platform")).isEqualTo("blog");
    assertThat(p.<String>getAs("account_id")).isEqualTo(BLOG);
    assertThat(p.<String>getAs("account_handle")).isEqualTo("Le blog de Café Lumière");
    assertThat(p.<String>getAs("brand")).isEqualTo("Café Lumière");
    assertThat(at(p)).isEqualTo(Instant.parse("2023-03-01T08:00:00Z"));
    // title, blank line, content:encoded (preferred to the description excerpt) as text; the script dropped
    assertThat(p.<String>getAs("text")).isEqualTo("Notre carte de printemps\n\n"
        + "Découvrez nos nouveautés de saison : tartes & brioches.\n\nÀ très vite !\nL\u2019équipe");
    assertThat(p.<String>getAs("lang")).isEqualTo("fr"); // fr-FR
    assertThat(list(p, "urls")).containsExactly("https://cafe-lumiere.example/blog/carte-de-printemps/");
    assertThat(p.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(p.<Boolean>getAs("is_repost")).isFalse();
    assertThat(p.<String>getAs("source_record")).isEqualTo("item 1 (line 15)");
  }

  @Test
  void rss2_idFallsBackToTheLink_bareGuidsAreQualified_zoneNamesAreRead() {
    Row noGuid = posts.get("https://cafe-lumiere.example/blog/horaires-ete/");
    assertThat(noGuid.<String>getAs("text")).isEqualTo("Horaires d\u2019été\n\nNous ouvrons à 7h30 & fermons à 19h.");
    assertThat(at(noGuid)).isEqualTo(Instant.parse("2023-06-01T07:30:00Z"));

    Row bare = posts.get(BLOG + "#4521");
    assertThat(bare.<String>getAs("text")).isEqualTo("Fermeture exceptionnelle");
    assertThat(at(bare)).isEqualTo(Instant.parse("2023-07-03T14:00:00Z")); // 09:00 EST
    assertThat(list(bare, "urls")).isEmpty();
    assertThat(bare.<String>getAs("source_record")).isEqualTo("item 3 (line 36)");
  }

  @Test
  void atom_entries_withPlatformSetting_contentTypes_updatedOnly_threading_source() {
    Row a = posts.get("tag:quotidien.example,2023:article-1");
    assertThat(a.<String>getAs("platform")).isEqualTo("news");
    assertThat(a.<String>getAs("account_id")).isEqualTo("https://quotidien.example/");
    assertThat(a.<String>getAs("account_handle")).isEqualTo("Le Quotidien du Quartier");
    assertThat(at(a)).isEqualTo(Instant.parse("2023-04-01T08:00:00Z")); // published, not updated
    assertThat(a.<String>getAs("text"))
        .isEqualTo("Un nouveau café ouvre à Lyon\n\nLe café Lumière ouvre rue Mercière, voir le plan.");
    assertThat(list(a, "urls")).containsExactly("https://quotidien.example/2023/04/cafe-lumiere-lyon");
    assertThat(a.<String>getAs("source_record")).isEqualTo("entry 1 (line 10)");
    assertThat(a.<String>getAs("lang")).isEqualTo("fr"); // the feed's xml:lang

    Row x = posts.get("tag:quotidien.example,2023:article-2");
    assertThat(at(x)).isEqualTo(Instant.parse("2023-04-02T08:00:00Z")); // updated only
    assertThat(x.<String>getAs("text"))
        .isEqualTo("Travaux & circulation\n\nLa rue est fermée jusqu'à vendredi.\n\nDéviation par le quai.");

    Row c = posts.get("tag:quotidien.example,2023:comment-7");
    assertThat(c.<String>getAs("in_reply_to_post_id")).isEqualTo("tag:quotidien.example,2023:article-1");
    assertThat(c.<String>getAs("in_reply_to_account_id")).isEqualTo("https://quotidien.example/"); // from the archive
    assertThat(c.<String>getAs("text")).isEqualTo("Re: Un nouveau café ouvre à Lyon\n\nEnfin ! J'y vais demain.");

    Row s = posts.get("https://cafe-lumiere.example/blog/?p=110");
    assertThat(s.<String>getAs("account_id")).isEqualTo(BLOG); // the entry's source, not the aggregating feed
    assertThat(s.<String>getAs("account_handle")).isEqualTo("Le blog de Café Lumière");
    assertThat(s.<String>getAs("platform")).isEqualTo("news");
  }

  @Test
  void rss1_itemWithDublinCoreDateAndLanguage() {
    Row p = posts.get("https://cafe-lumiere.example/blog/anniversaire/");
    assertThat(at(p)).isEqualTo(Instant.parse("2023-05-10T07:00:00Z"));
    assertThat(p.<String>getAs("lang")).isEqualTo("en");
    assertThat(p.<String>getAs("text")).isEqualTo("Nos 10 ans\n\nUne brioche offerte pour nos 10 ans.");
    assertThat(p.<String>getAs("brand")).isEqualTo("Café Lumière");
    assertThat(p.<String>getAs("source_record")).isEqualTo("item 1 (line 14)");
  }

  @Test
  void badItemsAndFilesAreQuarantinedWithReasonAndPosition() {
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder(
            tuple("blog-rss2.xml", "item 4 (line 41)", "missing_timestamp"),
            tuple("blog-rss2.xml", "item 5 (line 47)", "invalid_timestamp"),
            tuple("blog-rss2.xml", "item 6 (line 52)", "missing_id"),
            tuple("malformed.xml", "line 7 column 114", "unparseable"),
            tuple("not-a-feed.xml", "line 2", "unparseable"));
    Map<String, Row> q = quarantine.stream().collect(Collectors.toMap(r -> file(r) + " " + r.getAs("source_record"),
        Function.identity()));
    assertThat(q.get("blog-rss2.xml item 5 (line 47)").<String>getAs("detail"))
        .isEqualTo("unparseable timestamp 'Fri, 31 Jun 2023 10:00:00 +0200'");
    assertThat(q.get("blog-rss2.xml item 5 (line 47)").<String>getAs("raw")).contains("<title>Le 31 juin</title>");
    assertThat(q.get("blog-rss2.xml item 4 (line 41)").<String>getAs("post_id"))
        .isEqualTo("https://cafe-lumiere.example/blog/?p=104");
    assertThat(q.get("malformed.xml line 7 column 114").<String>getAs("detail"))
        .startsWith("malformed XML at line 7 column 114 (after item 1; the rest of the file is unreadable): ")
        .endsWith("The element type \"item\" must be terminated by the matching end-tag \"</item>\".");
    assertThat(q.get("not-a-feed.xml line 2").<String>getAs("detail"))
        .isEqualTo("not an RSS or Atom feed: the root element is <html>");
    assertThat(posts).containsKey("https://broken.example/1"); // read before the error
  }

  @Test
  void everyRecordIsAccountedFor() throws IOException {
    Map<String, long[]> expected = Map.of("blog-rss2.xml", new long[] {6, 3, 3}, "news-atom.xml", new long[] {4, 4, 0},
        "rss1.xml", new long[] {1, 1, 0}, "malformed.xml", new long[] {2, 1, 1}, "not-a-feed.xml", new long[] {1, 0, 1});
    Map<String, CSVRecord> summary = new HashMap<>();
    for (CSVRecord r : MastodonFormatTest.csv(out.resolve("metrics/ingest_summary.csv"))) {
      summary.put(r.get("source").replaceFirst(".*/", ""), r);
    }
    assertThat(summary).containsOnlyKeys(expected.keySet());
    for (var e : expected.entrySet()) {
      CSVRecord r = summary.get(e.getKey());
      assertThat(new long[] {Long.parseLong(r.get("records_read")), Long.parseLong(r.get("records_accepted")),
          Long.parseLong(r.get("records_quarantined"))}).as(e.getKey()).containsExactly(e.getValue());
      assertThat(r.get("reconciled")).isEqualTo("true");
    }
    assertThat(posts).hasSize(9);
  }

  @Test
  void settingsAreCheckedBeforeSparkStarts() {
    FeedFormat feed = new FeedFormat();
    feed.checkSettings("feed=x", Map.of("platform", "news"));
    assertThatThrownBy(() -> feed.checkSettings("feed=x", Map.of("platform", "tumblr")))
        .isInstanceOf(UsageException.class).hasMessageContaining("platform 'tumblr' is not a platform");
    MastodonFormat mastodon = new MastodonFormat();
    mastodon.checkSettings("mastodon=x", Map.of("server", "mastodon.social"));
    assertThatThrownBy(() -> mastodon.checkSettings("mastodon=x", Map.of("server", "https://mastodon.social/")))
        .isInstanceOf(UsageException.class).hasMessageContaining("is not a domain");
    assertThatThrownBy(() -> mastodon.checkSettings("mastodon=x", Map.of("platform", "blog")))
        .isInstanceOf(UsageException.class).hasMessageContaining("unknown setting 'platform'");
  }

  private static Instant at(Row r) {
    return r.<Timestamp>getAs("created_at").toInstant();
  }

  private static List<String> list(Row r, String field) {
    return r.getList(r.fieldIndex(field));
  }

  private static String file(Row r) {
    return r.<String>getAs("source_file").replaceFirst(".*/", "");
  }
}
