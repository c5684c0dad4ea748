package io.megaphone.ingest.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.luben.zstd.ZstdInputStream;
import io.megaphone.ingest.SourceFiles;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reddit format on fixtures shaped as the Pushshift / Arctic Shift dumps (see fixtures/reddit/README.md):
 * submissions as plain NDJSON, comments as NDJSON compressed by {@code zstd --long=31} (a 2 GiB window, as the real
 * dumps), and a post page of Reddit's own JSON (Listings, nested replies, a "more" stub). Runs the real ingest +
 * analyze once and checks posts, reply links (the author replied to comes from the archive), quarantine,
 * reconciliation and the brand's responsiveness.
 */
class RedditFormatTest {
  static final Path DIR = Path.of("src", "test", "resources", "fixtures", "reddit");
  static final Path ZST = DIR.resolve("comments.ndjson.zst");

  @TempDir static Path out;
  static Map<String, Row> posts;
  static List<Row> quarantine;
  /** byte offset of each line of submissions.ndjson (index = 1-based line) */
  static List<Long> submissionOffsets;

  @BeforeAll
  static void ingest() throws IOException {
    Pipeline.ingestAndAnalyze(List.of("reddit=" + DIR.resolve("submissions.ndjson"), "reddit=" + ZST,
        "reddit=" + DIR.resolve("post-page.json")), DIR.resolve("brands.csv").toString(), out);
    posts = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
    submissionOffsets = new ArrayList<>(List.of(-1L, 0L));
    byte[] b = Files.readAllBytes(DIR.resolve("submissions.ndjson"));
    for (int i = 0; i < b.length - 1; i++) if (b[i] == '\n') submissionOffsets.add((long) i + 1);
  }

