package io.megaphone.ingest.facebook;

import static io.megaphone.ingest.facebook.GraphFixtures.instant;
import static io.megaphone.ingest.facebook.GraphFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.job.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The facebook format on fixtures written from the Graph API reference (see fixtures/facebook/README.md): a feed
 * page document, JSON Lines of pages and odd values, an array of posts, and a facebook-news style CSV with its
 * {@code pages} file — all through the real ingest, from a job file whose relative {@code pages} path must resolve
 * against the job file's folder.
 */
class FacebookFormatTest {
  static final String PAGE = "104522117812345";
  static final String JEANNE = "10155001234567890";
  static final String PAUL = "10155009876543210";
  static final String BAKERY = "108000000000077";
  static final String P1 = PAGE + "_311887654321001";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> archive;
  static List<Row> quarantine;

  @BeforeAll
  static void ingest() throws IOException {
    Path dir = tmp.resolve("job");
    GraphFixtures.copy("facebook", dir, "page-feed.json", "feed-pages.jsonl", "posts-array.json", "page-posts.csv",
        "pages.csv");
    Files.writeString(dir.resolve("job.yaml"), """
        name: facebook-fixtures
        inputs:
          - format: facebook
            path: page-feed.json
          - format: facebook
            path: feed-pages.jsonl
          - format: facebook
            path: posts-array.json
          - format: facebook
            path: page-posts.csv
            pages: pages.csv
        out: run
        """, StandardCharsets.UTF_8);
    GraphFixtures.run(dir.resolve("job.yaml"), EnumSet.of(Stage.INGEST));
    out = dir.resolve("run");
    archive = GraphFixtures.byPostId(GraphFixtures.table(out, "archive"));
    quarantine = GraphFixtures.table(out, "quarantine");
  }

