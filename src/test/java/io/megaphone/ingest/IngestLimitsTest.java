package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records too large to keep: a 50 MB single line in JSON Lines and in a CSV, a 9 Mi-character text in a JSON
 * document. The job does not crash; each is quarantined as too_large with its beginning, its neighbours are
 * accepted, and the files reconcile. The same job runs with {@code ingest.detect-language=false}.
 */
class IngestLimitsTest {
  static final int HUGE = 50 * 1024 * 1024;
  static final String HEAD = "{\"platform\":\"twitter\",\"post_id\":\"huge\",\"created_at\":\"2022-06-07T08:52:12Z\",\"text\":\"";
  @TempDir static Path dir;
  static Map<String, Row> archive;
  static Map<String, Row> quarantine;
  static Map<String, CSVRecord> summary;
  static long firstLineBytes;

  @BeforeAll
  static void ingest() throws IOException {
    String iso = "\"2022-06-07T08:52:12Z\"";
    String first = IngestRealitiesTest.canonical("before", iso, "\"a post before the huge line, in English\"", "")
        + "\n";
    firstLineBytes = first.length();
    try (OutputStream o = Files.newOutputStream(dir.resolve("huge.jsonl"))) {
      o.write(first.getBytes(StandardCharsets.UTF_8));
      o.write(HEAD.getBytes(StandardCharsets.UTF_8));
      writeRepeated(o, (byte) 'a', HUGE);
      o.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      o.write((IngestRealitiesTest.canonical("after", iso, "\"a post after the huge line\"", "") + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    try (OutputStream o = Files.newOutputStream(dir.resolve("huge.csv"))) {
      o.write(("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
          + "201,115712,True,Tue Jun 07 08:52:12 +0000 2022,@brand before,,\n"
          + "202,115712,True,Tue Jun 07 08:52:13 +0000 2022,").getBytes(StandardCharsets.UTF_8));
      writeRepeated(o, (byte) 'b', HUGE);
      o.write((",,\n203,115712,True,Tue Jun 07 08:52:14 +0000 2022,@brand after,,\n").getBytes(StandardCharsets.UTF_8));
    }
    try (OutputStream o = Files.newOutputStream(dir.resolve("page.json"))) {
      o.write("{\"data\": [\n{\"id\": \"t1\", \"created_at\": \"2022-06-07T08:52:12Z\", \"text\": \""
          .getBytes(StandardCharsets.UTF_8));
      writeRepeated(o, (byte) 'c', PostRecord.MAX_TEXT_CHARS + 1);
      o.write(("\"},\n{\"id\": \"t2\", \"created_at\": \"2022-06-07T08:52:12Z\", \"text\": \"small\"}\n]}\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("job.yaml"), """
        inputs:
          - {format: canonical, path: huge.jsonl}
          - {format: twcs, path: huge.csv}
          - {format: twitter-v2, path: page.json}
        """);
    Path out = dir.resolve("out");
    IngestRealitiesTest.run(dir.resolve("job.yaml"), out, List.of("ingest.detect-language=false"));
    archive = IngestRealitiesTest.rows(out.resolve("archive"), r -> r.getAs("post_id"));
    quarantine = IngestRealitiesTest.rows(out.resolve("quarantine"), r -> r.<String>getAs("source_file")
        .replaceAll(".*/", "") + " " + r.getAs("source_record"));
    summary = new java.util.HashMap<>();
    for (CSVRecord r : IngestRealitiesTest.readCsv(out.resolve("metrics/ingest_summary.csv"))) {
      summary.put(r.get("source").replaceAll(".*/", ""), r);
    }
  }

  static void writeRepeated(OutputStream o, byte b, int n) throws IOException {
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, b);
    for (int left = n; left > 0; left -= chunk.length) o.write(chunk, 0, Math.min(left, chunk.length));
  }

  @Test
  void hugeRecordsAreQuarantinedWithTheirBeginning() {
    assertThat(quarantine.values()).extracting(r -> r.<String>getAs("source_file").replaceAll(".*/", ""),
            r -> r.<String>getAs("source_record"), r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder(
            tuple("huge.jsonl", "byte " + firstLineBytes, "too_large"),
            tuple("huge.csv", "line 3", "too_large"),
            tuple("page.json", "line 1 $.data[0]", "too_large"));
    Row jsonl = quarantine.get("huge.jsonl byte " + firstLineBytes);
    assertThat(jsonl.<String>getAs("detail")).isEqualTo("line of " + (HEAD.length() + HUGE + 2) + " bytes exceeds the limit of "
        + PostRecord.MAX_RECORD_BYTES + " bytes");
    assertThat(jsonl.<String>getAs("raw")).startsWith("{\"platform\":\"twitter\",\"post_id\":\"huge\"").hasSizeLessThan(4100);
    Row csv = quarantine.get("huge.csv line 3");
    assertThat(csv.<String>getAs("detail")).startsWith("line of ").endsWith(" bytes exceeds the limit of "
        + PostRecord.MAX_RECORD_BYTES + " bytes");
    assertThat(csv.<String>getAs("raw")).startsWith("202,115712,True,").hasSizeLessThan(4100);
    Row doc = quarantine.get("page.json line 1 $.data[0]");
    assertThat(doc.<String>getAs("detail")).isEqualTo("text of " + (PostRecord.MAX_TEXT_CHARS + 1)
        + " characters exceeds the limit of " + PostRecord.MAX_TEXT_CHARS);
    assertThat(doc.<String>getAs("post_id")).isEqualTo("t1");
  }

  @Test
  void theirNeighboursAreAcceptedAndEveryFileReconciles() {
    assertThat(archive).containsOnlyKeys("before", "after", "201", "203", "t2");
    assertThat(archive.get("after").<String>getAs("text")).isEqualTo("a post after the huge line");
    assertThat(archive.get("203").<String>getAs("source_record")).isEqualTo("line 4");
    for (String f : List.of("huge.jsonl", "huge.csv", "page.json")) {
      CSVRecord s = summary.get(f);
      assertThat(List.of(s.get("records_read"), s.get("records_accepted"), s.get("quarantined_too_large"),
          s.get("reconciled"))).as(f).containsExactly(f.equals("page.json") ? "2" : "3",
          f.equals("page.json") ? "1" : "2", "1", "true");
    }
  }

  @Test
  void languageDetectionCanBeSwitchedOff() {
    assertThat(archive.get("before").<String>getAs("lang")).isNull();
  }
}
