package io.megaphone.ingest.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/facebook-news-mapped.yaml (the Facebook news pages CSV through the mapped format) against an
 * independent reading with commons-csv: all 19,850 rows read and reconciled, multi-line messages intact,
 * text from message else description, the link as the post's URL, timestamps with a {@code +0000} offset.
 */
class FacebookNewsRealDataTest {
  static final Path JOB = Path.of("jobs/facebook-news-mapped.yaml");
  static final DateTimeFormatter FB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
  @TempDir static Path out;
  static String skipReason;
  static Map<String, CSVRecord> posts;
  static int rowsInFile;
  static List<String> repeatedIds;
  static Map<String, Row> archived;

  @BeforeEach
  void skipWithoutRealData() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  static void runJob() throws IOException {
    skipReason = Pipeline.missingRealFiles("facebook-news/fb_news_posts_20K.csv");
    if (skipReason != null) return;
    MappedJobs.run(JOB, out, EnumSet.of(Stage.INGEST));
    archived = new HashMap<>();
    for (Row r : MappedJobs.archive(out)) archived.put(r.getAs("post_id"), r);
    posts = new LinkedHashMap<>();
    repeatedIds = new ArrayList<>();
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(Pipeline.realFile("facebook-news/fb_news_posts_20K.csv"),
            StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      for (CSVRecord rec : p) {
        rowsInFile++;
        if (posts.putIfAbsent(rec.get("post_id"), rec) != null) repeatedIds.add(rec.get("post_id"));
      }
    }
  }

  @Test
  void everyRowIsReadAndReconciled() throws IOException {
    assertThat(rowsInFile).isEqualTo(19_850);
    assertThat(posts).hasSize(19_600);
    CSVRecord s = MappedJobs.summary(out).get("fb_news_posts_20K.csv");
    assertThat(s.get("records_read")).isEqualTo("19850");
    assertThat(s.get("records_accepted")).isEqualTo("19600");
    assertThat(s.get("records_quarantined")).isEqualTo("250");
    // la_times and los_angeles_times are one page (id 5863113009) scraped twice
    assertThat(s.get("quarantined_duplicate")).isEqualTo("250");
    assertThat(s.get("reconciled")).isEqualTo("true");
    assertThat(MappedJobs.quarantine(out).stream().map(r -> r.<String>getAs("post_id")).toList())
        .containsExactlyInAnyOrderElementsOf(repeatedIds)
        .allMatch(id -> id.startsWith("5863113009_"));
  }

  @Test
  void aMultiLineMessageIsIntact() {
    Row p = archived.get("228735667216_10154890968202217");
    assertThat(p.<String>getAs("text")).isEqualTo("UPDATE: \n-2 Ukrainian tourists killed in stabbing at hotel in"
        + " Red Sea resort of Hurghada in Egypt. \n-Four others wounded. \n-Suspect arrested, officials say.");
    assertThat(p.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2017-07-14T14:20:59Z"));
    assertThat(p.<String>getAs("account_id")).isEqualTo("228735667216");
    assertThat(p.<String>getAs("brand")).isEqualTo("228735667216"); // the page id as brand hint
    assertThat(p.getList(p.fieldIndex("urls"))).containsExactly("http://bbc.in/2talMsx");
    assertThat(p.<Long>getAs("likes")).isEqualTo(994L);
    assertThat(p.<Long>getAs("shares")).isEqualTo(680L);
    assertThat(p.<String>getAs("platform")).isEqualTo("facebook");
    assertThat(p.<String>getAs("source_record")).isEqualTo("lines 3-6");
  }

  @Test
  void everyPostMatchesTheIndependentReading() {
    List<String> problems = new ArrayList<>();
    int fromDescription = 0;
    int multiLine = 0;
    for (CSVRecord rec : posts.values()) {
      String id = rec.get("post_id");
      Row a = archived.get(id);
      if (a == null) {
        problems.add(id + ": not archived");
        continue;
      }
      // the reader joins a quoted field's lines with \n: a CRLF inside a message becomes LF
      String message = rec.get("message").replace("\r\n", "\n");
      String description = rec.get("description").replace("\r\n", "\n");
      String text = !message.isBlank() ? message : !description.isBlank() ? description : "";
      if (message.isBlank() && !description.isBlank()) fromDescription++;
      if (message.contains("\n")) multiLine++;
      check(problems, id, "text", text, a.getAs("text"));
      check(problems, id, "created_at", OffsetDateTime.parse(rec.get("created_time"), FB_TIME).toInstant(),
          a.<Timestamp>getAs("created_at").toInstant());
      check(problems, id, "account_id", rec.get("page_id"), a.getAs("account_id"));
      check(problems, id, "likes", Long.parseLong(rec.get("react_like")), a.getAs("likes"));
      check(problems, id, "shares", Long.parseLong(rec.get("shares")), a.getAs("shares"));
      if (!rec.get("link").isBlank()) {
        check(problems, id, "urls", List.of(rec.get("link")), a.getList(a.fieldIndex("urls")));
      }
    }
    assertThat(problems).as("differences from the independent reading").isEmpty();
    assertThat(fromDescription).as("posts whose text is the link's description").isPositive();
    assertThat(multiLine).as("posts with a multi-line message").isGreaterThan(2000);
  }

  private static void check(List<String> problems, String id, String field, Object want, Object got) {
    if (!Objects.equals(want, got)) problems.add(id + " " + field + ": archived " + got + ", file " + want);
  }
}
