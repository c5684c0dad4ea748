package io.megaphone.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.json.Json;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twitter-v1 fixtures (src/test/resources/fixtures/twitter-v1, see its README) through the real ingest +
 * analyze: a streaming capture in JSON Lines with notices and bad records, a user_timeline JSON array, a
 * search page, and the gzip copy of the search page on its own.
 */
class TwitterV1FormatTest {
  static final Path DIR = Path.of("src/test/resources/fixtures/twitter-v1");
  static final Path STATUSES = DIR.resolve("statuses.jsonl");
  static final Path TIMELINE = DIR.resolve("timeline.json");
  static final Path SEARCH = DIR.resolve("search.json");
  static final Path SEARCH_GZ = DIR.resolve("search.json.gz");

  static final String T1 = "1050118621198921728";
  static final String T2 = "1050121548290793472";
  static final String T3 = "1050129538687209472";
  static final String T4 = "1050313782346924032";
  static final String T5 = "1050155346321178624";
  static final String T6 = "1050294908003004416";
  static final String A1 = "1050302457011134464";
  static final String A2 = "1050305120524201984";
  static final String A3 = "1050324603828396032";
  static final String S1 = "1050345226000883712";
  static final String S3 = "1050348288342016000";
  static final String MARGAUX = "1050500617843314688";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> archive;
  static List<Row> quarantine;
  /** "byte N" label of each physical line of statuses.jsonl (0-based line index). */
  static List<String> lineAt;

