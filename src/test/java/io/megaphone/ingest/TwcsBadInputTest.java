package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 * A TWCS CSV "as it circulates" (BOM, mixed CRLF/LF, True/TRUE/FALSE, float ids, id lists, HTML entities, a
 * row broken by a raw newline, a quoted multi-line text) with one bad record of every kind the reader must
 * quarantine. Runs the real ingest + analyze once and checks archive, quarantine and the reconciliation.
 */
class TwcsBadInputTest {
  static final String DATE = "Tue Oct 31 %s +0000 2017";

  /**
   * Logical records written below (physical line numbers are 1-based and count the header, line 1):
   * <pre>
   *   line  2      tweet 1   customer, accepted  (CRLF, id "1.0", &amp;amp;, response list "2,3")
   *   line  3      tweet 2   brand,    accepted  (CRLF, in_response_to "1.0")
   *   line  4      tweet 3   brand,    accepted  (id "3.0", FALSE)
   *   lines 5-6    tweet 4   customer, accepted  (raw unquoted newline inside the text, TRUE)
   *   lines 7-8    tweet 5   brand,    accepted  (quoted multi-line text with "" escapes)
   *   line  9      tweet 6   truncated           (row cut after the text: 6 fields of 8)
   *   line 10      tweet 7   invalid_encoding    (bytes C3 28)
   *   line 11      tweet 8   invalid_timestamp   ("Tue Foo 99 ...")
   *   line 12      (no id)   missing_id
   *   line 13      tweet 2   duplicate           (id "2.0" = tweet 2 of line 3)
   *   line 14      tweet 9   customer, accepted  (CRLF)
   *   line 15      tweet 11  truncated           (quote opened, file ends: no closing quote, no newline)
   * </pre>
   * 6 accepted + 6 quarantined = 12.
   */
  static final int LOGICAL_RECORDS = 12;
  static final int ACCEPTED = 6;

  @TempDir static Path tmp;
  static Path out;
  static Path csv;

