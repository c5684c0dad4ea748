package io.megaphone.ingest.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * jobs/frenchmedia-youtube.yaml (the French media YouTube export through the mapped format, with brands.csv)
 * against an independent reading of the file with commons-csv: every row read and reconciled, every video's
 * fields, the duplicated rows, and the brands from the registry.
 */
class FrenchMediaYoutubeRealDataTest {
  static final Path JOB = Path.of("jobs/frenchmedia-youtube.yaml");
  @TempDir static Path out;
  static String skipReason;
  /** The file's rows by videoId, first occurrence. */
  static Map<String, CSVRecord> videos;
  static int rowsInFile;
  static List<String> repeatedIds;
  static Map<String, String> brandOfChannel;
  static Map<String, Row> archived;

  @BeforeEach
  void skipWithoutRealData() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  static void runJob() throws IOException {
    skipReason = Pipeline.missingRealFiles("frenchmedia/youtube/videos2.csv", "frenchmedia/brands.csv");
    if (skipReason != null) return;
    MappedJobs.run(JOB, out, EnumSet.of(Stage.INGEST));
    archived = new HashMap<>();
    for (Row r : MappedJobs.archive(out)) archived.put(r.getAs("post_id"), r);

    videos = new LinkedHashMap<>();
    repeatedIds = new ArrayList<>();
    CSVFormat semicolon = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get();
    try (Reader r = Files.newBufferedReader(Pipeline.realFile("frenchmedia/youtube/videos2.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(semicolon).get()) {
      for (CSVRecord rec : p) {
        rowsInFile++;
        if (videos.putIfAbsent(rec.get("videoId"), rec) != null) repeatedIds.add(rec.get("videoId"));
      }
    }
    brandOfChannel = new HashMap<>();
    CSVFormat comma = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(Pipeline.realFile("frenchmedia/brands.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(comma).get()) {
      for (CSVRecord rec : p) {
        if (rec.get("platform").equals("youtube")) brandOfChannel.put(rec.get("account_id"), rec.get("brand"));
      }
    }
  }

  @Test
  void everyRowIsReadAndReconciled() throws IOException {
    assertThat(rowsInFile).isEqualTo(11_555);
    assertThat(videos).hasSize(11_540);
    CSVRecord s = MappedJobs.summary(out).get("videos2.csv");
    assertThat(s.get("format")).isEqualTo("mapped");
    assertThat(s.get("records_read")).isEqualTo("11555");
    assertThat(s.get("records_accepted")).isEqualTo("11540");
    assertThat(s.get("records_quarantined")).isEqualTo("15");
    assertThat(s.get("quarantined_duplicate")).isEqualTo("15"); // the same video listed twice
    assertThat(s.get("reconciled")).isEqualTo("true");
    List<String> duplicates = MappedJobs.quarantine(out).stream().map(r -> r.<String>getAs("post_id")).toList();
    assertThat(duplicates).containsExactlyInAnyOrderElementsOf(repeatedIds);
  }

  @Test
  void aNamedVideoHasItsExactValues() {
    Row v = archived.get("6_o8EwK-m7o");
    assertThat(v.<String>getAs("platform")).isEqualTo("youtube");
    assertThat(v.<Timestamp>getAs("created_at").toInstant()).isEqualTo(Instant.parse("2022-06-03T16:16:46Z"));
    assertThat(v.<String>getAs("account_id")).isEqualTo("UCYpRDnhk5H8h16jpS84uqsA");
    assertThat(v.<String>getAs("account_handle")).isEqualTo("Le Monde");
    assertThat(v.<String>getAs("brand")).isEqualTo("Le Monde");
    assertThat(v.<String>getAs("text")).isEqualTo("🔴 Stade de France : comment l’organisation de la finale de la"
        + " Ligue des champions a viré au chaos");
    assertThat(v.<Long>getAs("likes")).isEqualTo(1710L); // "1710.0"
    assertThat(v.<Long>getAs("views")).isEqualTo(29_606L);
    assertThat(v.<Long>getAs("replies")).isEqualTo(517L); // commentCount "517.0"
    assertThat(v.<String>getAs("source_record")).isEqualTo("line 2");

    Row hidden = archived.get("DDESv_XhhdM"); // likeCount empty: likes hidden by the channel
    assertThat(hidden.<Long>getAs("likes")).isNull();
    assertThat(hidden.<Long>getAs("views")).isNotNull();

    Row hugo = archived.values().stream()
        .filter(r -> "UCUo1RqYV8tGjV38sQ8S5p9A".equals(r.getAs("account_id"))).findFirst().orElseThrow();
    assertThat(hugo.<String>getAs("brand")).isEqualTo("HugoDécrypte"); // the brand's second channel
  }

  @Test
  void everyVideoMatchesTheIndependentReading() {
    List<String> problems = new ArrayList<>();
    for (CSVRecord rec : videos.values()) {
      String id = rec.get("videoId");
      Row a = archived.get(id);
      if (a == null) {
        problems.add(id + ": not archived");
        continue;
      }
      check(problems, id, "created_at", Instant.parse(rec.get("publishedAt_video")),
          a.<Timestamp>getAs("created_at").toInstant());
      check(problems, id, "account_id", rec.get("channelId"), a.getAs("account_id"));
      check(problems, id, "account_handle", rec.get("title_channel"), a.getAs("account_handle"));
      // the file escapes some titles (&quot;); ingest decodes HTML entities once, for every format
      check(problems, id, "text", org.apache.commons.text.StringEscapeUtils.unescapeHtml4(rec.get("title_video")),
          a.getAs("text"));
      check(problems, id, "likes", count(rec.get("likeCount")), a.getAs("likes"));
      check(problems, id, "views", count(rec.get("viewCount_video")), a.getAs("views"));
      check(problems, id, "replies", count(rec.get("commentCount")), a.getAs("replies"));
      check(problems, id, "brand", brandOfChannel.get(rec.get("channelId")), a.getAs("brand"));
      check(problems, id, "is_repost", false, a.getAs("is_repost"));
    }
    assertThat(problems).as("differences from the independent reading").isEmpty();
    assertThat(archived).hasSize(videos.size());
  }

  @Test
  void everyVideoBelongsToARegisteredBrand() {
    Map<String, Long> expected = new TreeMap<>();
    for (CSVRecord rec : videos.values()) expected.merge(brandOfChannel.get(rec.get("channelId")), 1L, Long::sum);
    assertThat(expected).doesNotContainKey(null);
    Map<String, Long> got = new TreeMap<>();
    for (Row r : archived.values()) got.merge(String.valueOf(r.<String>getAs("brand")), 1L, Long::sum);
    assertThat(got).isEqualTo(expected);
    assertThat(got).hasSize(24); // 25 channels, two of them HugoDécrypte's
  }

  private static Long count(String s) {
    return s.isEmpty() ? null : new BigDecimal(s).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static void check(List<String> problems, String id, String field, Object want, Object got) {
    if (!Objects.equals(want, got)) problems.add(id + " " + field + ": archived " + got + ", file " + want);
  }
}