  @BeforeAll
  static void ingest() throws IOException {
    out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("twitter-v1=" + STATUSES.toAbsolutePath(),
        "twitter-v1=" + TIMELINE.toAbsolutePath(), "twitter-v1=" + SEARCH.toAbsolutePath()),
        DIR.resolve("brands.csv").toAbsolutePath().toString(), out);
    archive = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("post_id"), Function.identity()));
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
    byte[] b = Files.readAllBytes(STATUSES);
    lineAt = new ArrayList<>();
    lineAt.add("byte 0");
    for (int i = 0; i < b.length - 1; i++) if (b[i] == '\n') lineAt.add("byte " + (i + 1));
  }

  @Test
  void truncatedStreamingStatusTakesTheFullTextAndEntitiesOfExtendedTweet() {
    Row t1 = archive.get(T1);
    assertThat(t1.<String>getAs("platform")).isEqualTo("twitter");
    assertThat(t1.<String>getAs("account_id")).isEqualTo("783214");
    assertThat(t1.<String>getAs("account_handle")).isEqualTo("Twitter");
    assertThat(t1.<String>getAs("brand")).isEqualTo("Twitter");
    assertThat(t1.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    assertThat(t1.<String>getAs("text")).isEqualTo("To make room for more expression, we will now count all emojis"
        + " as equal\u2014including those with gender and skin tone modifiers \uD83D\uDC4D\uD83C\uDFFB\uD83D\uDC4D"
        + "\uD83C\uDFFD\uD83D\uDC4D\uD83C\uDFFF. This is now reflected in Twitter-Text, our Open Source library. \n\n"
        + "Using Twitter-Text? See the forum post for detail: https://t.co/Nx1XZmRCXA");
    // extended_tweet.entities, not the top-level ones (which only hold the i/web/status self-link)
    assertThat(t1.getList(t1.fieldIndex("urls"))).containsExactly(
        "https://twittercommunity.com/t/new-update-to-the-twitter-text-library-emoji-character-count/114607");
    assertThat(t1.getList(t1.fieldIndex("hashtags"))).isEmpty();
    assertThat(t1.getList(t1.fieldIndex("mentions"))).isEmpty();
    assertThat(t1.<String>getAs("lang")).isEqualTo("en");
    assertThat(t1.<Long>getAs("likes")).isEqualTo(1207L);
    assertThat(t1.<Long>getAs("shares")).isEqualTo(152L);
    assertThat(t1.<Long>getAs("replies")).isEqualTo(3L);
    assertThat(t1.<Long>getAs("views")).isNull();
    assertThat(t1.<Boolean>getAs("is_repost")).isFalse();
    assertThat(t1.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(t1.<String>getAs("source_file")).endsWith("statuses.jsonl");
    assertThat(t1.<String>getAs("source_record")).isEqualTo("byte 0");
  }

  /** T2 was re-saved by a JavaScript tool: its numeric ids are rounded (…500, …700), the *_str ones are not. */
  @Test
  void idsComeFromTheStrFields_evenWhenTheNumericOnesWereRounded() {
    assertThat(archive).doesNotContainKeys("1050121548290793500", "1050118621198921700");
    Row t2 = archive.get(T2);
    assertThat(t2.<String>getAs("account_id")).isEqualTo(MARGAUX);
    assertThat(t2.<String>getAs("account_handle")).isEqualTo("margaux_lefevre");
    assertThat(t2.<String>getAs("brand")).isNull();
    assertThat(t2.<String>getAs("in_reply_to_post_id")).isEqualTo(T1);
    assertThat(t2.<String>getAs("in_reply_to_account_id")).isEqualTo("783214");
    assertThat(t2.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2018-10-10T20:31:02Z"));
    // full_text, HTML entities decoded (v1.1 escapes &, < and >)
    assertThat(t2.<String>getAs("text")).isEqualTo("@Twitter does this also count the \uD83C\uDFF3\uFE0F\u200D"
        + "\uD83C\uDF08 flag as one? Asking for my <3 & my #emoji keyboard");
    assertThat(t2.getList(t2.fieldIndex("hashtags"))).containsExactly("emoji");
    assertThat(t2.getList(t2.fieldIndex("mentions"))).containsExactly("Twitter");
    assertThat(t2.<Long>getAs("likes")).isEqualTo(2L);
    assertThat(t2.<Long>getAs("shares")).isEqualTo(0L);
    assertThat(t2.<Long>getAs("replies")).isNull(); // no reply_count in a REST status
    assertThat(t2.<String>getAs("source_record")).isEqualTo(lineAt.get(1));
  }

  @Test
  void brandReplyLinksToTheCustomerTweetAndItsAuthor() {
    Row t3 = archive.get(T3);
    assertThat(t3.<String>getAs("account_id")).isEqualTo("17874544");
    assertThat(t3.<String>getAs("brand")).isEqualTo("Twitter");
    assertThat(t3.<String>getAs("in_reply_to_post_id")).isEqualTo(T2);
    assertThat(t3.<String>getAs("in_reply_to_account_id")).isEqualTo(MARGAUX);
    assertThat(t3.getList(t3.fieldIndex("mentions"))).containsExactly("margaux_lefevre");
    // read twice (search page and stream): the first by file name is kept, the other is a duplicate
    assertThat(t3.<String>getAs("source_file")).endsWith("search.json");
    assertThat(t3.<String>getAs("source_record")).isEqualTo("line 1 $.statuses[2]");
  }

  @Test
  void retweetKeepsItsOwnTextAndTheEmbeddedOriginalIsNotAPost() {
    Row t4 = archive.get(T4);
    assertThat(t4.<Boolean>getAs("is_repost")).isTrue();
    assertThat(t4.<String>getAs("repost_of_post_id")).isEqualTo("1050084122378661888");
    assertThat(t4.<String>getAs("text")).isEqualTo("RT @TwitterDev: Twitter-Text 3.0 is out: every emoji now counts as"
        + " two characters. Release notes \uD83D\uDC47 https://t.co/2C7J0cR5yK");
    assertThat(t4.getList(t4.fieldIndex("mentions"))).containsExactly("TwitterDev");
    assertThat(t4.getList(t4.fieldIndex("urls"))).containsExactly("https://github.com/twitter/twitter-text/releases");
    assertThat(t4.<String>getAs("brand")).isEqualTo("Twitter");
    // the retweeted @TwitterDev status travels inside the retweet only: it is not in the collection
    assertThat(archive).doesNotContainKey("1050084122378661888");
    assertThat(quarantine).noneMatch(r -> "1050084122378661888".equals(r.getAs("post_id")));

    Row s3 = archive.get(S3); // a retweet whose original is in the same search page
    assertThat(s3.<Boolean>getAs("is_repost")).isTrue();
    assertThat(s3.<String>getAs("repost_of_post_id")).isEqualTo(S1);
    assertThat(s3.<String>getAs("account_handle")).isEqualTo("oscar_dupont");
    assertThat(s3.<String>getAs("source_record")).isEqualTo("line 1 $.statuses[0]");
    assertThat(archive.get(S1).<String>getAs("source_record")).isEqualTo("line 1 $.statuses[1]");
  }

  @Test
  void quoteIsLinkedAndTheEmbeddedQuotedStatusIsNotEmittedAgain() {
    Row t5 = archive.get(T5);
    assertThat(t5.<String>getAs("quote_of_post_id")).isEqualTo(T1);
    assertThat(t5.<Boolean>getAs("is_repost")).isFalse();
    assertThat(t5.<String>getAs("lang")).isEqualTo("fr");
    assertThat(t5.getList(t5.fieldIndex("urls"))).containsExactly(
        "https://twitter.com/Twitter/status/1050118621198921728");
    // T1 is embedded in T5 as quoted_status: had it been emitted, it would be quarantined as a duplicate
    assertThat(quarantine).noneMatch(r -> T1.equals(r.getAs("post_id")));
  }

  @Test
  void statusWithoutIdStrKeepsASmallNumericId() {
    Row jack = archive.get("20");
    assertThat(jack.<String>getAs("account_id")).isEqualTo("12");
    assertThat(jack.<String>getAs("account_handle")).isEqualTo("jack");
    assertThat(jack.<String>getAs("text")).isEqualTo("just setting up my twttr");
    assertThat(jack.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2006-03-21T20:50:14Z"));
    assertThat(jack.<String>getAs("source_record")).isEqualTo(lineAt.get(7));
  }

  @Test
  void timelineArrayElementsArePositionedInTheirArray() {
    Row a3 = archive.get(A3);
    assertThat(a3.<String>getAs("source_file")).endsWith("timeline.json");
    assertThat(a3.<String>getAs("source_record")).isEqualTo("line 1 $[0]");
    assertThat(a3.<String>getAs("in_reply_to_post_id")).isEqualTo(A1); // a self-thread
    assertThat(a3.<String>getAs("in_reply_to_account_id")).isEqualTo("17874544");
    assertThat(a3.getList(a3.fieldIndex("hashtags"))).containsExactly("DMs");
    assertThat(a3.getList(a3.fieldIndex("mentions"))).isEmpty();
    Row a2 = archive.get(A2);
    assertThat(a2.<String>getAs("source_record")).isEqualTo("line 1 $[1]");
    assertThat(a2.<String>getAs("in_reply_to_post_id")).isEqualTo(T6);
    assertThat(a2.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2018-10-11T08:40:35Z"));
    Row a1 = archive.get(A1);
    assertThat(a1.<String>getAs("source_record")).isEqualTo("line 1 $[2]");
    assertThat(a1.<Long>getAs("likes")).isEqualTo(890L);
    assertThat(a1.<Long>getAs("shares")).isEqualTo(312L);
    assertThat(a1.<Long>getAs("replies")).isEqualTo(1L);
  }

  @Test
  void noticesAndBadRecordsAreQuarantinedWithTheirReasonAndPosition() {
    assertThat(quarantine).extracting(r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple(lineAt.get(2), "duplicate", T3),
            tuple(lineAt.get(6), "unparseable", null), // delete notice
            tuple(lineAt.get(8), "unparseable", null), // limit notice
            tuple(lineAt.get(10), "unparseable", null), // cut line
            tuple(lineAt.get(11), "missing_timestamp", "1050326365339701248"),
            tuple(lineAt.get(12), "invalid_timestamp", "1050327623723196416"),
            tuple(lineAt.get(13), "missing_id", null));
    Map<String, Row> byPos = quarantine.stream().collect(Collectors.toMap(r -> r.getAs("source_record"), r -> r));
    for (Row r : quarantine) {
      assertThat(r.<String>getAs("source_file")).endsWith("statuses.jsonl");
      assertThat(r.<String>getAs("format")).isEqualTo("twitter-v1");
    }
    assertThat(byPos.get(lineAt.get(6)).<String>getAs("detail")).isEqualTo("stream notice 'delete', not a tweet");
    assertThat(byPos.get(lineAt.get(6)).<String>getAs("raw")).startsWith("{\"delete\": {\"status\"");
    assertThat(byPos.get(lineAt.get(6)).<String>getAs("platform")).isEqualTo("twitter");
    assertThat(byPos.get(lineAt.get(8)).<String>getAs("detail")).isEqualTo("stream notice 'limit', not a tweet");
    assertThat(byPos.get(lineAt.get(10)).<String>getAs("detail")).startsWith("invalid JSON");
    assertThat(byPos.get(lineAt.get(12)).<String>getAs("detail")).contains("Thu Oct 32 25:61:00 +0000 2018");
    assertThat(byPos.get(lineAt.get(13)).<String>getAs("detail")).isEqualTo("no id_str, and the numeric id"
        + " 1050328882119266300 is above 2^53 or not an integer: it may have lost precision");
    assertThat(byPos.get(lineAt.get(2)).<String>getAs("detail"))
        .startsWith("duplicate of twitter " + T3 + " first read at ").endsWith("search.json line 1 $.statuses[2]");
  }

  @Test
  void everyRecordReadIsAccountedForPerFile() throws IOException {
    assertThat(archive).containsOnlyKeys(T1, T2, T3, T4, T5, T6, "20", A1, A2, A3, S1, S3);
    Map<String, CSVRecord> summary = readCsv(out.resolve("metrics/ingest_summary.csv")).stream()
        .collect(Collectors.toMap(r -> Path.of(r.get("source")).getFileName().toString(), r -> r));
    assertThat(summary).containsOnlyKeys("statuses.jsonl", "timeline.json", "search.json");
    assertCounts(summary.get("statuses.jsonl"), 13, 6, 7);
    assertCounts(summary.get("timeline.json"), 3, 3, 0);
    assertCounts(summary.get("search.json"), 3, 3, 0);
    CSVRecord s = summary.get("statuses.jsonl");
    assertThat(s.get("quarantined_unparseable")).isEqualTo("3");
    assertThat(s.get("quarantined_duplicate")).isEqualTo("1");
    assertThat(s.get("quarantined_missing_id")).isEqualTo("1");
  }

  /**
   * Inbound to Twitter: T2 (reply to @Twitter), T6 (mentions @TwitterSupport) and S1 (mentions @TwitterSupport);
   * S3 is a retweet, T5 a quote without mention. T2 answered by T3 after 1905 s, T6 by A2 after 2435 s.
   */
  @Test
  void responsivenessCountsTheConversation() throws IOException {
    Map<String, CSVRecord> resp = readCsv(out.resolve("metrics/responsiveness.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("brand") + "/" + r.get("platform"), r -> r));
    assertThat(resp).containsOnlyKeys("Twitter/twitter", "Twitter/all");
    for (CSVRecord r : resp.values()) {
      assertThat(r.get("inbound")).isEqualTo("3");
      assertThat(r.get("answered")).isEqualTo("2");
      assertThat(r.get("rt_median_s")).isEqualTo("2170");
      assertThat(r.get("brand_posts")).isEqualTo("6"); // T1, T3, T4, A1, A2, A3
    }
  }

  /** The gzip copy of search.json, on its own: same posts, same positions. */
  @Test
  void gzipCopyReadsTheSamePosts() throws IOException {
    Path gzOut = tmp.resolve("gz");
    Pipeline.ingestAndAnalyze(List.of("twitter-v1=" + SEARCH_GZ.toAbsolutePath()), null, gzOut);
    Map<String, Row> gz = TestSpark.session().read().parquet(gzOut.resolve("archive").toString()).collectAsList()
        .stream().collect(Collectors.toMap(r -> r.<String>getAs("post_id"), Function.identity()));
    assertThat(gz).containsOnlyKeys(S3, S1, T3);
    for (String id : List.of(S3, S1, T3)) {
      Row g = gz.get(id);
      Row plain = archive.get(id);
      assertThat(g.<String>getAs("source_file")).endsWith("search.json.gz");
      for (String col : List.of("text", "account_id", "source_record", "in_reply_to_post_id", "repost_of_post_id")) {
        assertThat(g.<String>getAs(col)).as(id + " " + col).isEqualTo(plain.<String>getAs(col));
      }
      assertThat(g.<Timestamp>getAs("created_at")).isEqualTo(plain.<Timestamp>getAs("created_at"));
    }
    CSVRecord s = readCsv(gzOut.resolve("metrics/ingest_summary.csv")).get(0);
    assertCounts(s, 3, 3, 0);
  }

  @Test
  void idPrefersTheStrFieldAndTrustsOnlyExactNumericIds() throws IOException {
    JsonNode n = Json.MAPPER.readTree("{\"id\": 1050118621198921700, \"id_str\": \"1050118621198921728\","
        + " \"a\": 9007199254740992, \"b\": 9007199254740993, \"c\": 1.0501186211989217E18, \"d\": 20,"
        + " \"e_str\": \"\", \"e\": 21}");
    assertThat(TwitterV1Parser.id(n, "id")).isEqualTo("1050118621198921728");
    assertThat(TwitterV1Parser.id(n, "a")).isEqualTo("9007199254740992"); // 2^53: exact
    assertThat(TwitterV1Parser.id(n, "b")).isNull(); // above 2^53: not trusted
    assertThat(TwitterV1Parser.id(n, "c")).isNull(); // a double
    assertThat(TwitterV1Parser.id(n, "d")).isEqualTo("20");
    assertThat(TwitterV1Parser.id(n, "e")).isEqualTo("21"); // blank *_str: the exact numeric one
    assertThat(TwitterV1Parser.id(n, "missing")).isNull();
  }

  private static void assertCounts(CSVRecord s, long read, long accepted, long quarantined) {
    assertThat(s.get("format")).isEqualTo("twitter-v1");
    assertThat(Long.parseLong(s.get("records_read"))).as("read " + s.get("source")).isEqualTo(read);
    assertThat(Long.parseLong(s.get("records_accepted"))).as("accepted " + s.get("source")).isEqualTo(accepted);
    assertThat(Long.parseLong(s.get("records_quarantined"))).as("quarantined " + s.get("source"))
        .isEqualTo(quarantined);
    assertThat(s.get("reconciled")).isEqualTo("true");
  }

  static List<CSVRecord> readCsv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }
}