  @BeforeAll
  static void ingest() throws IOException {
    csv = tmp.resolve("twcs.csv");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // UTF-8 BOM
    put(b, ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\r\n"); // 1
    put(b, "0,1.0,115712,True," + date("22:00:00")
        + ",@sprintcare is the worst customer service &amp; support,\"2,3\",\r\n"); // 2
    put(b, "1,2,sprintcare,False," + date("22:05:00") + ",@115712 Please send us a Private Message.,,1.0\r\n"); // 3
    put(b, "2,3.0,sprintcare,FALSE," + date("22:06:00") + ",@115712 We are here to help,,1\n"); // 4
    put(b, "3,4,115713,TRUE," + date("22:10:00") + ",@sprintcare my phone\n"); // 5 (raw newline in the text)
    put(b, "still does not work,5,\n"); // 6
    put(b, "4,5,sprintcare,False," + date("22:12:00") + ",\"@115713 Sorry to hear that.\n"); // 7 (quoted newline)
    put(b, "Please DM us \"\"your\"\" number\",,4\n"); // 8
    put(b, "5,6,115714,True," + date("22:20:00") + ",@sprintcare I was cut\n"); // 9 truncated
    put(b, "6,7,115715,True," + date("22:25:00") + ",@sprintcare caf"); // 10 invalid UTF-8
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    put(b, " is broken,,\n");
    put(b, "7,8,115716,True,Tue Foo 99 25:61:00 +0000 2017,@sprintcare hello,,\n"); // 11 bad date
    put(b, "8,,115717,True," + date("22:30:00") + ",@sprintcare no id,,\n"); // 12 missing id
    put(b, "9,2.0,sprintcare,False," + date("22:35:00") + ",@115712 again,,1\n"); // 13 duplicate of tweet 2
    put(b, "10,9,115712,True," + date("22:40:00") + ",@sprintcare thanks!,,2\r\n"); // 14
    put(b, "11,11,115718,True," + date("22:45:00") + ",\"@sprintcare this never ends"); // 15, no newline
    Files.write(csv, b.toByteArray());

    out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(List.of("twcs=" + csv), null, out);
  }

  @Test
  void everyBadRecordIsQuarantinedWithItsReasonAndPosition() {
    List<Row> q = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
    assertThat(q).extracting(r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("format"))
        .containsExactlyInAnyOrder(
            tuple("line 9", "truncated", "twcs"),
            tuple("line 10", "invalid_encoding", "twcs"),
            tuple("line 11", "invalid_timestamp", "twcs"),
            tuple("line 12", "missing_id", "twcs"),
            tuple("line 13", "duplicate", "twcs"),
            tuple("line 15", "truncated", "twcs"));
    Map<String, Row> byPos = q.stream().collect(Collectors.toMap(r -> r.getAs("source_record"), r -> r));
    for (Row r : q) {
      assertThat(r.<String>getAs("source_file")).endsWith("twcs.csv");
      assertThat(r.<String>getAs("platform")).isEqualTo("twitter");
    }

    // truncated: the short row says how many fields it had; the unclosed quote says so.
    assertThat(byPos.get("line 9").<String>getAs("detail")).isEqualTo("6 fields, expected 8");
    assertThat(byPos.get("line 9").<String>getAs("raw")).endsWith("@sprintcare I was cut");
    assertThat(byPos.get("line 15").<String>getAs("detail")).isEqualTo("quoted field never closed");
    assertThat(byPos.get("line 15").<String>getAs("raw")).endsWith("\"@sprintcare this never ends");
    // invalid encoding: the raw text keeps the record, with U+FFFD where the bad byte was.
    assertThat(byPos.get("line 10").<String>getAs("raw")).contains("@sprintcare caf\uFFFD( is broken");
    assertThat(byPos.get("line 11").<String>getAs("detail")).contains("Tue Foo 99");
    assertThat(byPos.get("line 11").<String>getAs("post_id")).isEqualTo("8");
    assertThat(byPos.get("line 12").<String>getAs("post_id")).isNull();
    // duplicate: "2.0" is tweet 2; the first one (line 3) is kept and named in the detail.
    Row dup = byPos.get("line 13");
    assertThat(dup.<String>getAs("post_id")).isEqualTo("2");
    assertThat(dup.<String>getAs("detail")).startsWith("duplicate of twitter 2 first read at ").endsWith(" line 3");
    assertThat(dup.<String>getAs("raw")).isEqualTo("@115712 again");
  }

  @Test
  void acceptedPostsAreRepairedAndNormalised() {
    List<Row> a = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList();
    Map<String, Row> byId = a.stream().collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
    assertThat(byId).containsOnlyKeys("1", "2", "3", "4", "5", "9");

    Row t1 = byId.get("1");
    assertThat(t1.<String>getAs("platform")).isEqualTo("twitter");
    assertThat(t1.<String>getAs("text")).isEqualTo("@sprintcare is the worst customer service & support");
    assertThat(t1.<String>getAs("source_record")).isEqualTo("line 2");
    assertThat(t1.<String>getAs("account_id")).isEqualTo("115712");
    assertThat(t1.<String>getAs("brand")).isNull();
    assertThat(t1.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(t1.getList(t1.fieldIndex("mentions"))).containsExactly("sprintcare");
    assertThat(t1.<java.sql.Timestamp>getAs("created_at").toInstant())
        .isEqualTo(java.time.Instant.parse("2017-10-31T22:00:00Z"));

    Row t2 = byId.get("2"); // kept: the first of the two tweets with id 2
    assertThat(t2.<String>getAs("text")).isEqualTo("@115712 Please send us a Private Message.");
    assertThat(t2.<String>getAs("source_record")).isEqualTo("line 3");
    assertThat(t2.<String>getAs("brand")).isEqualTo("sprintcare"); // inbound=False author
    assertThat(t2.<String>getAs("in_reply_to_post_id")).isEqualTo("1"); // "1.0"
    assertThat(t2.<String>getAs("in_reply_to_account_id")).isEqualTo("115712"); // resolved from tweet 1

    assertThat(byId.get("3").<String>getAs("brand")).isEqualTo("sprintcare"); // FALSE
    assertThat(byId.get("3").<String>getAs("source_record")).isEqualTo("line 4");

    Row t4 = byId.get("4"); // raw newline repaired: two physical lines, one record, "\n" in the text
    assertThat(t4.<String>getAs("text")).isEqualTo("@sprintcare my phone\nstill does not work");
    assertThat(t4.<String>getAs("source_record")).isEqualTo("lines 5-6");
    assertThat(t4.<String>getAs("brand")).isNull(); // TRUE

    Row t5 = byId.get("5"); // quoted multi-line text
    assertThat(t5.<String>getAs("text")).isEqualTo("@115713 Sorry to hear that.\nPlease DM us \"your\" number");
    assertThat(t5.<String>getAs("source_record")).isEqualTo("lines 7-8");
    assertThat(t5.<String>getAs("brand")).isEqualTo("sprintcare");
    assertThat(t5.<String>getAs("in_reply_to_post_id")).isEqualTo("4");
    assertThat(t5.<String>getAs("in_reply_to_account_id")).isEqualTo("115713");

    assertThat(byId.get("9").<String>getAs("text")).isEqualTo("@sprintcare thanks!");
    assertThat(byId.get("9").<String>getAs("source_record")).isEqualTo("line 14");
    assertThat(byId.get("9").<String>getAs("in_reply_to_account_id")).isEqualTo("sprintcare");

    // The BOM never reaches a value.
    for (Row r : a) {
      for (String col : List.of("post_id", "account_id", "text")) {
        assertThat(r.<String>getAs(col)).doesNotContain("\uFEFF");
      }
    }
  }

  @Test
  void everyRecordWrittenIsAccountedFor() throws IOException {
    long archived = TestSpark.session().read().parquet(out.resolve("archive").toString()).count();
    long quarantined = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).count();
    assertThat(archived).isEqualTo(ACCEPTED);
    assertThat(archived + quarantined).isEqualTo(LOGICAL_RECORDS);

    List<CSVRecord> rows = readCsv(out.resolve("metrics/ingest_summary.csv"));
    assertThat(rows).hasSize(1);
    CSVRecord s = rows.get(0);
    assertThat(s.get("source")).endsWith("twcs.csv");
    assertThat(s.get("format")).isEqualTo("twcs");
    long read = Long.parseLong(s.get("records_read"));
    long acc = Long.parseLong(s.get("records_accepted"));
    long quar = Long.parseLong(s.get("records_quarantined"));
    assertThat(read).isEqualTo(LOGICAL_RECORDS);
    assertThat(acc).isEqualTo(ACCEPTED);
    assertThat(quar).isEqualTo(LOGICAL_RECORDS - ACCEPTED);
    assertThat(read).isEqualTo(acc + quar);
    assertThat(s.get("reconciled")).isEqualTo("true");

    Map<String, Long> expected = new HashMap<>();
    for (QuarantineReason r : QuarantineReason.values()) expected.put(r.code(), 0L);
    expected.put("truncated", 2L); // lines 9 and 15
    expected.put("invalid_encoding", 1L); // line 10
    expected.put("invalid_timestamp", 1L); // line 11
    expected.put("missing_id", 1L); // line 12
    expected.put("duplicate", 1L); // line 13
    long sum = 0;
    for (var e : expected.entrySet()) {
      long v = Long.parseLong(s.get("quarantined_" + e.getKey()));
      assertThat(v).as("quarantined_" + e.getKey()).isEqualTo(e.getValue());
      sum += v;
    }
    assertThat(sum).isEqualTo(quar);
  }

  @Test
  void brandIsDerivedFromInboundFalseAuthors() throws IOException {
    List<CSVRecord> accounts = readCsv(out.resolve("metrics/brand_accounts.csv"));
    assertThat(accounts).extracting(r -> r.get("brand"), r -> r.get("platform"), r -> r.get("account_id"),
            r -> r.get("in_registry"), r -> r.get("posts"))
        .containsExactly(tuple("sprintcare", "twitter", "sprintcare", "false", "3")); // tweets 2, 3, 5

    // Inbound to sprintcare: tweets 1 (mention), 4 (mention) and 9 (mention + reply to tweet 2).
    // Tweet 1 answered by tweet 2 at +300 s (tweet 3 at +360 s is later), tweet 4 by tweet 5 at +120 s,
    // tweet 9 unanswered. Median = mean of {120, 300} = 210.
    Map<String, CSVRecord> resp = readCsv(out.resolve("metrics/responsiveness.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("brand") + "/" + r.get("platform"), r -> r));
    assertThat(resp).containsOnlyKeys("sprintcare/twitter", "sprintcare/all");
    for (CSVRecord r : resp.values()) {
      assertThat(r.get("inbound")).isEqualTo("3");
      assertThat(r.get("answered")).isEqualTo("2");
      assertThat(r.get("rt_median_s")).isEqualTo("210");
      assertThat(r.get("rt_mean_s")).isEqualTo("210");
    }
  }

  @Test
  void normaliseIdTurnsPandasFloatsBackIntoIds() throws Exception {
    // TwcsReader lives in ingest.twcs and is package-private: reach its static helper by reflection.
    Class<?> reader = Class.forName("io.megaphone.ingest.twcs.TwcsReader");
    Method m = reader.getDeclaredMethod("normaliseId", String.class);
    m.setAccessible(true);
    Function<String, Object> n = s -> {
      try {
        return m.invoke(null, s);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    };
    assertThat(n.apply("3.0")).isEqualTo("3");
    assertThat(n.apply(" 3.000 ")).isEqualTo("3");
    assertThat(n.apply("3.")).isEqualTo("3");
    assertThat(n.apply("119237")).isEqualTo("119237");
    assertThat(n.apply("1.2e+06")).isEqualTo("1200000");
    assertThat(n.apply("1.19237E5")).isEqualTo("119237");
    assertThat(n.apply("3.5")).isEqualTo("3.5"); // not an integer: left as written
    assertThat(n.apply("1.5e0")).isEqualTo("1.5e0"); // not an integer: left as written
    assertThat(n.apply("abc")).isEqualTo("abc");
    assertThat(n.apply("")).isNull();
    assertThat(n.apply("   ")).isNull();
    assertThat(n.apply(null)).isNull();
  }

  private static String date(String time) {
    return String.format(DATE, time);
  }

  private static void put(ByteArrayOutputStream b, String s) {
    b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<CSVRecord> readCsv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }
}
