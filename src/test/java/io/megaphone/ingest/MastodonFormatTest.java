package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.HashMap;
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
 * The mastodon format on fixtures written from docs.joinmastodon.org (Status entity) and Mastodon's ActivityPub
 * serializers (src/test/resources/fixtures/mastodon/README.md): REST statuses as an array, JSON Lines and a
 * context; an account export's outbox (one line), an outbox page, a cut download. Runs ingest + analyze once.
 *
 * <pre>
 *   statuses.json          5 statuses of @cafelumiere: original, boost, reply, content warning, quote     5 accepted
 *   public.jsonl           jeanne's reply, marie's mention; no id, 30 February, cut line, a number        2 + 4 quarantined
 *   context.json           paul's reply in the descendants of a context                                    1
 *   outbox.json            Create ×4 (note, reply, CW, poll), Announce; Create by reference, Like,
 *                          a note without date                                                             5 + 3 quarantined
 *   outbox-page.json       one Create in an OrderedCollectionPage                                          1
 *   outbox-truncated.json  the export cut mid-way                                                          0 + 1 quarantined
 * </pre>
 * 14 accepted + 8 quarantined = 22 read.
 */
class MastodonFormatTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/mastodon");
  static final String A = "https://mastodon.example/users/cafelumiere";

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Row> posts;
  static List<Row> quarantine;

  @BeforeAll
  static void ingest() throws IOException {
    Path brands = tmp.resolve("brands.csv");
    Files.writeString(brands, """
        brand,platform,account_id,handle
        Café Lumière,mastodon,109000000000000001,cafelumiere
        Café Lumière,mastodon,https://mastodon.example/users/cafelumiere,
        """, StandardCharsets.UTF_8);
    List<String> inputs = new ArrayList<>();
    for (String f : List.of("statuses.json", "public.jsonl", "context.json", "outbox.json", "outbox-page.json",
        "outbox-truncated.json")) {
      inputs.add("mastodon=" + FIXTURES.resolve(f).toAbsolutePath());
    }
    out = tmp.resolve("out");
    Pipeline.ingestAndAnalyze(inputs, brands.toString(), out);
    posts = TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
    quarantine = TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
  }

  @Test
  void restOriginal_htmlToTextLinksTagsCountsAndBrand() {
    Row s = posts.get("110000000000000001");
    assertThat(s.<String>getAs("platform")).isEqualTo("mastodon");
    assertThat(s.<String>getAs("account_id")).isEqualTo("109000000000000001");
    assertThat(s.<String>getAs("account_handle")).isEqualTo("cafelumiere");
    assertThat(s.<String>getAs("brand")).isEqualTo("Café Lumière");
    assertThat(at(s)).isEqualTo(Instant.parse("2023-03-01T09:00:00Z"));
    // <br /> → line break, </p> → blank line, &amp; decoded, the link's hidden spans joined, hashtag link text kept
    assertThat(s.<String>getAs("text")).isEqualTo("Nouvelle carte de printemps ☕ & croissants !\n"
        + "Découvrez-la ici : https://cafe-lumiere.example/carte-printemps\n\n#printemps");
    assertThat(s.<String>getAs("lang")).isEqualTo("fr");
    assertThat(list(s, "urls")).containsExactly("https://cafe-lumiere.example/carte-printemps");
    assertThat(list(s, "hashtags")).containsExactly("printemps");
    assertThat(list(s, "mentions")).isEmpty();
    assertThat(s.<Long>getAs("likes")).isEqualTo(12L);
    assertThat(s.<Long>getAs("shares")).isEqualTo(3L);
    assertThat(s.<Long>getAs("replies")).isEqualTo(2L);
    assertThat(s.<Boolean>getAs("is_repost")).isFalse();
    assertThat(s.<String>getAs("source_record")).isEqualTo("line 1 $[0]");
  }

  @Test
  void restBoost_isARepostCarryingTheBoostedText() {
    Row b = posts.get("110000000000000002");
    assertThat(b.<Boolean>getAs("is_repost")).isTrue();
    assertThat(b.<String>getAs("repost_of_post_id")).isEqualTo("110000000000000090");
    assertThat(b.<String>getAs("account_handle")).isEqualTo("cafelumiere");
    assertThat(b.<String>getAs("text")).isEqualTo("Le meilleur café du quartier, merci @cafelumiere !");
    assertThat(b.<String>getAs("lang")).isEqualTo("fr"); // the boost has none: the boosted status's
    assertThat(list(b, "mentions")).containsExactly("cafelumiere");
    assertThat(b.<Long>getAs("likes")).isEqualTo(0L); // the boost's own counters
    assertThat(posts).doesNotContainKey("110000000000000090"); // the boosted status is not a record of its own
  }

  @Test
  void restReplies_linkByIdAndAccount_mentionsAreAcct() {
    Row reply = posts.get("110000000000000003");
    assertThat(reply.<String>getAs("text")).isEqualTo("@jeanne Oui, jusqu'à 11h le week-end !");
    assertThat(reply.<String>getAs("in_reply_to_post_id")).isEqualTo("110000000000000011");
    assertThat(reply.<String>getAs("in_reply_to_account_id")).isEqualTo("109000000000000500");
    assertThat(list(reply, "mentions")).containsExactly("jeanne");

    Row jeanne = posts.get("110000000000000011");
    assertThat(jeanne.<String>getAs("brand")).isNull();
    assertThat(jeanne.<String>getAs("account_handle")).isEqualTo("jeanne");
    assertThat(jeanne.<String>getAs("in_reply_to_post_id")).isEqualTo("110000000000000001");
    assertThat(jeanne.<String>getAs("in_reply_to_account_id")).isEqualTo("109000000000000001");
    assertThat(jeanne.<String>getAs("text")).isEqualTo("@cafelumiere Vous servez le petit-déjeuner le dimanche ?");
    assertThat(jeanne.<String>getAs("source_record")).isEqualTo("byte 0");

    Row marie = posts.get("110000000000000012"); // a remote account: acct is user@domain
    assertThat(marie.<String>getAs("account_handle")).isEqualTo("marie@piaille.example");
    assertThat(list(marie, "mentions")).containsExactly("cafelumiere");
    assertThat(marie.<String>getAs("text")).isEqualTo("Quelqu'un a testé @cafelumiere ? Les avis ?");

    Row paul = posts.get("110000000000000021"); // from a context's descendants
    assertThat(paul.<String>getAs("in_reply_to_post_id")).isEqualTo("110000000000000004");
    assertThat(paul.<String>getAs("source_record")).isEqualTo("line 1 $.descendants[0]");
  }

  @Test
  void restContentWarningComesFirst_andQuotesAreKept() {
    Row cw = posts.get("110000000000000004");
    assertThat(cw.<String>getAs("text")).isEqualTo("Soldes\n\n-30 % sur les mugs\n\nCe week-end seulement.");
    assertThat(cw.<String>getAs("lang")).as("no language given: detected from the text").isNotNull();
    Row quote = posts.get("110000000000000005");
    assertThat(quote.<String>getAs("quote_of_post_id")).isEqualTo("110000000000000077");
    assertThat(quote.<Boolean>getAs("is_repost")).isFalse();
  }

  @Test
  void outboxNotes_idsAreUris_repliesLinkToNoteUris() {
    Row n = posts.get(A + "/statuses/110000000000000101");
    assertThat(n.<String>getAs("account_id")).isEqualTo(A);
    assertThat(n.<String>getAs("account_handle")).isEqualTo("cafelumiere");
    assertThat(n.<String>getAs("brand")).isEqualTo("Café Lumière");
    assertThat(at(n)).isEqualTo(Instant.parse("2023-04-01T09:00:00Z"));
    assertThat(n.<String>getAs("text")).isEqualTo("Ouverture d'un deuxième café à Lyon ! #lyon");
    assertThat(n.<String>getAs("lang")).isEqualTo("fr"); // contentMap's key
    assertThat(list(n, "hashtags")).containsExactly("lyon");
    assertThat(list(n, "urls")).containsExactly("https://cafe-lumiere.example/lyon"); // the preview card Link
    assertThat(n.<Long>getAs("likes")).isEqualTo(20L);
    assertThat(n.<Long>getAs("shares")).isEqualTo(4L);
    assertThat(n.<Long>getAs("replies")).isNull(); // Mastodon gives no reply count in the outbox
    assertThat(n.<String>getAs("source_record")).isEqualTo("byte 0 $.orderedItems[0]");

    Row r = posts.get(A + "/statuses/110000000000000102");
    assertThat(r.<String>getAs("in_reply_to_post_id"))
        .isEqualTo("https://piaille.example/users/marie/statuses/110000000000000960");
    // the author of a Mastodon status URI is the actor URI before /statuses/
    assertThat(r.<String>getAs("in_reply_to_account_id")).isEqualTo("https://piaille.example/users/marie");
    assertThat(list(r, "mentions")).containsExactly("marie@piaille.example");
    assertThat(r.<String>getAs("text")).isEqualTo("@marie Merci Marie, à bientôt !");

    Row cw = posts.get(A + "/statuses/110000000000000104");
    assertThat(cw.<String>getAs("text")).isEqualTo("Travaux\n\nFermé lundi pour travaux.");
    Row poll = posts.get(A + "/statuses/110000000000000105");
    assertThat(poll.<String>getAs("text")).isEqualTo("Votre viennoiserie préférée ?");

    Row page = posts.get(A + "/statuses/110000000000000109");
    assertThat(page.<String>getAs("source_record")).isEqualTo("line 1 $.orderedItems[0]");
    assertThat(at(page)).isEqualTo(Instant.parse("2023-04-06T09:30:00Z"));
  }

  @Test
  void outboxAnnounce_isARepostOfTheObjectUri_withEmptyText() {
    Row b = posts.get(A + "/statuses/110000000000000103/activity");
    assertThat(b.<Boolean>getAs("is_repost")).isTrue();
    assertThat(b.<String>getAs("repost_of_post_id"))
        .isEqualTo("https://piaille.example/users/marie/statuses/110000000000000960");
    assertThat(b.<String>getAs("text")).isEmpty();
    assertThat(b.<String>getAs("account_id")).isEqualTo(A);
    assertThat(at(b)).isEqualTo(Instant.parse("2023-04-03T12:00:00Z"));
  }

  @Test
  void badRecordsAreQuarantinedWithReasonAndPosition() throws IOException {
    List<String> lines = Files.readAllLines(FIXTURES.resolve("public.jsonl"), StandardCharsets.UTF_8);
    long[] offsets = new long[lines.size()];
    for (int i = 1; i < lines.size(); i++) {
      offsets[i] = offsets[i - 1] + lines.get(i - 1).getBytes(StandardCharsets.UTF_8).length + 1;
    }
    assertThat(quarantine).extracting(r -> file(r), r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder(
            tuple("public.jsonl", "byte " + offsets[2], "missing_id"),
            tuple("public.jsonl", "byte " + offsets[3], "invalid_timestamp"),
            tuple("public.jsonl", "byte " + offsets[4], "unparseable"),
            tuple("public.jsonl", "byte " + offsets[5], "unparseable"),
            tuple("outbox.json", "byte 0 $.orderedItems[5]", "unparseable"),
            tuple("outbox.json", "byte 0 $.orderedItems[6]", "unparseable"),
            tuple("outbox.json", "byte 0 $.orderedItems[7]", "missing_timestamp"),
            tuple("outbox-truncated.json", "byte 0", "unparseable"));
    Map<String, Row> byRecord = quarantine.stream().collect(Collectors.toMap(
        r -> file(r) + " " + r.getAs("source_record"), Function.identity()));
    assertThat(detail(byRecord, "public.jsonl byte " + offsets[3])).contains("2023-02-30T25:00:00.000Z");
    assertThat(detail(byRecord, "public.jsonl byte " + offsets[4])).startsWith("invalid JSON");
    assertThat(detail(byRecord, "public.jsonl byte " + offsets[5]))
        .isEqualTo("not a Mastodon status, an ActivityPub activity or collection");
    assertThat(detail(byRecord, "outbox.json byte 0 $.orderedItems[5]"))
        .isEqualTo("a Create activity whose object is a reference (" + A + "/statuses/110000000000000106), not an"
            + " embedded note");
    assertThat(detail(byRecord, "outbox.json byte 0 $.orderedItems[6]"))
        .isEqualTo("ActivityPub 'Like' is not a post (posts are Create and Announce activities, or notes)");
    assertThat(byRecord.get("outbox.json byte 0 $.orderedItems[7]").<String>getAs("post_id"))
        .isEqualTo(A + "/statuses/110000000000000108");
    assertThat(detail(byRecord, "outbox-truncated.json byte 0")).startsWith("invalid JSON");
    for (Row q : quarantine) assertThat(q.<String>getAs("format")).isEqualTo("mastodon");
  }

  @Test
  void everyRecordIsAccountedFor() throws IOException {
    Map<String, CSVRecord> summary = new HashMap<>();
    for (CSVRecord r : csv(out.resolve("metrics/ingest_summary.csv"))) {
      summary.put(r.get("source").replaceFirst(".*/", ""), r);
    }
    Map<String, long[]> expected = Map.of("statuses.json", new long[] {5, 5, 0}, "public.jsonl", new long[] {6, 2, 4},
        "context.json", new long[] {1, 1, 0}, "outbox.json", new long[] {8, 5, 3}, "outbox-page.json",
        new long[] {1, 1, 0}, "outbox-truncated.json", new long[] {1, 0, 1});
    assertThat(summary).containsOnlyKeys(expected.keySet());
    for (var e : expected.entrySet()) {
      CSVRecord r = summary.get(e.getKey());
      assertThat(new long[] {Long.parseLong(r.get("records_read")), Long.parseLong(r.get("records_accepted")),
          Long.parseLong(r.get("records_quarantined"))}).as(e.getKey()).containsExactly(e.getValue());
      assertThat(r.get("reconciled")).isEqualTo("true");
    }
    assertThat(posts).hasSize(14);
  }

  /** jeanne's question is answered 75 minutes later; marie's mention and paul's reply are not answered. */
  @Test
  void responsiveness_inboundByReplyOrMention_answeredByReplyId() throws IOException {
    CSVRecord row = csv(out.resolve("metrics/responsiveness.csv")).stream()
        .filter(r -> r.get("brand").equals("Café Lumière") && r.get("platform").equals("mastodon")).findFirst()
        .orElseThrow();
    assertThat(row.get("inbound")).isEqualTo("3");
    assertThat(row.get("answered")).isEqualTo("1");
    assertThat(Double.parseDouble(row.get("rt_median_s"))).isEqualTo(4500.0);
    assertThat(row.get("brand_posts")).isEqualTo("11");
    assertThat(row.get("brand_reposts")).isEqualTo("2");
    assertThat(row.get("brand_replies")).isEqualTo("2");
    assertThat(row.get("brand_originals")).isEqualTo("7");
  }

  // ---- helpers

  private static Instant at(Row r) {
    return r.<Timestamp>getAs("created_at").toInstant();
  }

  private static List<String> list(Row r, String field) {
    return r.getList(r.fieldIndex(field));
  }

  private static String file(Row r) {
    return r.<String>getAs("source_file").replaceFirst(".*/", "");
  }

  private static String detail(Map<String, Row> byRecord, String key) {
    assertThat(byRecord).containsKey(key);
    return byRecord.get(key).getAs("detail");
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords();
    }
  }
}