  @Test
  void aPagePostWithItsThread() {
    Row p = archive.get(P1);
    assertThat(p.<String>getAs("platform")).isEqualTo("facebook");
    assertThat(p.<String>getAs("account_id")).isEqualTo(PAGE);
    assertThat(p.<String>getAs("account_handle")).isEqualTo("Café Lumière");
    assertThat(instant(p, "created_at")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(p.<String>getAs("text"))
        .isEqualTo("Nouvelle carte d'été ☀️ #brunch\nRéservez : https://cafe-lumiere.example/resa");
    assertThat(list(p, "urls")).containsExactly("https://cafe-lumiere.example/resa");
    assertThat(list(p, "hashtags")).containsExactly("brunch");
    assertThat(p.<Long>getAs("likes")).isEqualTo(340L);
    assertThat(p.<Long>getAs("shares")).isEqualTo(12L);
    assertThat(p.<Long>getAs("replies")).isEqualTo(4L);
    assertThat(p.<String>getAs("conversation_id")).isEqualTo(P1);
    assertThat(p.<String>getAs("in_reply_to_post_id")).isNull();
    assertThat(p.<Boolean>getAs("is_repost")).isFalse();
    assertThat(p.<String>getAs("source_record")).isEqualTo("line 1 $.data[0]");

    Row c1 = archive.get("311887654321001_311890000000001");
    assertThat(c1.<String>getAs("account_id")).isEqualTo(JEANNE);
    assertThat(c1.<String>getAs("account_handle")).isEqualTo("Jeanne Martin");
    assertThat(c1.<String>getAs("text")).isEqualTo("Vous ouvrez le dimanche ?");
    assertThat(instant(c1, "created_at")).isEqualTo(Instant.parse("2017-07-14T15:02:10Z"));
    assertThat(c1.<String>getAs("in_reply_to_post_id")).isEqualTo(P1);
    assertThat(c1.<String>getAs("in_reply_to_account_id")).isEqualTo(PAGE);
    assertThat(c1.<String>getAs("conversation_id")).isEqualTo(P1);
    assertThat(c1.<Long>getAs("likes")).isEqualTo(2L);
    assertThat(c1.<Long>getAs("replies")).isEqualTo(2L);
    assertThat(c1.<String>getAs("source_record")).isEqualTo("line 1 $.data[0].comments.data[0]");

    // the page answers the comment ...
    Row r1 = archive.get("311887654321001_311890000000002");
    assertThat(r1.<String>getAs("account_id")).isEqualTo(PAGE);
    assertThat(r1.<String>getAs("in_reply_to_post_id")).isEqualTo("311887654321001_311890000000001");
    assertThat(r1.<String>getAs("in_reply_to_account_id")).isEqualTo(JEANNE);
    assertThat(r1.<String>getAs("conversation_id")).isEqualTo(P1);
    assertThat(r1.<String>getAs("source_record")).isEqualTo("line 1 $.data[0].comments.data[0].comments.data[0]");
    // ... and a reply listed under the same comment answers the page's reply (its parent), by the page
    Row r2 = archive.get("311887654321001_311890000000003");
    assertThat(r2.<String>getAs("account_id")).isEqualTo(PAUL);
    assertThat(r2.<String>getAs("in_reply_to_post_id")).isEqualTo("311887654321001_311890000000002");
    assertThat(r2.<String>getAs("in_reply_to_account_id")).isEqualTo(PAGE);
    assertThat(r2.<String>getAs("conversation_id")).isEqualTo(P1);

    Row c2 = archive.get("311887654321001_311890000000004");
    assertThat(c2.<String>getAs("text")).isEqualTo("Miam 😍");
    assertThat(c2.<String>getAs("in_reply_to_post_id")).isEqualTo(P1);
    assertThat(c2.<String>getAs("in_reply_to_account_id")).isEqualTo(PAGE);
  }

  @Test
  void linkShareRepostAndVisitorPost() {
    Row link = archive.get(PAGE + "_311887654321002"); // no message: the story; the link unshimmed
    assertThat(link.<String>getAs("text")).isEqualTo("Café Lumière shared a link.");
    assertThat(list(link, "urls")).containsExactly("https://magazine.example/terrasses");
    assertThat(link.<Long>getAs("likes")).isEqualTo(15L);
    assertThat(link.<Long>getAs("shares")).isNull();
    assertThat(link.<Boolean>getAs("is_repost")).isFalse(); // shared_story without parent_id: a link, no re-post

    Row repost = archive.get(PAGE + "_311887654321003");
    assertThat(repost.<Boolean>getAs("is_repost")).isTrue();
    assertThat(repost.<String>getAs("repost_of_post_id")).isEqualTo(BAKERY + "_411000000000007");
    assertThat(repost.<String>getAs("text")).isEqualTo("Bravo à nos voisins !");
    assertThat(repost.<Long>getAs("shares")).isEqualTo(1L);

    Row visitor = archive.get(PAGE + "_311887654321004"); // a visitor's post: from withheld
    assertThat(visitor.<String>getAs("account_id")).isNull();
    assertThat(visitor.<String>getAs("account_handle")).isNull();
    assertThat(list(visitor, "mentions")).containsExactly("CafeLumiere");
    Row answer = archive.get("311887654321004_311899990000001");
    assertThat(answer.<String>getAs("account_id")).isEqualTo(PAGE);
    assertThat(answer.<String>getAs("in_reply_to_post_id")).isEqualTo(PAGE + "_311887654321004");
    assertThat(answer.<String>getAs("in_reply_to_account_id")).isNull(); // the visitor is unknown
  }

  @Test
  void jsonLinesOfPagesPostsAndLoneReplies() {
    Row bread = archive.get(BAKERY + "_411000000000005");
    assertThat(bread.<String>getAs("text")).isEqualTo("Pain au levain tout chaud 🥖");
    assertThat(bread.<Long>getAs("likes")).isEqualTo(52L);
    assertThat(bread.<String>getAs("source_record")).isEqualTo("byte 0 $.data[0]");
    Row ask = archive.get("411000000000005_411000000000101");
    assertThat(ask.<String>getAs("in_reply_to_account_id")).isEqualTo(BAKERY);
    assertThat(ask.<Long>getAs("replies")).isEqualTo(1L);

    Row closed = archive.get(BAKERY + "_411000000000006"); // a post on its own line, kept from this file
    assertThat(closed.<String>getAs("text")).isEqualTo("Fermé lundi.");
    assertThat(closed.<String>getAs("source_file")).endsWith("feed-pages.jsonl");
    assertThat(closed.<String>getAs("source_record")).startsWith("byte ").doesNotContain("$");

    Row lone = archive.get("411000000000005_411000000000102"); // a reply on its own: its parent names the author
    assertThat(lone.<String>getAs("account_id")).isEqualTo(BAKERY);
    assertThat(lone.<String>getAs("in_reply_to_post_id")).isEqualTo("411000000000005_411000000000101");
    assertThat(lone.<String>getAs("in_reply_to_account_id")).isEqualTo(JEANNE);
    assertThat(lone.<String>getAs("conversation_id")).isNull();

    Row thanks = archive.get(BAKERY + "_411000000000007"); // a page node with its feed edge
    assertThat(thanks.<String>getAs("text")).isEqualTo("Merci pour vos 1000 mentions j'aime !");
    assertThat(thanks.<String>getAs("source_record")).endsWith(" $.feed.data[0]");

    Row recipe = archive.get(BAKERY + "_411000000000008"); // a JSON array of posts: link, likes summary
    assertThat(recipe.<String>getAs("source_record")).isEqualTo("line 1 $[0]");
    assertThat(list(recipe, "urls")).containsExactly("https://boulangerie-soleil.example/brioche");
    assertThat(recipe.<Long>getAs("likes")).isEqualTo(9L);
    assertThat(recipe.<Long>getAs("replies")).isEqualTo(0L);
  }

  @Test
  void csvExportOfPagePosts() {
    Row live = archive.get(PAGE + "_500000000000001");
    assertThat(live.<String>getAs("account_id")).isEqualTo(PAGE);
    assertThat(live.<String>getAs("account_handle")).isEqualTo("cafe_lumiere"); // from pages.csv
    assertThat(live.<String>getAs("brand")).isEqualTo("cafe_lumiere"); // a listed page is a brand
    assertThat(instant(live, "created_at")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(live.<String>getAs("text")).isEqualTo("We are #LIVE on the terrace. Questions below!");
    assertThat(list(live, "urls"))
        .containsExactly("https://www.facebook.com/cafelumiere/videos/10154890879532217/");
    assertThat(list(live, "hashtags")).containsExactly("LIVE");
    assertThat(live.<Long>getAs("likes")).isEqualTo(40L); // 1 + 2 + 30 + 4 + 0 + 3: every reaction
    assertThat(live.<Long>getAs("shares")).isEqualTo(5L);
    assertThat(live.<Long>getAs("replies")).isNull();
    assertThat(live.<String>getAs("conversation_id")).isEqualTo(PAGE + "_500000000000001");
    assertThat(live.<String>getAs("source_record")).isEqualTo("line 2");

    Row update = archive.get(PAGE + "_500000000000002"); // quoted over three lines
    assertThat(update.<String>getAs("text")).isEqualTo(CsvText.UPDATE);
    assertThat(update.<String>getAs("source_record")).isEqualTo("lines 3-5");
    assertThat(list(update, "urls")).containsExactly("http://bit.ly/2talMsx");

    Row story = archive.get(PAGE + "_500000000000003"); // no message: the description
    assertThat(story.<String>getAs("text")).isEqualTo("Read the full story on our blog");
    assertThat(story.<Long>getAs("likes")).isEqualTo(7L);
    assertThat(story.<Long>getAs("shares")).isNull();

    Row photo = archive.get(PAGE + "_500000000000004"); // neither message nor description
    assertThat(photo.<String>getAs("text")).isEmpty();
    assertThat(list(photo, "urls")).containsExactly("https://www.facebook.com/cafelumiere/photos/a.1/2/");

    Row pandas = archive.get(BAKERY + "_500000000000005"); // not in pages.csv: no handle, no brand
    assertThat(pandas.<String>getAs("account_handle")).isNull();
    assertThat(pandas.<String>getAs("brand")).isNull();
    assertThat(pandas.<Long>getAs("likes")).isEqualTo(13L);
    assertThat(pandas.<Long>getAs("shares")).isEqualTo(3L);

    Row noPage = archive.get(PAGE + "_500000000000008"); // page id from the post id; bad counts left empty
    assertThat(noPage.<String>getAs("account_id")).isEqualTo(PAGE);
    assertThat(noPage.<String>getAs("brand")).isEqualTo("cafe_lumiere");
    assertThat(noPage.<Long>getAs("likes")).isEqualTo(4L);
    assertThat(noPage.<Long>getAs("shares")).isNull();
  }

  @Test
  void badRecordsAreQuarantinedWithTheirReason() {
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("post_id"))
        .containsExactlyInAnyOrder(
            tuple("page-feed.json", "line 1 $.data[1].comments.data[0]", "missing_timestamp",
                "311887654321002_311891111111111"),
            tuple("page-feed.json", "line 1 $.data[4]", "missing_id", null),
            tuple("page-feed.json", "line 1 $.data[5]", "invalid_timestamp", PAGE + "_311887654321006"),
            tuple("page-feed.json", "line 1 $.data[6]", "unparseable", null),
            tuple("feed-pages.jsonl", "byte " + byteOffset("feed-pages.jsonl", 5), "unparseable", null),
            tuple("feed-pages.jsonl", "byte " + byteOffset("feed-pages.jsonl", 7), "unparseable", null),
            tuple("posts-array.json", "line 1 $[1]", "duplicate", BAKERY + "_411000000000006"),
            tuple("page-posts.csv", "line 9", "invalid_timestamp", PAGE + "_500000000000006"),
            tuple("page-posts.csv", "line 10", "missing_id", null),
            tuple("page-posts.csv", "line 12", "truncated", null));
    for (Row r : quarantine) {
      assertThat(r.<String>getAs("format")).isEqualTo("facebook");
      assertThat(r.<String>getAs("raw")).isNotEmpty();
    }
    Map<String, Row> byPos = new java.util.HashMap<>();
    for (Row r : quarantine) byPos.put(file(r) + " " + r.getAs("source_record"), r);
    assertThat(byPos.get("page-feed.json line 1 $.data[5]").<String>getAs("detail")).contains("'yesterday'");
    assertThat(byPos.get("page-feed.json line 1 $.data[6]").<String>getAs("detail"))
        .isEqualTo("post is not a JSON object");
    assertThat(byPos.get("feed-pages.jsonl byte " + byteOffset("feed-pages.jsonl", 5)).<String>getAs("detail"))
        .startsWith("invalid JSON");
    assertThat(byPos.get("feed-pages.jsonl byte " + byteOffset("feed-pages.jsonl", 7)).<String>getAs("detail"))
        .startsWith("not a Graph API post");
    assertThat(byPos.get("page-posts.csv line 9").<String>getAs("detail")).contains("14/07/2017 10:00");
  }

  @Test
  void everyRecordIsAccountedForPerFile() throws IOException {
    Map<String, CSVRecord> s = GraphFixtures.summaryByFile(out);
    // file → {read, accepted, quarantined}
    Map<String, long[]> want = Map.of(
        "page-feed.json", new long[] {13, 9, 4},
        "feed-pages.jsonl", new long[] {7, 5, 2},
        "posts-array.json", new long[] {2, 1, 1},
        "page-posts.csv", new long[] {9, 6, 3});
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
    want.forEach((f, w) -> {
      CSVRecord r = s.get(f);
      assertThat(r.get("format")).isEqualTo("facebook");
      assertThat(Long.parseLong(r.get("records_read"))).as(f + " read").isEqualTo(w[0]);
      assertThat(Long.parseLong(r.get("records_accepted"))).as(f + " accepted").isEqualTo(w[1]);
      assertThat(Long.parseLong(r.get("records_quarantined"))).as(f + " quarantined").isEqualTo(w[2]);
      assertThat(r.get("reconciled")).isEqualTo("true");
    });
    assertThat(archive).hasSize(9 + 5 + 1 + 6);
  }

  private static String file(Row r) {
    String f = r.getAs("source_file");
    return f.substring(f.lastIndexOf('/') + 1);
  }

  /** Byte offset of the start of 1-based line {@code line} of a fixture. */
  private static long byteOffset(String fixture, int line) {
    try {
      byte[] b = Files.readAllBytes(tmp.resolve("job").resolve(fixture));
      int seen = 1;
      for (int i = 0; i < b.length && seen < line; i++) {
        if (b[i] == '\n' && ++seen == line) return i + 1;
      }
      return line == 1 ? 0 : -1;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The message of the three-line CSV row: the CSV reader gives line breaks inside quotes back as "\n". */
  static final class CsvText {
    static final String UPDATE = "UPDATE: \n-the terrace opens at 9.\n-brunch \"until\" 3.";
  }
}
