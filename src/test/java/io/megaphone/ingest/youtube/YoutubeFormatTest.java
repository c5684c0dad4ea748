package io.megaphone.ingest.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The youtube format on fixtures written from the YouTube Data API v3 reference (see fixtures/youtube/README.md): a
 * videos.list page as one pretty-printed document, commentThreads.list and comments.list pages as JSON Lines, a
 * search.list page inside an array. Runs the real ingest + analyze once and checks posts, reply links (from the
 * thread, and from the archive when the thread does not say), quarantine and reconciliation, and the brand's
 * responsiveness.
 */
class YoutubeFormatTest {
  static final Path DIR = Path.of("src", "test", "resources", "fixtures", "youtube");
  static final String ACME = "UCAcmeOfficialChannel001";
  static final String MARIE = "UCviewerMarie00000000x1";
  static final String PAUL = "UCviewerPaul000000000x2";
  static final String JULES = "UCviewerJules000000000x";

  @TempDir static Path out;
  static Map<String, Row> posts;
  static List<Row> quarantine;
  /** byte offset of each line of threads.jsonl (1-based line → offset) */
  static List<Long> threadLineOffsets;

  @BeforeAll
  static void ingest() throws IOException {
    Pipeline.ingestAndAnalyze(List.of("youtube=" + DIR.resolve("videos-page.json"),
        "youtube=" + DIR.resolve("threads.jsonl"), "youtube=" + DIR.resolve("search.json")),
        DIR.resolve("brands.csv").toString(), out);
    posts = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
    threadLineOffsets = new ArrayList<>();
    threadLineOffsets.add(-1L);
    byte[] b = Files.readAllBytes(DIR.resolve("threads.jsonl"));
    threadLineOffsets.add(0L);
    for (int i = 0; i < b.length - 1; i++) if (b[i] == '\n') threadLineOffsets.add((long) i + 1);
  }

