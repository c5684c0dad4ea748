package io.megaphone.ingest.instagram;

import static io.megaphone.ingest.facebook.GraphFixtures.instant;
import static io.megaphone.ingest.facebook.GraphFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.ingest.facebook.GraphFixtures;
import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instagram format on fixtures written from the IG Media and IG Comment references (see
 * fixtures/instagram/README.md), through the real ingest: a media page with comments and replies, and JSON Lines of
 * a business discovery response, a media, a lone comment, a replies page and bad lines.
 */
class InstagramFormatTest {
  static final String STORE = "17841405822304914";
  static final String JULIE = "17841400000000101";
  static final String M1 = "17895695668004550";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> archive;
  static List<Row> quarantine;

  @BeforeAll
  static void ingest() throws IOException {
    Path dir = tmp.resolve("in");
    GraphFixtures.copy("instagram", dir, "media-page.json", "media.jsonl");
    out = tmp.resolve("out");
    Pipeline.run(EnumSet.of(Stage.INGEST), List.of("instagram=" + dir.resolve("media-page.json"),
        "instagram=" + dir.resolve("media.jsonl")), null, out, List.of());
    archive = GraphFixtures.byPostId(GraphFixtures.table(out, "archive"));
    quarantine = GraphFixtures.table(out, "quarantine");
  }

  @Test
  void mediaWithCommentsAndReplies() {
    Row m = archive.get(M1);
    assertThat(m.<String>getAs("platform")).isEqualTo("instagram");
    assertThat(m.<String>getAs("account_id")).isEqualTo(STORE);
    assertThat(m.<String>getAs("account_handle")).isEqualTo("lumiere_store");
    assertThat(instant(m, "created_at")).isEqualTo(Instant.parse("2017-08-31T18:10:00Z"));
    assertThat(m.<String>getAs("text")).isEqualTo("Summer drop is here ☀️ #newin\nShop: https://shop.example/summer");
    assertThat(list(m, "urls")).containsExactly("https://shop.example/summer");
    assertThat(list(m, "hashtags")).containsExactly("newin");
    assertThat(m.<Long>getAs("likes")).isEqualTo(1520L);
    assertThat(m.<Long>getAs("replies")).isEqualTo(4L);
    assertThat(m.<String>getAs("conversation_id")).isEqualTo(M1);
    assertThat(m.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(m.<String>getAs("source_record")).isEqualTo("line 1 $.data[0]");

    Row c1 = archive.get("17858893269000001");
    assertThat(c1.<String>getAs("account_id")).isEqualTo(JULIE);
    assertThat(c1.<String>getAs("account_handle")).isEqualTo("julie_b");
    assertThat(c1.<String>getAs("text")).isEqualTo("@lumiere_store do you ship to Canada?");
    assertThat(list(c1, "mentions")).containsExactly("lumiere_store");
    assertThat(instant(c1, "created_at")).isEqualTo(Instant.parse("2017-08-31T18:30:00Z"));
    assertThat(c1.<String>getAs("in_reply_to_post_id")).isEqualTo(M1);
    assertThat(c1.<String>getAs("in_reply_to_account_id")).isEqualTo(STORE);
    assertThat(c1.<String>getAs("conversation_id")).isEqualTo(M1);
    assertThat(c1.<Long>getAs("likes")).isEqualTo(3L);
    assertThat(c1.<String>getAs("source_record")).isEqualTo("line 1 $.data[0].comments.data[0]");

    Row r1 = archive.get("17858893269000002"); // the brand answers the comment
    assertThat(r1.<String>getAs("account_id")).isEqualTo(STORE);
    assertThat(r1.<String>getAs("in_reply_to_post_id")).isEqualTo("17858893269000001");
    assertThat(r1.<String>getAs("in_reply_to_account_id")).isEqualTo(JULIE);
    assertThat(r1.<String>getAs("conversation_id")).isEqualTo(M1);
    assertThat(r1.<String>getAs("source_record")).isEqualTo("line 1 $.data[0].comments.data[0].replies.data[0]");

    Row r2 = archive.get("17858893269000003"); // listed under the comment, parent_id = the brand's reply
    assertThat(r2.<String>getAs("in_reply_to_post_id")).isEqualTo("17858893269000002");
    assertThat(r2.<String>getAs("in_reply_to_account_id")).isEqualTo(STORE);

    Row c4 = archive.get("17858893269000004"); // an older comment: username only
    assertThat(c4.<String>getAs("account_id")).isNull();
    assertThat(c4.<String>getAs("account_handle")).isEqualTo("marc_d");
    assertThat(c4.<String>getAs("text")).isEqualTo("😍😍");
    assertThat(c4.<String>getAs("in_reply_to_post_id")).isEqualTo(M1);
    assertThat(c4.<String>getAs("in_reply_to_account_id")).isEqualTo(STORE);

    Row reel = archive.get("17895695668004551"); // no caption
    assertThat(reel.<String>getAs("text")).isEmpty();
    assertThat(reel.<Long>getAs("likes")).isEqualTo(88L);
    assertThat(reel.<Long>getAs("replies")).isEqualTo(1L);
  }

  @Test
  void jsonLinesOfDiscoveryMediaAndLoneComments() {
    Row rival = archive.get("17895695668009999"); // business discovery: the enclosing user is the author
    assertThat(rival.<String>getAs("account_id")).isEqualTo("17841400000000999");
    assertThat(rival.<String>getAs("account_handle")).isEqualTo("cafe.rival");
    assertThat(rival.<String>getAs("text")).isEqualTo("Our new terrace");
    assertThat(rival.<String>getAs("source_record")).isEqualTo("byte 0 $.business_discovery.media.data[0]");

    Row asks = archive.get("17895695668004560");
    assertThat(asks.<String>getAs("account_id")).isEqualTo(JULIE);
    assertThat(list(asks, "mentions")).containsExactly("lumiere_store");
    assertThat(asks.<String>getAs("source_record")).startsWith("byte ").doesNotContain("$");

    // a comment on its own answers its media; its author is filled in from the archive by ingest
    Row answer = archive.get("17858893269000020");
    assertThat(answer.<String>getAs("account_id")).isEqualTo(STORE);
    assertThat(answer.<String>getAs("in_reply_to_post_id")).isEqualTo("17895695668004560");
    assertThat(answer.<String>getAs("in_reply_to_account_id")).isEqualTo(JULIE);
    assertThat(answer.<String>getAs("conversation_id")).isEqualTo("17895695668004560");

    Row thanks = archive.get("17858893269000021"); // a replies page: parent_id
    assertThat(thanks.<String>getAs("in_reply_to_post_id")).isEqualTo("17858893269000020");
    assertThat(thanks.<String>getAs("in_reply_to_account_id")).isEqualTo(STORE);
    assertThat(thanks.<String>getAs("source_record")).endsWith(" $.data[0]");
  }

  @Test
  void badRecordsAreQuarantinedWithTheirReason() throws IOException {
    long line5 = offsetOfLine(5);
    long line6 = offsetOfLine(6);
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple("media-page.json", "line 1 $.data[1].comments.data[0]", "missing_timestamp", "17858893269000009"),
            tuple("media-page.json", "line 1 $.data[2]", "missing_id", null),
            tuple("media-page.json", "line 1 $.data[3]", "invalid_timestamp", "17895695668004553"),
            tuple("media.jsonl", "byte " + line5, "unparseable", null),
            tuple("media.jsonl", "byte " + line6, "unparseable", null));
    Map<String, Row> byPos = new java.util.HashMap<>();
    for (Row r : quarantine) byPos.put(r.getAs("source_record"), r);
    assertThat(byPos.get("line 1 $.data[3]").<String>getAs("detail")).contains("'31/08/2017'");
    assertThat(byPos.get("byte " + line5).<String>getAs("detail")).startsWith("invalid JSON");
    assertThat(byPos.get("byte " + line6).<String>getAs("detail")).startsWith("not an IG Media");
    assertThat(byPos.get("byte " + line6).<String>getAs("raw")).isEqualTo("42");
  }

