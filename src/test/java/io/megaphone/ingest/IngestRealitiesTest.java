package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.cli.JobRunner;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realities of files as they circulate, through the real ingest (a job file, as an analyst writes it),
 * for the canonical JSON Lines, twitter-v2 JSON document and TWCS CSV formats. The fixtures are written by
 * {@link #writeFixtures} byte by byte (BOMs, CRLF, NUL bytes and mojibake cannot be kept reliably in
 * resource files). The job's default time zone is America/New_York; one input says Europe/Paris.
 */
class IngestRealitiesTest {
  static final Instant T = Instant.parse("2022-06-07T08:52:12Z");
  static final String BOM = "\uFEFF";
  /** A 1 MB text: ASCII, accents and emoji. */
  static final String MEGA = ("Un texte très long, répété 😀 " + "x".repeat(70) + "\n").repeat(10_000);

  @TempDir static Path dir;
  static Map<String, Row> archive;
  static Map<String, Row> quarantine;
  static Map<String, CSVRecord> summary;

  @BeforeAll
  static void ingest() throws IOException {
    writeFixtures();
    String job = """
        name: realities
        inputs:
          - format: canonical
            path: canonical/realities.jsonl
          - format: canonical
            path: paris/local.jsonl
            timezone: Europe/Paris
          - format: twitter-v2
            path: twitter/page.json
          - format: twcs
            path: twcs/realities.csv
          - format: canonical
            path: dup
          - format: canonical
            path: snap
        params:
          ingest.default-timezone: America/New_York
        """;
    Path jobFile = dir.resolve("job.yaml");
    Files.writeString(jobFile, job);
    Path out = dir.resolve("out");
    run(jobFile, out, List.of());
    archive = rows(out.resolve("archive"), r -> r.getAs("post_id"));
    quarantine = rows(out.resolve("quarantine"), r -> r.<String>getAs("source_file").replaceAll(".*/", "") + " "
        + r.getAs("source_record"));
    summary = readCsv(out.resolve("metrics/ingest_summary.csv")).stream()
        .collect(Collectors.toMap(r -> r.get("source").replaceAll("^.*/([^/]+/[^/]+)$", "$1"), r -> r));
  }