  @Test
  void videoText_isTitleBlankLineDescription_statisticsAreParsedFromStrings() {
    Row v = posts.get("AcmeVid0001");
    assertThat(v.<String>getAs("platform")).isEqualTo("youtube");
    assertThat(v.<String>getAs("account_id")).isEqualTo(ACME);
    assertThat(v.<String>getAs("account_handle")).isEqualTo("Acme France");
    assertThat(v.<String>getAs("brand")).isEqualTo("Acme");
    assertThat(instant(v)).isEqualTo(Instant.parse("2023-03-01T10:00:00Z"));
    assertThat(v.<String>getAs("text"))
        .isEqualTo("Nouvelle gamme de crêpes 🥞\n\nDécouvrez la gamme sur https://acme.example/crepes\n#crepes #nouveaute");
    assertThat(v.<String>getAs("lang")).isEqualTo("fr"); // defaultAudioLanguage fr-FR when no defaultLanguage, kept as its primary subtag
    assertThat(v.<String>getAs("conversation_id")).isEqualTo("AcmeVid0001");
    assertThat(v.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(v.<Boolean>getAs("is_repost")).isFalse();
    assertThat(list(v, "urls")).containsExactly("https://acme.example/crepes");
    assertThat(list(v, "hashtags")).containsExactly("crepes", "nouveaute"); // from the text; snippet.tags are not hashtags
    assertThat(v.<Long>getAs("views")).isEqualTo(15230L);
    assertThat(v.<Long>getAs("likes")).isEqualTo(321L);
    assertThat(v.<Long>getAs("replies")).isEqualTo(3L);
    assertThat(v.<Long>getAs("shares")).isNull();
    assertThat(v.<String>getAs("source_record")).isEqualTo("line 1 $.items[0]");

    Row mention = posts.get("PubVid00002"); // empty description: the title alone; likeCount hidden
    assertThat(mention.<String>getAs("text")).isEqualTo("Mon avis sur @AcmeFR : déçu par la livraison ?");
    assertThat(mention.<String>getAs("brand")).isNull();
    assertThat(mention.<String>getAs("lang")).isEqualTo("fr");
    assertThat(list(mention, "mentions")).containsExactly("AcmeFR");
    assertThat(mention.<Long>getAs("likes")).isNull();
    assertThat(mention.<Long>getAs("views")).isEqualTo(87L);
    assertThat(mention.<String>getAs("source_record")).isEqualTo("line 1 $.items[1]");
  }

  @Test
  void searchResult_isAVideoWithItsHtmlEscapesUndone() {
    Row s = posts.get("PubVid00003");
    assertThat(s.<String>getAs("text"))
        .isEqualTo("Acme Q&A : j'ai testé leurs crêpes\n\nTest complet des crêpes @AcmeFR, verdict à la fin ...");
    assertThat(s.<String>getAs("account_id")).isEqualTo("UCviewerLea0000000000x3");
    assertThat(s.<String>getAs("account_handle")).isEqualTo("Léa K");
    assertThat(instant(s)).isEqualTo(Instant.parse("2023-03-05T18:00:00Z"));
    assertThat(s.<Long>getAs("views")).isNull();
    assertThat(s.<String>getAs("source_record")).isEqualTo("line 1 $[0].items[0]");
  }

  @Test
  void topLevelComment_repliesToItsVideoAndTheVideosChannel() {
    Row c = posts.get("UgzTopMarie1");
    assertThat(c.<String>getAs("text")).isEqualTo("C'est dispo en magasin ?"); // textOriginal
    assertThat(c.<String>getAs("account_id")).isEqualTo(MARIE);
    assertThat(c.<String>getAs("account_handle")).isEqualTo("marie_dupont"); // "@marie_dupont"
    assertThat(c.<String>getAs("in_reply_to_post_id")).isEqualTo("AcmeVid0001");
    assertThat(c.<String>getAs("in_reply_to_account_id")).isEqualTo(ACME); // the thread's snippet.channelId
    assertThat(c.<String>getAs("conversation_id")).isEqualTo("AcmeVid0001");
    assertThat(c.<Long>getAs("likes")).isEqualTo(4L);
    assertThat(c.<Long>getAs("replies")).isEqualTo(2L); // totalReplyCount
    assertThat(instant(c)).isEqualTo(Instant.parse("2023-03-01T12:00:00Z"));
    assertThat(c.<String>getAs("source_record"))
        .isEqualTo("byte 0 $.items[0].snippet.topLevelComment");

    Row answer = posts.get("UgzTopMarie1.9nQAcme01");
    assertThat(answer.<String>getAs("brand")).isEqualTo("Acme");
    assertThat(answer.<String>getAs("account_handle")).isEqualTo("AcmeFR");
    assertThat(answer.<String>getAs("in_reply_to_post_id")).isEqualTo("UgzTopMarie1"); // snippet.parentId
    assertThat(answer.<String>getAs("in_reply_to_account_id")).isEqualTo(MARIE); // author of the parent, same thread
    assertThat(answer.<String>getAs("conversation_id")).isEqualTo("AcmeVid0001");
    assertThat(answer.<Long>getAs("replies")).isNull();
    assertThat(answer.<String>getAs("source_record")).isEqualTo("byte 0 $.items[0].replies.comments[0]");

    Row followUp = posts.get("UgzTopMarie1.9nQMarie02"); // replies to her own comment, mentions the brand
    assertThat(followUp.<String>getAs("in_reply_to_post_id")).isEqualTo("UgzTopMarie1");
    assertThat(followUp.<String>getAs("in_reply_to_account_id")).isEqualTo(MARIE);
    assertThat(list(followUp, "mentions")).containsExactly("AcmeFR");

    Row onPublicVideo = posts.get("UgzAcmeOnJules"); // the brand's comment on the video that mentions it
    assertThat(onPublicVideo.<String>getAs("brand")).isEqualTo("Acme");
    assertThat(onPublicVideo.<String>getAs("in_reply_to_post_id")).isEqualTo("PubVid00002");
    assertThat(onPublicVideo.<String>getAs("in_reply_to_account_id")).isEqualTo(JULES);
  }

  /**
   * A thread saved without snippet.channelId, and a comments.list reply whose parent is in another response: the
   * format leaves the author replied to empty and ingest fills it from the archive (the video's, the parent's author).
   */
  @Test
  void unknownAuthorsRepliedTo_areResolvedFromTheArchive() {
    Row paul = posts.get("UgzPaul0001");
    assertThat(paul.<String>getAs("in_reply_to_post_id")).isEqualTo("AcmeVid0001");
    assertThat(paul.<String>getAs("in_reply_to_account_id")).isEqualTo(ACME); // from the video in videos-page.json
    // no textOriginal: textDisplay with its HTML undone
    assertThat(paul.<String>getAs("text")).isEqualTo("J'adore & j'en veux encore !\nVu sur https://acme.example/");
    assertThat(paul.<String>getAs("account_handle")).isEqualTo("Paul Martin"); // a display name that is no handle
    assertThat(list(paul, "urls")).containsExactly("https://acme.example/");

    Row reply = posts.get("UgzPaul0001.9nQAcme03");
    assertThat(reply.<String>getAs("in_reply_to_post_id")).isEqualTo("UgzPaul0001");
    assertThat(reply.<String>getAs("in_reply_to_account_id")).isEqualTo(PAUL); // from the thread in line 1
    assertThat(reply.<String>getAs("conversation_id")).isNull(); // comments.list replies do not name their video
    assertThat(reply.<String>getAs("source_record")).isEqualTo("byte " + threadLineOffsets.get(3) + " $.items[0]");
  }

  @Test
  void badRecordsAreQuarantinedWithReasonAndPosition() {
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"),
            r -> r.<String>getAs("reason"), r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple("videos-page.json", "line 1 $.items[2]", "missing_id", null),
            tuple("videos-page.json", "line 1 $.items[3]", "invalid_timestamp", "BadDate0004"),
            tuple("threads.jsonl", "byte " + threadLineOffsets.get(2), "unparseable", null),
            tuple("threads.jsonl", "byte " + threadLineOffsets.get(4), "unparseable", null),
            tuple("threads.jsonl", "byte " + threadLineOffsets.get(5), "unparseable", null),
            tuple("threads.jsonl", "byte " + threadLineOffsets.get(6) + " $.snippet.topLevelComment",
                "missing_timestamp", "UgzNoDate06"),
            tuple("search.json", "line 1 $[0].items[1]", "unparseable", ACME));
    Map<String, String> detail = quarantine.stream().collect(Collectors.toMap(
        r -> file(r) + " " + r.getAs("source_record"), r -> r.getAs("detail")));
    assertThat(detail.get("threads.jsonl byte " + threadLineOffsets.get(2))).startsWith("invalid JSON");
    assertThat(detail.get("threads.jsonl byte " + threadLineOffsets.get(4)))
        .isEqualTo("kind youtube#channelListResponse is not a videos, search, commentThreads or comments resource"
            + " or list response");
    assertThat(detail.get("threads.jsonl byte " + threadLineOffsets.get(5))).isEqualTo(
        "API error response: 403 The request cannot be completed because you have exceeded your quota.");
    assertThat(detail.get("search.json line 1 $[0].items[1]")).isEqualTo(
        "search result of kind youtube#channel is not a video");
    assertThat(detail.get("videos-page.json line 1 $.items[3]")).contains("hier soir");
    for (Row r : quarantine) {
      assertThat(r.<String>getAs("format")).isEqualTo("youtube");
      // invalid JSON is quarantined before the format sees it: no platform then
      boolean invalidJson = r.<String>getAs("detail").startsWith("invalid JSON");
      assertThat(r.<String>getAs("platform")).isEqualTo(invalidJson ? null : "youtube");
    }
  }

