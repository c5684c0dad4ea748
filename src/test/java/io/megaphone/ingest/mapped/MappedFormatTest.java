package io.megaphone.ingest.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.job.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures of src/test/resources/fixtures/mapped through their job file (one input per file, each with its
 * own mapping): a TSV with the platform in a column and day-first local times, a windows-1252 ';' CSV, Mastodon
 * statuses as JSON Lines read through nested paths, a YouTube videos.list page read through {@code records},
 * and a file whose header lacks a mapped column. Exact values of accepted posts, every quarantine reason and
 * detail, and the reconciliation per file.
 */
class MappedFormatTest {
  static final Path JOB = Path.of("src/test/resources/fixtures/mapped/job.yaml");
  @TempDir static Path out;
  static Map<String, Row> posts;
  static List<Row> quarantined;

  @BeforeAll
  static void ingest() {
    MappedJobs.run(JOB, out, EnumSet.of(Stage.INGEST));
    posts = MappedJobs.byKey(MappedJobs.archive(out));
    quarantined = MappedJobs.quarantine(out);
  }

  private static Instant at(Row r) {
    return r.<Timestamp>getAs("created_at").toInstant();
  }

  private static List<String> list(Row r, String col) {
    return r.isNullAt(r.fieldIndex(col)) ? null : r.getList(r.fieldIndex(col));
  }

  private static Map<String, Row> quarantinedOf(String file) {
    return quarantined.stream().filter(r -> r.<String>getAs("source_file").endsWith("/" + file))
        .collect(Collectors.toMap(r -> r.getAs("source_record"), r -> r));
  }

  @Test
  void everyFileReconciles() throws IOException {
    Map<String, CSVRecord> s = MappedJobs.summary(out);
    assertThat(s).containsOnlyKeys("listening-export.tsv", "avis-clients.csv", "mastodon-statuses.jsonl",
        "youtube-videos.json", "missing-column.csv");
    assertThat(s.values()).extracting(r -> r.get("format")).containsOnly("mapped");
    assertThat(s.values()).extracting(r -> r.get("reconciled")).containsOnly("true");
    assertThat(s).extractingFromEntries(e -> tuple(e.getKey(), e.getValue().get("records_read"),
            e.getValue().get("records_accepted"), e.getValue().get("records_quarantined")))
        .containsExactlyInAnyOrder(
            tuple("listening-export.tsv", "11", "5", "6"),
            tuple("avis-clients.csv", "2", "2", "0"),
            tuple("mastodon-statuses.jsonl", "7", "4", "3"),
            tuple("youtube-videos.json", "2", "2", "0"),
            tuple("missing-column.csv", "2", "0", "2"));
    CSVRecord tsv = s.get("listening-export.tsv");
    assertThat(tsv.get("quarantined_unknown_platform")).isEqualTo("2");
    assertThat(tsv.get("quarantined_invalid_timestamp")).isEqualTo("1");
    assertThat(tsv.get("quarantined_unparseable")).isEqualTo("2");
    assertThat(tsv.get("quarantined_missing_id")).isEqualTo("1");
    assertThat(posts).hasSize(13);
  }

