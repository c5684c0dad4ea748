package io.megaphone.ingest.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.job.JobFile;
import io.megaphone.job.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facebook format's settings, file routing and Graph API times, without Spark. */
class FacebookSettingsTest {
  @TempDir Path tmp;

  @Test
  void graphTimesWithCompactOffsets() {
    assertThat(time("2017-07-14T14:30:59+0000")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(time("2017-07-14T16:30:59+0200")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(time("2017-07-14T09:30:59-0500")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(time("2017-07-14T14:30:59+00:00")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(time("2017-07-14T14:30:59")).as("no offset: the input's zone").isEqualTo(
        Instant.parse("2017-07-14T12:30:59Z"));
    assertThat(time("1500042659")).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    PostRecord p = new PostRecord("facebook", RecordPosition.line("f", 1), null);
    GraphTime.set(p, "yesterday", ZoneId.of("UTC"));
    assertThat(p.createdAt).isNull();
    assertThat(p.createdAtRaw).isEqualTo("yesterday"); // quarantined by toRow with the raw text
  }

  private static Instant time(String raw) {
    PostRecord p = new PostRecord("facebook", RecordPosition.line("f", 1), null);
    GraphTime.set(p, raw, ZoneId.of("Europe/Paris"));
    return p.createdAt;
  }

  @Test
  void filesAreRoutedByExtension() {
    assertThat(FacebookFormat.isCsv("hdfs://nn/data/fb_news_posts_20K.csv")).isTrue();
    assertThat(FacebookFormat.isCsv("/data/POSTS.CSV.GZ")).isTrue();
    assertThat(FacebookFormat.isCsv("/data/posts.csv.zst")).isTrue();
    assertThat(FacebookFormat.isCsv("/data/feed.jsonl")).isFalse();
    assertThat(FacebookFormat.isCsv("/data/feed.json.gz")).isFalse();
    assertThat(FacebookFormat.isCsv("/data.csv/feed.json")).isFalse();
  }

  @Test
  void pagesFile() throws IOException {
    Path ok = tmp.resolve("pages.csv");
    Files.writeString(ok, "\uFEFFpage_name,page_id\nbbc,228735667216\nla_times,5863113009\n"
        + "los_angeles_times,5863113009\n", StandardCharsets.UTF_8);
    assertThat(PageNames.load(ok.toString(), "i")).containsExactly(Map.entry("228735667216", "bbc"),
        Map.entry("5863113009", "la_times")); // the first name of a page wins
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "id,title\n1,x\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PageNames.load(bad.toString(), "facebook=x.csv")).isInstanceOf(UsageException.class)
        .hasMessageContaining("input facebook=x.csv").hasMessageContaining("expected columns page_id and page_name");
    assertThatThrownBy(() -> new FacebookFormat().checkSettings("facebook=x.csv",
        Map.of("pages", tmp.resolve("absent.csv").toString()))).isInstanceOf(UsageException.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void settingsAreChecked() {
    FacebookFormat f = new FacebookFormat();
    f.checkSettings("i", Map.of("timezone", "UTC", "separator", ";", "encoding", "windows-1252"));
    assertThatThrownBy(() -> f.checkSettings("i", Map.of("page", "x.csv"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown setting 'page'").hasMessageContaining("pages");
    assertThatThrownBy(() -> f.checkSettings("i", Map.of("separator", ";;"))).isInstanceOf(UsageException.class);
  }

  @Test
  void aJobFileResolvesThePagesPathAgainstItsFolder() throws IOException {
    Path job = tmp.resolve("jobs").resolve("fb.yaml");
    Files.createDirectories(job.getParent());
    Files.writeString(job, "inputs:\n  - format: facebook\n    path: ../data/posts.csv\n    pages: ../data/pages.csv\n"
        + "    separator: ','\n", StandardCharsets.UTF_8);
    Map<String, Object> settings = JobFile.load(job).inputs().get(0).settings();
    assertThat(settings.get("pages")).isEqualTo(tmp.resolve("data/pages.csv").toString());
    assertThat(settings.get("separator")).isEqualTo(",");
  }
}
