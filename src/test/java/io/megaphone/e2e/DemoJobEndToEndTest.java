package io.megaphone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, in-process: the demo job end to end, and what it must leave behind. */
class DemoJobEndToEndTest {
  @TempDir
  static Path tmp;

  static Path out;

  @BeforeAll
  static void runDemo() {
    out = tmp.resolve("demo");
    run(EnumSet.allOf(Stage.class), List.of());
  }

  private static void run(EnumSet<Stage> stages, List<String> sets) {
    JobSettings s = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of("jobs/demo.yaml"), List.of(), Optional.empty(), Optional.of(out.toString()), sets),
        stages.contains(Stage.INGEST), true);
    assertThat(new JobRunner(s, stages, "test").run(TestSpark.session())).isZero();
  }

  @Test
  void writesEveryFileOfTheOutputContract() {
    for (String f : List.of("archive/platform=twitter", "archive/platform=facebook", "archive/platform=instagram",
        "quarantine", "metrics/ingest_summary.csv", "metrics/responsiveness.csv", "metrics/responsiveness_monthly.csv",
        "metrics/brand_accounts.csv", "metrics/responsiveness", "reports/index.html", "reports/report.pdf",
        "reports/charts/responsiveness.png", "manifest.json")) {
      assertThat(out.resolve(f)).as(f).exists();
    }
  }

  @Test
  void reconcilesEverySource() throws IOException {
    List<CSVRecord> rows = csv("ingest_summary");
    assertThat(rows).hasSize(3);
    long total = 0;
    for (CSVRecord r : rows) {
      assertThat(Long.parseLong(r.get("records_read"))).isEqualTo(
          Long.parseLong(r.get("records_accepted")) + Long.parseLong(r.get("records_quarantined")));
      assertThat(r.get("reconciled")).isEqualTo("true");
      total += Long.parseLong(r.get("records_read"));
    }
    long lines = 0;
    for (String f : List.of("facebook.jsonl", "instagram.jsonl")) {
      lines += Files.readAllLines(Path.of("jobs/sample-data/demo", f)).size();
    }
    assertThat(total - lines).as("tweets in the twitter pages").isEqualTo(
        TestSpark.session().read().json("jobs/sample-data/demo/twitter.jsonl")
            .selectExpr("explode(data)").count());
  }

  @Test
  void recoversThePlantedResponseRates() throws IOException {
    Map<String, Double> rate = new HashMap<>();
    for (CSVRecord r : csv("responsiveness")) {
      if (r.get("platform").equals("all")) rate.put(r.get("brand"), Double.parseDouble(r.get("response_rate")));
    }
    // planted in DemoSampleGenerator; the generator steers each brand's realised rate to its plan
    assertThat(rate.get("Aurore Télécom")).isCloseTo(0.92, within(0.03));
    assertThat(rate.get("Vélo & Co")).isCloseTo(0.75, within(0.03));
    assertThat(rate.get("Maison Lumière")).isCloseTo(0.55, within(0.03));
    assertThat(rate.get("NordAir")).isCloseTo(0.35, within(0.03));
    assertThat(rate.get("Biscuits Mirabelle")).as("0.15 planted, some answers after the 7 d horizon")
        .isBetween(0.08, 0.15);
    assertThat(rate.get("PixelBank")).isZero();
  }

  @Test
  void pdfRendersEveryPageWithEmbeddedFonts() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/report.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, 30);
        assertThat(page.getWidth()).isPositive();
      }
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Responsiveness", "Reconciliation", "Methodology", "Aurore Télécom", "Vélo & Co");
    }
    String html = Files.readString(out.resolve("reports/index.html"));
    assertThat(html).doesNotContain("<script").contains("Vélo &amp; Co");
  }

  @Test
  void manifestNamesInputsWithHashes() throws IOException {
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.path("input_files")).hasSize(3);
    for (JsonNode f : m.path("input_files")) {
      assertThat(f.path("sha256").asText()).hasSize(64);
      assertThat(f.path("size").asLong()).isPositive();
    }
    assertThat(m.path("job").path("file_text").asText()).contains("name: demo");
    assertThat(m.path("parameters").path("responsiveness.horizon").asText()).isEqualTo("604800s");
    assertThat(m.path("stages").path("analyze").path("metric_families").path("responsiveness").path("status").asText())
        .isEqualTo("ok");
  }

  @Test
  void metricsAreByteIdenticalUnderAnotherPartitioning() throws IOException {
    Map<String, String> before = new HashMap<>();
    for (String t : List.of("responsiveness", "responsiveness_monthly")) {
      before.put(t, Files.readString(out.resolve("metrics/" + t + ".csv")));
    }
    String old = TestSpark.session().conf().get("spark.sql.shuffle.partitions");
    TestSpark.session().conf().set("spark.sql.shuffle.partitions", "13");
    try {
      run(EnumSet.of(Stage.ANALYZE), List.of());
    } finally {
      TestSpark.session().conf().set("spark.sql.shuffle.partitions", old);
    }
    for (var e : before.entrySet()) {
      assertThat(Files.readString(out.resolve("metrics/" + e.getKey() + ".csv"))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void archiveReadBackAsCanonicalParquetGivesTheSameMetrics() throws IOException {
    Path again = tmp.resolve("again");
    io.megaphone.testing.Pipeline.ingestAndAnalyze(List.of("canonical=" + out.resolve("archive")), null, again);
    assertThat(Files.readString(again.resolve("metrics/responsiveness.csv")))
        .isEqualTo(Files.readString(out.resolve("metrics/responsiveness.csv")));
  }

  private static List<CSVRecord> csv(String table) throws IOException {
    String text = Files.readString(out.resolve("metrics/" + table + ".csv"));
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
        .getRecords();
  }
}
