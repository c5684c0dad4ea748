package io.megaphone.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * twitter-v2 on twarc-csv output (src/test/resources/fixtures/twitter-v2-csv, see its README): columns by name,
 * referenced_tweets.*.id links, JSON entity lists, twarc-csv's "\n" escape and a real multi-line quoted text, a
 * flattened retweet, pandas floats, two files concatenated, a cut last row; then the same file gzip-compressed.
 */
class TwarcCsvTest {
  static final Path DIR = Path.of("src/test/resources/fixtures/twitter-v2-csv");
  static final Path CSV = DIR.resolve("tweets.csv");

  static final String R1 = "1169734611666198528";
  static final String R2 = "1169968866866466817";
  static final String R3 = "1169882927723553459";
  static final String R4 = "1169889219179623364";
  static final String R5 = "1679921199314163174";
  static final String RT_ORIGINAL = "1679883463161005269";
  static final String R8 = "1680556619593086728";
  static final String R9 = "1680155241477433079";
  static final String PIXEL = "1109876543210987520";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> archive;
  static List<Row> quarantine;

  @BeforeAll
  static void ingest() {
    out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("twitter-v2=" + CSV.toAbsolutePath()),
        DIR.resolve("brands.csv").toAbsolutePath().toString(), out);
    archive = byId(out);
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
  }

  static Map<String, Row> byId(Path run) {
    return TestSpark.session().read().parquet(run.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("post_id"), Function.identity()));
  }

  @Test
  void fieldsOfTheOriginal() {
    Row r1 = archive.get(R1);
    assertThat(r1.<String>getAs("account_id")).isEqualTo("22258315");
    assertThat(r1.<String>getAs("account_handle")).isEqualTo("GameStop");
    assertThat(r1.<String>getAs("brand")).isEqualTo("GameStop");
    assertThat(r1.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2019-09-05T22:10:38Z"));
    // twarc-csv writes newlines as the two characters \n: they are newlines again
    assertThat(r1.<String>getAs("text")).isEqualTo("Nobody: \n\nLiterally nobody: \n\nPeople who hate happiness:"
        + " That game is dead, people still play that?");
    assertThat(r1.<String>getAs("conversation_id")).isEqualTo(R1);
    assertThat(r1.<String>getAs("lang")).isEqualTo("en");
    assertThat(r1.<Long>getAs("likes")).isEqualTo(15606L);
    assertThat(r1.<Long>getAs("shares")).isEqualTo(2950L);
    assertThat(r1.<Long>getAs("replies")).isEqualTo(478L);
    assertThat(r1.<Long>getAs("views")).isNull(); // empty impression_count
    assertThat(r1.<String>getAs("source_file")).endsWith("tweets.csv");
    assertThat(r1.<String>getAs("source_record")).isEqualTo("line 2");
  }

  @Test
  void quoteCarriesItsLinkAndExpandedUrl() {
    Row r2 = archive.get(R2);
    assertThat(r2.<String>getAs("quote_of_post_id")).isEqualTo(R1);
    assertThat(r2.<Boolean>getAs("is_repost")).isFalse();
    assertThat(r2.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(r2.<String>getAs("account_handle")).isEqualTo("TheNickyWaters");
    assertThat(r2.getList(r2.fieldIndex("urls"))).containsExactly(
        "https://twitter.com/GameStop/status/1169734611666198528");
    assertThat(r2.<String>getAs("source_record")).isEqualTo("line 3");
  }

  @Test
  void multiLineQuotedReplyToTheBrand() {
    Row r3 = archive.get(R3);
    assertThat(r3.<String>getAs("text")).isEqualTo("@GameStop @GameStopHelp my trade-in from last week still isn't"
        + " credited.\nOrder A1234, store 5521 \u2014 what's going on?");
    assertThat(r3.<String>getAs("source_record")).isEqualTo("lines 4-5");
    assertThat(r3.<String>getAs("account_id")).isEqualTo(PIXEL);
    assertThat(r3.<String>getAs("in_reply_to_post_id")).isEqualTo(R1);
    assertThat(r3.<String>getAs("in_reply_to_account_id")).isEqualTo("22258315");
    assertThat(r3.<String>getAs("conversation_id")).isEqualTo(R1);
    assertThat(r3.getList(r3.fieldIndex("mentions"))).containsExactly("GameStop", "GameStopHelp");
    assertThat(r3.getList(r3.fieldIndex("hashtags"))).isEmpty();
    assertThat(r3.<String>getAs("brand")).isNull();
  }

  @Test
  void brandAnswerLinksToTheCustomerAndDecodesHtmlEntities() {
    Row r4 = archive.get(R4);
    assertThat(r4.<String>getAs("brand")).isEqualTo("GameStop");
    assertThat(r4.<String>getAs("account_handle")).isEqualTo("GameStopHelp");
    assertThat(r4.<String>getAs("in_reply_to_post_id")).isEqualTo(R3);
    assertThat(r4.<String>getAs("in_reply_to_account_id")).isEqualTo(PIXEL);
    assertThat(r4.<String>getAs("text")).isEqualTo("@pixel_nomad Sorry about that! Please DM us your receipt & we'll"
        + " sort it out. Trade-in Q&A: https://t.co/Tr4deQa9Zx");
    assertThat(r4.getList(r4.fieldIndex("urls"))).containsExactly("https://www.gamestop.com/trade");
    assertThat(r4.getList(r4.fieldIndex("mentions"))).containsExactly("pixel_nomad");
    assertThat(r4.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2019-09-06T08:25:00Z"));
  }

  @Test
  void flattenedRetweetIsARepost() {
    Row r5 = archive.get(R5);
    assertThat(r5.<Boolean>getAs("is_repost")).isTrue();
    assertThat(r5.<String>getAs("repost_of_post_id")).isEqualTo(RT_ORIGINAL);
    assertThat(r5.<String>getAs("text")).isEqualTo("The wait is over \uD83C\uDFAE #FinalFantasyXVI is out now on PS5!");
    assertThat(r5.getList(r5.fieldIndex("hashtags"))).containsExactly("FinalFantasyXVI");
    assertThat(r5.<Long>getAs("views")).isEqualTo(482113L); // "482113.0": pandas float column with gaps
    assertThat(r5.<Long>getAs("likes")).isEqualTo(40211L);
    assertThat(archive).doesNotContainKey(RT_ORIGINAL);
  }

  @Test
  void rowsAfterARepeatedHeaderAreRead() {
    Row r8 = archive.get(R8);
    assertThat(r8.<String>getAs("text")).isEqualTo("@GameStopHelp the clerk said \"it's fine\" but my preorder is gone?");
    assertThat(r8.<String>getAs("source_record")).isEqualTo("line 10");
    assertThat(r8.<Long>getAs("views")).isEqualTo(57L);
    assertThat(r8.getList(r8.fieldIndex("mentions"))).containsExactly("GameStopHelp");
  }

  @Test
  void badRowsAreQuarantined() {
    assertThat(quarantine).extracting(r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple("line 8", "missing_timestamp", R9),
            tuple("line 9", "unparseable", "id"),
            tuple("line 11", "truncated", null));
    Map<String, Row> byPos = quarantine.stream().collect(Collectors.toMap(r -> r.getAs("source_record"), r -> r));
    assertThat(byPos.get("line 9").<String>getAs("detail")).isEqualTo("the header line again (CSV files concatenated?)");
    assertThat(byPos.get("line 11").<String>getAs("detail")).isEqualTo("16 field(s), expected 81");
    assertThat(byPos.get("line 11").<String>getAs("raw")).endsWith("this row was cut when the disk filled up,en,"
        + "Twitter for iPhone");
    for (Row r : quarantine) assertThat(r.<String>getAs("format")).isEqualTo("twitter-v2");
  }

  @Test
  void everyRecordIsAccountedFor() throws IOException {
    assertThat(archive).containsOnlyKeys(R1, R2, R3, R4, R5, R8);
    List<CSVRecord> s = TwitterV1FormatTest.readCsv(out.resolve("metrics/ingest_summary.csv"));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).get("format")).isEqualTo("twitter-v2");
    assertThat(s.get(0).get("records_read")).isEqualTo("9");
    assertThat(s.get(0).get("records_accepted")).isEqualTo("6");
    assertThat(s.get(0).get("records_quarantined")).isEqualTo("3");
    assertThat(s.get(0).get("reconciled")).isEqualTo("true");
  }

  /** Inbound to GameStop: R3 (reply, answered by R4 after 1500 s) and R8 (mention, unanswered). */
  @Test
  void responsiveness() throws IOException {
    Map<String, CSVRecord> resp = TwitterV1FormatTest.readCsv(out.resolve("metrics/responsiveness.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("brand") + "/" + r.get("platform"), r -> r));
    assertThat(resp).containsOnlyKeys("GameStop/twitter", "GameStop/all");
    for (CSVRecord r : resp.values()) {
      assertThat(r.get("inbound")).isEqualTo("2");
      assertThat(r.get("answered")).isEqualTo("1");
      assertThat(r.get("rt_median_s")).isEqualTo("1500");
      assertThat(r.get("brand_posts")).isEqualTo("3"); // R1, R4, R5
    }
  }

  @Test
  void gzipCompressedCsvIsRoutedToTheCsvReader() throws IOException {
    Path gz = tmp.resolve("in/tweets.csv.gz");
    Files.createDirectories(gz.getParent());
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(CSV));
    }
    Path gzOut = tmp.resolve("gz-out");
    Pipeline.ingestAndAnalyze(List.of("twitter-v2=" + gz), null, gzOut);
    Map<String, Row> g = byId(gzOut);
    assertThat(g).containsOnlyKeys(archive.keySet().toArray(String[]::new));
    for (String id : archive.keySet()) {
      for (String col : List.of("text", "source_record", "in_reply_to_post_id", "repost_of_post_id", "account_id")) {
        assertThat(g.get(id).<String>getAs(col)).as(id + " " + col).isEqualTo(archive.get(id).<String>getAs(col));
      }
    }
  }

  @Test
  void csvFilesAreRecognisedByName() {
    assertThat(TwitterV2Format.isCsv("/data/tweets.csv")).isTrue();
    assertThat(TwitterV2Format.isCsv("s3a://b/x/TWEETS.CSV.GZ")).isTrue();
    assertThat(TwitterV2Format.isCsv("file:/x/t.csv.bz2")).isTrue();
    assertThat(TwitterV2Format.isCsv("/x/t.csv.zst")).isTrue();
    assertThat(TwitterV2Format.isCsv("/x/t.jsonl")).isFalse();
    assertThat(TwitterV2Format.isCsv("/x/t.json.gz")).isFalse();
    assertThat(TwitterV2Format.isCsv("/x.csv/t.jsonl")).isFalse();
  }

  @Test
  void cellHelpers() {
    assertThat(TwarcCsvMapper.list("[\"#a\", \"#b\", \"#a\"]", "tag", null)).containsExactly("#a", "#b");
    // twarc-csv before entity processing: lists of objects
    assertThat(TwarcCsvMapper.list("[{\"start\": 0, \"end\": 9, \"username\": \"GameStop\"}]", "username", null))
        .containsExactly("GameStop");
    assertThat(TwarcCsvMapper.list("[{\"url\": \"https://t.co/x\"}]", "expanded_url", "url"))
        .containsExactly("https://t.co/x");
    assertThat(TwarcCsvMapper.list("not json", "tag", null)).isNull();
    assertThat(TwarcCsvMapper.list(null, "tag", null)).isNull();
    assertThat(TwarcCsvMapper.count("15606")).isEqualTo(15606L);
    assertThat(TwarcCsvMapper.count("15606.0")).isEqualTo(15606L);
    assertThat(TwarcCsvMapper.count("1.5")).isNull();
    assertThat(TwarcCsvMapper.count("n/a")).isNull();
    assertThat(TwarcCsvMapper.id("783214.0")).isEqualTo("783214");
    assertThat(TwarcCsvMapper.id(" 1169734611666198528 ")).isEqualTo("1169734611666198528");
    assertThat(TwarcCsvMapper.id("")).isNull();
  }
}