  @Test
  void tsvWithPlatformColumnAndLocalDayFirstTimes() {
    Row p = posts.get("twitter/1001");
    assertThat(p.<String>getAs("account_id")).isEqualTo("42");
    assertThat(p.<String>getAs("account_handle")).isEqualTo("SoldesMax"); // "@SoldesMax"
    assertThat(p.<String>getAs("brand")).isEqualTo("SoldesMax"); // the brand column is a hint
    assertThat(at(p)).isEqualTo(Instant.parse("2024-03-14T08:30:00Z")); // 09:30 in Paris, winter time
    assertThat(p.<String>getAs("text"))
        .isEqualTo("Nouvelle collection #printemps en boutique ! https://soldesmax.example/printemps");
    assertThat(list(p, "hashtags")).containsExactly("printemps");
    assertThat(list(p, "urls")).containsExactly("https://soldesmax.example/printemps"); // unmapped: from the text
    assertThat(p.<Long>getAs("likes")).isEqualTo(1234L); // "1,234"
    assertThat(p.<Long>getAs("shares")).isEqualTo(56L);
    assertThat(p.<Long>getAs("replies")).isEqualTo(7L);
    assertThat(p.<Long>getAs("views")).isEqualTo(1200L); // "1.2K"
    assertThat(p.<Boolean>getAs("is_repost")).isFalse(); // "no"
    assertThat(p.<String>getAs("source_record")).isEqualTo("line 2");

    Row reply = posts.get("twitter/1002"); // "1002.0", "777.0": ids written as floats
    assertThat(reply.<String>getAs("account_id")).isEqualTo("777");
    assertThat(reply.<String>getAs("in_reply_to_post_id")).isEqualTo("1001");
    assertThat(reply.<String>getAs("in_reply_to_account_id")).isEqualTo("42");
    assertThat(reply.<String>getAs("brand")).isNull();
    assertThat(list(reply, "mentions")).containsExactly("SoldesMax");
    assertThat(reply.<Long>getAs("likes")).isNull(); // "nan": the post is kept without the count
    assertThat(reply.<Long>getAs("shares")).isNull(); // empty
    assertThat(reply.<Long>getAs("replies")).isEqualTo(0L);
    assertThat(at(reply)).isEqualTo(Instant.parse("2024-03-14T09:05:00Z"));

    Row answer = posts.get("twitter/1003");
    assertThat(answer.<String>getAs("in_reply_to_post_id")).isEqualTo("1002");
    assertThat(answer.<String>getAs("in_reply_to_account_id")).isEqualTo("777");
    assertThat(answer.<String>getAs("brand")).isEqualTo("SoldesMax");

    Row share = posts.get("facebook/fb_55"); // "Facebook": platform names are case-insensitive
    assertThat(share.<Boolean>getAs("is_repost")).isTrue(); // "yes"
    assertThat(share.<String>getAs("repost_of_post_id")).isEqualTo("fb_54");
    assertThat(share.<String>getAs("account_handle")).isEqualTo("Marc D.");
    assertThat(at(share)).isEqualTo(Instant.parse("2024-07-15T16:45:00Z")); // 18:45 in Paris, summer time
    assertThat(share.<Long>getAs("likes")).isEqualTo(3L); // "2.5" rounded

    Row tags = posts.get("twitter/1007");
    assertThat(list(tags, "hashtags")).containsExactly("a", "b", "c"); // the column, split on "|", wins
    assertThat(tags.<Boolean>getAs("is_repost")).isTrue(); // "TRUE"
    assertThat(tags.<Long>getAs("likes")).isNull(); // "12abc"
    assertThat(tags.<Long>getAs("shares")).isNull(); // "-5"
  }

  @Test
  void tsvBadRecordsAreQuarantinedNamingTheColumnAndTheValue() {
    Map<String, Row> q = quarantinedOf("listening-export.tsv");
    assertThat(q.values()).extracting(r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"),
            r -> r.<String>getAs("detail"))
        .containsExactlyInAnyOrder(
            tuple("line 6", "unknown_platform", "unknown platform 'myspace'"),
            tuple("line 7", "invalid_timestamp",
                "created_at column 'date': unparseable timestamp '2024-03-15 10:00' (timestamp_format 'dd/MM/yyyy HH:mm')"),
            tuple("line 8", "unparseable",
                "post_id column 'message_id': '1.23E+17' is an id written in scientific notation (its digits are lost)"),
            tuple("line 9", "unparseable",
                "is_repost column 'is_share': 'maybe' is not a boolean (true/false, yes/no, 1/0)"),
            tuple("line 10", "missing_id", "no post id"),
            tuple("line 11", "unknown_platform", "no platform"));
    assertThat(q.get("line 7").<String>getAs("post_id")).isEqualTo("1004");
    assertThat(q.get("line 7").<String>getAs("platform")).isEqualTo("twitter");
    assertThat(q.get("line 6").<String>getAs("raw")).startsWith("myspace\tms_1\t1\ttom");
    assertThat(q.get("line 6").<String>getAs("format")).isEqualTo("mapped");
  }

  @Test
  void windows1252SemicolonCsvWithLocalTimes() {
    Row a = posts.get("forum/av-1");
    assertThat(a.<String>getAs("account_handle")).isEqualTo("Élodie");
    assertThat(a.<String>getAs("text"))
        .isEqualTo("Très déçue : ça coûte 5 € de plus ; pas normal.\nDeuxième ligne, avec des \"guillemets\"");
    assertThat(at(a)).isEqualTo(Instant.parse("2024-03-14T08:30:00Z")); // 09:30:00 without zone, in Paris
    assertThat(a.<String>getAs("lang")).isEqualTo("fr"); // a constant
    assertThat(a.<Long>getAs("likes")).isEqualTo(12L);
    assertThat(a.<String>getAs("source_record")).isEqualTo("lines 2-3");
    assertThat(a.<String>getAs("account_id")).isNull();
    Row b = posts.get("forum/av-2");
    assertThat(b.<String>getAs("account_handle")).isEqualTo("Crêperie Sàrl");
    assertThat(b.<String>getAs("text")).isEqualTo("Merci Élodie, nous regardons ça !");
    assertThat(b.<String>getAs("source_record")).isEqualTo("line 4");
  }