  /** The fixture needs a 2 GiB window: a decoder with zstd's default limit (128 MiB) refuses it; ingest reads it. */
  @Test
  void zstFixture_isCompressedWithALongWindow_andReadsWhole() throws IOException {
    assertThatThrownBy(() -> {
      try (InputStream in = new ZstdInputStream(Files.newInputStream(ZST))) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("Frame requires too much memory");
    String text;
    try (InputStream in = SourceFiles.open(ZST.toAbsolutePath().toString(), new Configuration())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text.split("\n")).hasSize(8);
    // every line of it reached ingest, numbered by line (the stream cannot be split)
    assertThat(posts.get("jb1c001").<String>getAs("source_record")).isEqualTo("line 1");
    assertThat(posts.get("jb1c006").<String>getAs("source_record")).isEqualTo("line 6");
  }

  @Test
  void selfPost_textIsTitleBlankLineSelftext_entitiesUndone() {
    Row s = posts.get("11f0a1b");
    assertThat(s.<String>getAs("platform")).isEqualTo("reddit");
    assertThat(s.<String>getAs("account_id")).isEqualTo("t2_acme01");
    assertThat(s.<String>getAs("account_handle")).isEqualTo("AcmeOfficial");
    assertThat(s.<String>getAs("brand")).isEqualTo("Acme");
    assertThat(instant(s)).isEqualTo(Instant.parse("2023-03-01T10:00:00Z"));
    assertThat(s.<String>getAs("text")).isEqualTo("Nos crêpes arrivent en Bretagne\n\nRendez-vous samedi & dimanche à Rennes !");
    assertThat(list(s, "urls")).isEmpty(); // a self post's url is its own page
    assertThat(s.<String>getAs("conversation_id")).isEqualTo("11f0a1b");
    assertThat(s.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(s.<Long>getAs("likes")).isEqualTo(42L);
    assertThat(s.<Long>getAs("replies")).isEqualTo(4L);
    assertThat(s.<Long>getAs("shares")).isNull();
    assertThat(s.<String>getAs("lang")).as("Reddit gives no language: detected from the text").isNotNull();
    assertThat(s.<Boolean>getAs("is_repost")).isFalse();
    assertThat(s.<String>getAs("source_record")).isEqualTo("byte 0");
  }

  @Test
  void linkPost_withStringTimestampAndUserMention() {
    Row s = posts.get("11f0a2c");
    assertThat(instant(s)).isEqualTo(Instant.parse("2023-03-02T10:00:00Z")); // created_utc "1677751200"
    assertThat(s.<String>getAs("text")).isEqualTo("u/AcmeOfficial livraison en retard, une idée ?"); // empty selftext
    assertThat(list(s, "urls")).containsExactly("https://suivi.example/colis?id=123&lang=fr");
    assertThat(list(s, "mentions")).containsExactly("AcmeOfficial");
    assertThat(s.<String>getAs("brand")).isNull();
    assertThat(s.<String>getAs("source_record")).isEqualTo("byte " + submissionOffsets.get(2));
  }

  @Test
  void removedPostByDeletedAuthor_keepsItsTitle_hasNoAccount() {
    Row s = posts.get("11f0a3d");
    assertThat(s.<String>getAs("text")).isEqualTo("Question sur Acme <urgent>"); // "[removed]" selftext left out
    assertThat(s.<String>getAs("account_id")).isNull();
    assertThat(s.<String>getAs("account_handle")).isNull();
  }

  @Test
  void crosspost_isARepostOfTheCrosspostedSubmission() {
    Row s = posts.get("11f0a4e");
    assertThat(s.<Boolean>getAs("is_repost")).isTrue();
    assertThat(s.<String>getAs("repost_of_post_id")).isEqualTo("11f0a2c");
    assertThat(instant(s)).isEqualTo(Instant.parse("2023-03-03T10:00:00Z")); // created_utc 1677837600.0
    assertThat(list(s, "urls")).isEmpty(); // its url is the crossposted page
    assertThat(s.<String>getAs("brand")).isEqualTo("Acme");
  }

  @Test
  void comments_replyToParentWithoutPrefix_authorRepliedToFromTheArchive() {
    Row c1 = posts.get("jb1c001");
    assertThat(c1.<String>getAs("text")).isEqualTo("Super & vous venez à Paris quand ?");
    assertThat(c1.<String>getAs("account_id")).isEqualTo("t2_jules1");
    assertThat(c1.<String>getAs("in_reply_to_post_id")).isEqualTo("11f0a1b");
    assertThat(c1.<String>getAs("in_reply_to_account_id")).isEqualTo("t2_acme01"); // the submission's author
    assertThat(c1.<String>getAs("conversation_id")).isEqualTo("11f0a1b");
    assertThat(c1.<Long>getAs("likes")).isEqualTo(7L);
    assertThat(instant(c1)).isEqualTo(Instant.parse("2023-03-01T11:00:00Z"));

    Row c2 = posts.get("jb1c002");
    assertThat(c2.<String>getAs("brand")).isEqualTo("Acme");
    assertThat(c2.<String>getAs("in_reply_to_post_id")).isEqualTo("jb1c001");
    assertThat(c2.<String>getAs("in_reply_to_account_id")).isEqualTo("t2_jules1");
    assertThat(instant(c2)).isEqualTo(Instant.parse("2023-03-01T12:00:00Z")); // created_utc as a string
    assertThat(list(c2, "mentions")).containsExactly("jules_b");

    Row deleted = posts.get("jb1c003");
    assertThat(deleted.<String>getAs("text")).isEmpty(); // "[deleted]"
    assertThat(deleted.<String>getAs("account_id")).isNull();
    assertThat(deleted.<String>getAs("in_reply_to_account_id")).isEqualTo("t2_jules1");

    Row old = posts.get("jb1c005"); // a dump from before author_fullname: the user name is the account
    assertThat(old.<String>getAs("account_id")).isEqualTo("old_timer");
    assertThat(old.<String>getAs("account_handle")).isEqualTo("old_timer");

    Row named = posts.get("jb1c006"); // no "id": taken from "name"
    assertThat(named.<String>getAs("text")).isEqualTo("> Rendez-vous samedi\n\nJ'y serai !");
  }

  @Test
  void redditsOwnJson_listingsAndNestedReplies() {
    Row s = posts.get("11g0b01");
    assertThat(s.<String>getAs("text")).isEqualTo("Acme ouvre à Lyon ?\n\nQuelqu'un sait ? /u/AcmeOfficial");
    assertThat(list(s, "mentions")).containsExactly("AcmeOfficial");
    assertThat(s.<String>getAs("source_record")).isEqualTo("line 1 $[0].data.children[0].data");
    Row answer = posts.get("jb2c009");
    assertThat(answer.<String>getAs("in_reply_to_post_id")).isEqualTo("11g0b01");
    assertThat(answer.<String>getAs("in_reply_to_account_id")).isEqualTo("t2_lea1");
    assertThat(answer.<String>getAs("source_record")).isEqualTo("line 1 $[1].data.children[0].data");
    Row nested = posts.get("jb2c010");
    assertThat(nested.<String>getAs("in_reply_to_post_id")).isEqualTo("jb2c009");
    assertThat(nested.<String>getAs("in_reply_to_account_id")).isEqualTo("t2_acme01");
    assertThat(nested.<String>getAs("source_record"))
        .isEqualTo("line 1 $[1].data.children[0].data.replies.data.children[0].data");
    assertThat(posts).doesNotContainKey("jb2c011"); // a "more" stub is no post
  }

  @Test
  void badRecordsAreQuarantinedWithReasonAndPosition() {
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"),
            r -> r.<String>getAs("reason"), r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple("submissions.ndjson", "byte " + submissionOffsets.get(5), "missing_timestamp", "11f0a5f"),
            tuple("submissions.ndjson", "byte " + submissionOffsets.get(6), "unparseable", null),
            tuple("submissions.ndjson", "byte " + submissionOffsets.get(7), "unparseable", null),
            tuple("comments.ndjson.zst", "line 7", "invalid_timestamp", "jb1c007"),
            tuple("comments.ndjson.zst", "line 8", "missing_id", null));
    Map<String, String> detail = quarantine.stream().collect(Collectors.toMap(
        r -> file(r) + " " + r.getAs("source_record"), r -> r.getAs("detail")));
    assertThat(detail.get("submissions.ndjson byte " + submissionOffsets.get(6))).startsWith("invalid JSON");
    assertThat(detail.get("submissions.ndjson byte " + submissionOffsets.get(7)))
        .isEqualTo("neither a submission (title, selftext) nor a comment (body, parent_id)");
    assertThat(detail.get("comments.ndjson.zst line 7")).contains("not-a-time");
  }

  @Test
  void everyFileReconciles() throws IOException {
    Map<String, long[]> byFile = new LinkedHashMap<>();
    for (CSVRecord s : csv(out.resolve("metrics/ingest_summary.csv"))) {
      byFile.put(Path.of(s.get("source")).getFileName().toString(), new long[] {
          Long.parseLong(s.get("records_read")), Long.parseLong(s.get("records_accepted")),
          Long.parseLong(s.get("records_quarantined"))});
      assertThat(s.get("reconciled")).isEqualTo("true");
    }
    assertThat(byFile.get("submissions.ndjson")).containsExactly(7, 4, 3);
    assertThat(byFile.get("comments.ndjson.zst")).containsExactly(8, 6, 2);
    assertThat(byFile.get("post-page.json")).containsExactly(3, 3, 0);
    assertThat(posts).hasSize(4 + 6 + 3);
  }

  /**
   * Inbound to Acme: Jules's comment on its post (answered 1 h later), Marie's link post mentioning u/AcmeOfficial
   * (answered by a comment 2 h later), two more comments on its post (unanswered), Léa's post mentioning
   * /u/AcmeOfficial (answered 1 h later) and her reply to that answer (unanswered). Every reply-based inbound post
   * needed the author replied to from the archive: dumps do not carry it.
   */
  @Test
  void responsiveness_countsCommentsAndUserMentions() throws IOException {
    CSVRecord acme = csv(out.resolve("metrics/responsiveness.csv")).stream()
        .filter(r -> r.get("brand").equals("Acme") && r.get("platform").equals("reddit")).findFirst().orElseThrow();
    assertThat(acme.get("inbound")).isEqualTo("6");
    assertThat(acme.get("answered")).isEqualTo("3");
    assertThat(acme.get("brand_posts")).isEqualTo("5");
    assertThat(Double.parseDouble(acme.get("rt_median_s"))).isEqualTo(3600.0);
  }

  @Test
  void userMentions_areWholeTokensOutsideUrls() {
    assertThat(RedditParser.userMentions("ask u/Foo_Bar and /u/baz-9, not https://reddit.com/u/qux nor mu/x"))
        .containsExactly("Foo_Bar", "baz-9");
    assertThat(RedditParser.stripPrefix("t1_abc")).isEqualTo("abc");
    assertThat(RedditParser.stripPrefix("abc")).isEqualTo("abc");
    assertThat(RedditParser.submissionText("Title", "[deleted]")).isEqualTo("Title");
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