  @Test
  void everyFileReconciles() throws IOException {
    Map<String, long[]> byFile = new LinkedHashMap<>();
    for (CSVRecord s : csv(out.resolve("metrics/ingest_summary.csv"))) {
      byFile.put(Path.of(s.get("source")).getFileName().toString(), new long[] {
          Long.parseLong(s.get("records_read")), Long.parseLong(s.get("records_accepted")),
          Long.parseLong(s.get("records_quarantined"))});
      assertThat(s.get("reconciled")).isEqualTo("true");
      assertThat(s.get("format")).isEqualTo("youtube");
    }
    assertThat(byFile.get("videos-page.json")).containsExactly(4, 2, 2);
    assertThat(byFile.get("threads.jsonl")).containsExactly(10, 6, 4);
    assertThat(byFile.get("search.json")).containsExactly(2, 1, 1);
    assertThat(posts).hasSize(2 + 6 + 1);
  }

  /**
   * Inbound to Acme: Marie's comment on its video (answered 1 h 30 later), her follow-up mentioning @AcmeFR
   * (unanswered: it replies to her own comment), Jules's video mentioning @AcmeFR (answered by a comment 1 h
   * later), Paul's comment (its video's channel found in the archive; answered 1 h 30 later by a comments.list
   * reply) and Léa's search result mentioning @AcmeFR (unanswered).
   */
  @Test
  void responsiveness_countsCommentsAndMentions() throws IOException {
    CSVRecord acme = csv(out.resolve("metrics/responsiveness.csv")).stream()
        .filter(r -> r.get("brand").equals("Acme") && r.get("platform").equals("youtube")).findFirst().orElseThrow();
    assertThat(acme.get("inbound")).isEqualTo("5");
    assertThat(acme.get("answered")).isEqualTo("3");
    assertThat(acme.get("brand_posts")).isEqualTo("4");
    assertThat(Double.parseDouble(acme.get("rt_median_s"))).isEqualTo(5400.0);
  }

  @Test
  void mentions_areYoutubeHandlesWithDotsAndHyphens_notEmails() {
    assertThat(YoutubeParser.mentions("Merci @acme-france. et @Acme.Help_2 ! contact@acme.fr @@x (@b)"))
        .containsExactly("acme-france", "Acme.Help_2", "b");
    assertThat(YoutubeParser.handle("@AcmeFR")).isEqualTo("AcmeFR");
    assertThat(YoutubeParser.join("Title", "")).isEqualTo("Title");
    assertThat(YoutubeParser.join("", "Description")).isEqualTo("Description");
  }

  private static String file(Row r) {
    String f = r.getAs("source_file");
    return f.substring(f.lastIndexOf('/') + 1);
  }

  private static Instant instant(Row r) {
    return r.<java.sql.Timestamp>getAs("created_at").toInstant();
  }

  private static List<String> list(Row r, String field) {
    return r.getList(r.fieldIndex(field));
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords();
    }
  }
}