  @Test
  void jsonLinesThroughNestedPaths() {
    Row s1 = posts.get("mastodon/110000000000000001");
    assertThat(s1.<String>getAs("account_id")).isEqualTo("109000000000000001"); // account.id
    assertThat(s1.<String>getAs("account_handle")).isEqualTo("soldesmax"); // account.acct
    assertThat(at(s1)).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
    assertThat(s1.<String>getAs("lang")).isEqualTo("fr");
    assertThat(list(s1, "hashtags")).containsExactly("printemps"); // tags[*].name
    assertThat(list(s1, "urls")) // [card.url, media_attachments[*].url], gathered
        .containsExactly("https://soldesmax.example/printemps", "https://files.mastodon.example/media/22.png");
    assertThat(s1.<Long>getAs("likes")).isEqualTo(12L);
    assertThat(s1.<Long>getAs("shares")).isEqualTo(4L);
    assertThat(s1.<Long>getAs("replies")).isEqualTo(1L);
    assertThat(s1.<Boolean>getAs("is_repost")).isFalse();
    assertThat(s1.<String>getAs("source_record")).isEqualTo("byte 0");

    Row s2 = posts.get("mastodon/110000000000000002");
    assertThat(s2.<String>getAs("in_reply_to_post_id")).isEqualTo("110000000000000001");
    assertThat(s2.<String>getAs("in_reply_to_account_id")).isEqualTo("109000000000000001");
    assertThat(s2.<String>getAs("account_handle")).isEqualTo("julie@piaille.example");
    assertThat(list(s2, "mentions")).containsExactly("soldesmax"); // mentions[*].acct

    Row boost = posts.get("mastodon/110000000000000003");
    assertThat(boost.<Boolean>getAs("is_repost")).isTrue(); // a repost_of_post_id makes a repost
    assertThat(boost.<String>getAs("repost_of_post_id")).isEqualTo("110000000000000001"); // reblog.id
    assertThat(boost.<String>getAs("text")).isEmpty();
    assertThat(boost.<String>getAs("lang")).isNull(); // JSON null

    assertThat(posts).containsKey("mastodon/110000000000000004"); // a JSON number, all its digits

    Map<String, Row> q = quarantinedOf("mastodon-statuses.jsonl");
    assertThat(q.values()).extracting(r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder("missing_id", "unparseable", "unparseable");
    assertThat(q.values()).extracting(r -> r.<String>getAs("detail"))
        .contains("no post id", "a record must be a JSON object, got string")
        .anyMatch(d -> d.startsWith("invalid JSON"));
    assertThat(q.keySet()).allMatch(k -> k.startsWith("byte "));
  }

  @Test
  void apiPageThroughTheRecordsSetting() {
    Row v = posts.get("youtube/aBcD3fGh1jK");
    assertThat(v.<String>getAs("account_id")).isEqualTo("UCsoldesmax000000000001");
    assertThat(v.<String>getAs("account_handle")).isEqualTo("SoldesMax");
    assertThat(at(v)).isEqualTo(Instant.parse("2024-03-14T09:00:00Z"));
    assertThat(v.<String>getAs("text")) // [title, description] joined by a blank line
        .isEqualTo("Collection printemps 2024\n\nDécouvrez la collection.\nhttps://soldesmax.example/printemps #printemps");
    assertThat(v.<String>getAs("lang")).isEqualTo("fr");
    assertThat(v.<Long>getAs("views")).isEqualTo(15230L); // "15230": the API writes counts as strings
    assertThat(v.<Long>getAs("likes")).isEqualTo(321L);
    assertThat(v.<Long>getAs("replies")).isEqualTo(17L);
    assertThat(list(v, "hashtags")).containsExactly("printemps");
    assertThat(v.<String>getAs("source_record")).isEqualTo("line 1 $.items[0]");

    Row w = posts.get("youtube/zYxW9vUt8sR");
    assertThat(w.<String>getAs("text")).isEqualTo("Les coulisses"); // empty description: nothing joined
    assertThat(at(w)).isEqualTo(Instant.parse("2024-03-20T16:30:00Z")); // +01:00
    assertThat(w.<Long>getAs("likes")).isNull(); // likes hidden: no statistics.likeCount
    assertThat(w.<Long>getAs("views")).isEqualTo(880L);
    assertThat(w.<String>getAs("source_record")).isEqualTo("line 1 $.items[1]");
  }

  @Test
  void aMappedColumnMissingFromTheHeaderQuarantinesTheFile() {
    Map<String, Row> q = quarantinedOf("missing-column.csv");
    assertThat(q).containsOnlyKeys("line 2", "line 3");
    for (Row r : q.values()) {
      assertThat(r.<String>getAs("reason")).isEqualTo("unparseable");
      assertThat(r.<String>getAs("detail"))
          .isEqualTo("the mapping names column 'message' absent from the header (columns: 'id', 'date', 'body')");
    }
    assertThat(q.get("line 2").<String>getAs("raw")).isEqualTo("1,2024-03-01T10:00:00Z,hello");
  }
}