  static void run(Path jobFile, Path out, List<String> sets) {
    JobSettings settings = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(jobFile.toString()), List.of(), Optional.empty(), Optional.of(out.toString()), sets), true, true);
    int code = new JobRunner(settings, EnumSet.of(Stage.INGEST), "test").run(TestSpark.session());
    assertThat(code).isZero();
  }

  static Map<String, Row> rows(Path parquet, Function<Row, String> key) {
    return TestSpark.session().read().parquet(parquet.toString()).collectAsList().stream()
        .collect(Collectors.toMap(key, r -> r));
  }

  static String canonical(String id, String createdAt, String textJson, String extra) {
    return "{\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"account_id\":\"u" + id + "\",\"created_at\":"
        + createdAt + ",\"text\":" + textJson + extra + "}";
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static void writeFixtures() throws IOException {
    String iso = q("2022-06-07T08:52:12Z");
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    put(c, BOM); // BOM at the start of a JSON Lines file
    String[] lines = {
        canonical("moji", iso, q("Itâ€™s Ã©tÃ© Ã  Paris ðŸ˜€ â€œquotedâ€\u009D"), ""),
        canonical("moji2", iso, q("double: ÃƒÂ©tÃƒÂ©"), ""),
        canonical("nulraw", iso, q("nul\0 bytes\0 in\0 the line"), ",\0\"lang\":\"en\""),
        canonical("nulesc", iso, "\"escaped\\u0000nul\"", ""),
        canonical("entities", iso, q("R&amp;D &lt;3 &quot;ok&quot; &#39;yes&#39; caf&eacute; &#x1F600; &#128077;"), ""),
        canonical("emoji", iso, "\"raw 😀👍🏽🇫🇷❤️ and escaped \\ud83d\\ude00\"", ""),
        canonical("lone", iso, "\"half an emoji \\ud83d here\"", ""),
        canonical("sec", "1654591932", q("epoch seconds"), ""),
        canonical("ms", "1654591932123", q("epoch milliseconds"), ""),
        canonical("secstr", q("1654591932"), q("epoch seconds as text"), ""),
        canonical("msstr", q("1654591932123"), q("epoch milliseconds as text"), ""),
        canonical("frac", "1654591932.5", q("epoch seconds with a fraction"), ""),
        canonical("z", q("2022-06-07T08:52:12.000Z"), q("ISO Z"), ""),
        canonical("p0000", q("2022-06-07T08:52:12+0000"), q("ISO +0000"), ""),
        canonical("p0200", q("2022-06-07T10:52:12+02:00"), q("ISO +02:00"), ""),
        canonical("micro", q("2022-06-07T08:52:12.123456Z"), q("ISO fraction"), ""),
        canonical("nozone", q("2022-06-07 04:52:12"), q("no zone: the job's New York"), ""),
        canonical("twdate", q("Tue Jun 07 08:52:12 +0000 2022"), q("Twitter date"), ""),
        canonical("mega", iso, q(MEGA), ""),
        canonical("undfr", iso, q("Le gouvernement a annoncé de nouvelles mesures pour les retraites"),
            ",\"lang\":\"und\""),
        canonical("noen", iso, q("The government announced new measures for pensions this morning"), ""),
        canonical("givenfr", iso, q("The source says French, the source is kept"), ",\"lang\":\"fr\""),
        canonical("short", iso, q("Merci ! 😀 https://t.co/x"), ""),
    };
    for (String l : lines) put(c, l + "\r\n"); // CRLF
    write("canonical/realities.jsonl", c.toByteArray());

    write("paris/local.jsonl", (canonical("paris", q("2022-06-07 10:52:12"), q("no zone: the input's Paris"), "")
        + "\n").getBytes(StandardCharsets.UTF_8));

    // a twitter-v2 response page as a pretty-printed JSON document: BOM, CRLF, NUL bytes between and in values
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    put(t, BOM + "{\r\n  \"data\": [\r\n    {\"id\": \"tw1\", \"author_id\": \"9\", \"created_at\": \"2022-06-07T08:52:12.000Z\",\r\n"
        + "     \"text\": \"Tom &amp; Jerry\0 ont dit : c’est l’été, rendez-vous à Paris\", \"lang\": \"und\"},\0\r\n"
        + "    {\"id\": \"tw2\", \"author_id\": \"9\", \"created_at\": \"2022-06-07T08:52:13.000Z\",\r\n"
        + "     \"text\": " + q(MEGA) + ", \"lang\": \"fr\"}\r\n  ],\r\n"
        + "  \"includes\": {\"users\": [{\"id\": \"9\", \"username\": \"brand\"}]}\r\n}\r\n");
    write("twitter/page.json", t.toByteArray());

    ByteArrayOutputStream w = new ByteArrayOutputStream();
    put(w, BOM + "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\r\n"); // 1
    put(w, "101,115712,True,Tue Jun 07 08:52:12 +0000 2022,Itâ€™s brokenâ€¦ &amp; Ã©nervant,,\r\n"); // 2
    put(w, "102,sprintcare,False,Tue Jun 07 08:53:12 +0000 2022,\"@115712 Line one\r\n"); // 3
    put(w, "line two, with \"\"quotes\"\" 😀\",,101\r\n"); // 4
    put(w, "103,115713,True,Tue Jun 07 08:54:12 +0000 2022,@sprintcare my phone\r\n"); // 5
    put(w, "still d\0oes not work,,\r\n"); // 6: the row broken by a raw newline, with a NUL
    put(w, "104,115714,True,Tue Jun 07 08:55:12 +0000 2022,\"" + MEGA.replace("\n", " ") + "\",,\r\n"); // 7
    write("twcs/realities.csv", w.toByteArray());

    // the same post in two files, and in two snapshots of the same file
    write("dup/a.jsonl", (canonical("d1", iso, q("first copy"), "") + "\n").getBytes(StandardCharsets.UTF_8));
    write("dup/b.jsonl", (canonical("d1", iso, q("second copy"), "") + "\n"
        + canonical("d2", iso, q("only in b"), "") + "\n").getBytes(StandardCharsets.UTF_8));
    write("snap/2022-06-01/posts.jsonl", (canonical("s1", iso, q("s1 as of June 1"), "") + "\n"
        + canonical("s2", iso, q("s2 as of June 1"), "") + "\n").getBytes(StandardCharsets.UTF_8));
    write("snap/2022-06-02/posts.jsonl", (canonical("s1", iso, q("s1 as of June 2"), "") + "\n"
        + canonical("s2", iso, q("s2 as of June 2"), "") + "\n"
        + canonical("s3", iso, q("s3 new on June 2"), "") + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void write(String rel, byte[] bytes) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  static void put(ByteArrayOutputStream b, String s) {
    b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static String text(String id) {
    assertThat(archive).as("post %s archived", id).containsKey(id);
    return archive.get(id).getAs("text");
  }

  static Instant created(String id) {
    assertThat(archive).as("post %s archived", id).containsKey(id);
    return archive.get(id).<Timestamp>getAs("created_at").toInstant();
  }

  @Test
  void mojibakeIsRepairedInJsonLinesAndCsv() {
    assertThat(text("moji")).isEqualTo("It’s été à Paris 😀 “quoted”");
    assertThat(text("moji2")).isEqualTo("double: été");
    assertThat(text("101")).isEqualTo("It’s broken… & énervant");
  }

  @Test
  void aByteOrderMarkDoesNotHideTheFirstRecord() {
    // first line of the JSON Lines file, first value of the JSON document, header of the CSV
    assertThat(archive).containsKeys("moji", "tw1", "101");
    assertThat(archive.get("moji").<String>getAs("source_record")).isEqualTo("byte 0");
    for (Row r : archive.values()) {
      assertThat(r.<String>getAs("post_id")).doesNotContain(BOM);
      assertThat(r.<String>getAs("text")).doesNotContain(BOM);
    }
  }

  @Test
  void crlfLineEndsLeaveNoCarriageReturn() {
    for (String id : List.of("moji", "short", "tw1", "101", "103")) assertThat(text(id)).doesNotContain("\r");
    assertThat(archive.get("101").<Timestamp>getAs("created_at").toInstant()).isEqualTo(T);
    // a CRLF inside a quoted CSV field is a line break of the text
    assertThat(text("102")).isEqualTo("@115712 Line one\nline two, with \"quotes\" 😀");
  }

  @Test
  void nulBytesAreDropped() {
    assertThat(text("nulraw")).isEqualTo("nul bytes in the line");
    assertThat(archive.get("nulraw").<String>getAs("lang")).isEqualTo("en"); // the field after a raw NUL
    assertThat(text("nulesc")).isEqualTo("escapednul");
    assertThat(text("tw1")).isEqualTo("Tom & Jerry ont dit : c’est l’été, rendez-vous à Paris");
    assertThat(text("103")).isEqualTo("@sprintcare my phone\nstill does not work");
  }

  @Test
  void multiLineQuotedFieldsAndRowsBrokenByRawNewlines() {
    assertThat(archive.get("102").<String>getAs("source_record")).isEqualTo("lines 3-4");
    assertThat(archive.get("102").<String>getAs("in_reply_to_post_id")).isEqualTo("101");
    assertThat(archive.get("103").<String>getAs("source_record")).isEqualTo("lines 5-6");
  }

  @Test
  void htmlEntitiesAreDecoded() {
    assertThat(text("entities")).isEqualTo("R&D <3 \"ok\" 'yes' café \uD83D\uDE00 \uD83D\uDC4D");
    assertThat(text("tw1")).startsWith("Tom & Jerry");
  }

  @Test
  void emojiAndSurrogatePairsSurviveByteExact() {
    String want = "raw 😀👍🏽🇫🇷❤️ and escaped \uD83D\uDE00";
    assertThat(text("emoji")).isEqualTo(want);
    assertThat(text("emoji").getBytes(StandardCharsets.UTF_8)).isEqualTo(want.getBytes(StandardCharsets.UTF_8));
    assertThat(text("102")).endsWith("😀");
    // a lone surrogate escape cannot be written as UTF-8: U+FFFD, and the post is kept
    assertThat(text("lone")).isEqualTo("half an emoji \uFFFD here");
  }

  @Test
  void epochSecondsAndMilliseconds() {
    assertThat(created("sec")).isEqualTo(T);
    assertThat(created("ms")).isEqualTo(T.plusMillis(123));
    assertThat(created("secstr")).isEqualTo(T);
    assertThat(created("msstr")).isEqualTo(T.plusMillis(123));
    assertThat(created("frac")).isEqualTo(T.plusMillis(500));
  }

  @Test
  void iso8601VariantsAndTwitterDates() {
    assertThat(created("z")).isEqualTo(T);
    assertThat(created("p0000")).isEqualTo(T);
    assertThat(created("p0200")).isEqualTo(T);
    assertThat(created("micro")).isEqualTo(T.plusNanos(123_456_000));
    assertThat(created("twdate")).isEqualTo(T);
    assertThat(created("tw1")).isEqualTo(T);
  }

  @Test
  void aTimeWithoutZoneIsInTheInputZoneElseTheJobZone() {
    // job: ingest.default-timezone America/New_York (EDT, UTC-4 in June): 04:52:12 -> 08:52:12Z
    assertThat(created("nozone")).isEqualTo(T);
    // the input's timezone: Europe/Paris overrides the job's (CEST, UTC+2): 10:52:12 -> 08:52:12Z
    assertThat(created("paris")).isEqualTo(T);
  }

  @Test
  void veryLongTextsAreKeptWhole() {
    assertThat(MEGA.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_000_000);
    assertThat(text("mega")).isEqualTo(MEGA);
    assertThat(text("tw2")).isEqualTo(MEGA);
    assertThat(text("104")).isEqualTo(MEGA.replace("\n", " "));
  }

  @Test
  void languageIsDetectedWhereTheSourceGivesNone() {
    assertThat(archive.get("undfr").<String>getAs("lang")).isEqualTo("fr"); // und = absent
    assertThat(archive.get("noen").<String>getAs("lang")).isEqualTo("en");
    assertThat(archive.get("givenfr").<String>getAs("lang")).isEqualTo("fr"); // given: kept
    assertThat(archive.get("short").<String>getAs("lang")).isNull(); // too short to judge
    assertThat(archive.get("tw1").<String>getAs("lang")).isEqualTo("fr");
    assertThat(archive.get("101").<String>getAs("lang")).isNull(); // 20 letters needed
    assertThat(archive.get("103").<String>getAs("lang")).isEqualTo("en");
  }

  @Test
  void theSamePostInTwoFilesOrSnapshotsIsKeptOnce() {
    assertThat(text("d1")).isEqualTo("first copy");
    assertThat(archive.get("d1").<String>getAs("source_file")).endsWith("/dup/a.jsonl");
    assertThat(text("d2")).isEqualTo("only in b");
    assertThat(text("s1")).isEqualTo("s1 as of June 1");
    assertThat(text("s2")).isEqualTo("s2 as of June 1");
    assertThat(text("s3")).isEqualTo("s3 new on June 2");

    Map<String, Row> dups = quarantine.values().stream().filter(r -> "duplicate".equals(r.getAs("reason")))
        .collect(Collectors.toMap(r -> r.getAs("post_id"), r -> r));
    assertThat(dups).containsOnlyKeys("d1", "s1", "s2");
    assertThat(dups.get("d1").<String>getAs("source_file")).endsWith("/dup/b.jsonl");
    assertThat(dups.get("d1").<String>getAs("detail")).startsWith("duplicate of twitter d1 first read at ")
        .endsWith("/dup/a.jsonl byte 0");
    assertThat(dups.get("d1").<String>getAs("raw")).isEqualTo("second copy");
    assertThat(dups.get("s2").<String>getAs("source_file")).endsWith("/snap/2022-06-02/posts.jsonl");
    assertThat(dups.get("s2").<String>getAs("detail")).endsWith("/snap/2022-06-01/posts.jsonl byte "
        + (canonical("s1", "\"2022-06-07T08:52:12Z\"", q("s1 as of June 1"), "") + "\n").length());
  }

  @Test
  void everyFileReconciles() {
    Map<String, long[]> want = new HashMap<>(); // read, accepted, quarantined, duplicates
    want.put("canonical/realities.jsonl", new long[] {23, 23, 0, 0});
    want.put("paris/local.jsonl", new long[] {1, 1, 0, 0});
    want.put("twitter/page.json", new long[] {2, 2, 0, 0});
    want.put("twcs/realities.csv", new long[] {4, 4, 0, 0});
    want.put("dup/a.jsonl", new long[] {1, 1, 0, 0});
    want.put("dup/b.jsonl", new long[] {2, 1, 1, 1});
    want.put("2022-06-01/posts.jsonl", new long[] {2, 2, 0, 0});
    want.put("2022-06-02/posts.jsonl", new long[] {3, 1, 2, 2});
    assertThat(summary).containsOnlyKeys(want.keySet());
    want.forEach((file, w) -> {
      CSVRecord s = summary.get(file);
      assertThat(List.of(s.get("records_read"), s.get("records_accepted"), s.get("records_quarantined"),
          s.get("quarantined_duplicate"), s.get("reconciled"))).as(file)
          .containsExactly(String.valueOf(w[0]), String.valueOf(w[1]), String.valueOf(w[2]), String.valueOf(w[3]),
              "true");
    });
    assertThat(quarantine.values()).extracting(r -> r.<String>getAs("reason")).containsOnly("duplicate");
    assertThat(quarantine).hasSize(3);
    assertThat(archive).hasSize(23 + 1 + 2 + 4 + 1 + 1 + 2 + 1);
  }

  static List<CSVRecord> readCsv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  @Test
  void positionsOfTheCsvRecords() {
    assertThat(List.of("101", "102", "103", "104")).extracting(id -> archive.get(id).<String>getAs("source_record"))
        .containsExactly("line 2", "lines 3-4", "lines 5-6", "line 7");
    assertThat(archive.get("tw1").<String>getAs("source_record")).isEqualTo("line 1 $.data[0]");
  }
}