  @Test
  void everyRecordIsAccountedForPerFile() throws IOException {
    Map<String, CSVRecord> s = GraphFixtures.summaryByFile(out);
    Map<String, long[]> want = Map.of("media-page.json", new long[] {9, 6, 3}, "media.jsonl", new long[] {6, 4, 2});
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
    want.forEach((f, w) -> {
      CSVRecord r = s.get(f);
      assertThat(r.get("format")).isEqualTo("instagram");
      assertThat(Long.parseLong(r.get("records_read"))).as(f + " read").isEqualTo(w[0]);
      assertThat(Long.parseLong(r.get("records_accepted"))).as(f + " accepted").isEqualTo(w[1]);
      assertThat(Long.parseLong(r.get("records_quarantined"))).as(f + " quarantined").isEqualTo(w[2]);
      assertThat(r.get("reconciled")).isEqualTo("true");
    });
    assertThat(archive).hasSize(10);
  }

  private static String file(Row r) {
    String f = r.getAs("source_file");
    return f.substring(f.lastIndexOf('/') + 1);
  }

  private static long offsetOfLine(int line) throws IOException {
    byte[] b = Files.readAllBytes(tmp.resolve("in").resolve("media.jsonl"));
    int seen = 1;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' && ++seen == line) return i + 1;
    }
    throw new AssertionError("no line " + line);
  }
}
