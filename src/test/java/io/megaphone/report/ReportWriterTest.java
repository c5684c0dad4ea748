package io.megaphone.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWriterTest {

  @TempDir static Path reports;
  static List<Path> written;

  @BeforeAll
  static void writeReport() throws Exception {
    written = new ReportWriter().write(ReportModels.threeBrands(), reports.resolve("out"));
  }

  @Test
  void writesHtmlPdfAndChart() {
    Path dir = reports.resolve("out");
    assertThat(written)
        .containsExactly(
            dir.resolve("index.html"), dir.resolve("report.pdf"), dir.resolve("charts/responsiveness.png"),
            dir.resolve("charts/duplication.png"), dir.resolve("charts/quality.png"));
    assertThat(written).allSatisfy(path -> assertThat(path).isRegularFile());
  }

  @Test
  void htmlIsWellFormedAndEscapesHostileText() throws Exception {
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>", "\u0000", "\u001B");
    assertThat(html).contains("Crêperie Élysée", "😀");
    assertThat(html).contains("src=\"charts/responsiveness.png\"", "src=\"charts/duplication.png\"",
            "src=\"charts/quality.png\"")
        .doesNotContain("data:image");
  }

  @Test
  void pdfHasReadablePagesWithTheReportText() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, 50);
        assertThat(page.getWidth()).isPositive();
      }

      String text = new PDFTextStripper().getText(pdf);
      String compact = text.replaceAll("\\s+", "");
      assertThat(text).contains("Responsiveness", "Methodology", "Reconciliation", "Inputs");
      assertThat(compact)
          .contains(ReportModels.ACCENTED.replaceAll("\\s+", ""))
          .contains(ReportModels.SILENT.replaceAll("\\s+", ""))
          .contains("Evil<script>alert(1)</script>&\"Co\"");
      assertThat(text).doesNotContain("##").contains("Crêperie Élysée");
      assertThat(text).contains("1 / ").contains("NO");
    }
  }

  @Test
  void pdfEmbedsTheChartImage() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
      int images = 0;
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
      assertThat(images).isEqualTo(3); // responsiveness, duplication and quality charts
    }
  }

  /**
   * The duplication section: the brand table, the platform heatmap (20 clusters span bluesky × x, the only
   * pair, so both cells are the darkest shade), the largest clusters with their texts escaped.
   */
  @Test
  void duplicationSection_tableHeatmapAndClusters() throws Exception {
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("Cross-platform duplication", "Which platforms share content", "Largest content clusters");
    assertThat(html).contains("Soldes d&apos;été &lt;script&gt;alert(1)&lt;/script&gt; &amp; plus")
        .contains("]]&gt; &lt;!-- &lt;b&gt;bold&lt;/b&gt;").doesNotContain("\u0007");
    assertThat(html).contains("style=\"background-color: #5b2c6f; color: #ffffff;\">20</td>");
    assertThat(html).contains("25.0\u00A0%"); // Crêperie's cross-platform rate
    assertThat(html).contains("and 1 more post</p>"); // a cluster of 3 with 2 posts listed
    try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Cross-platform duplication", "Largest content clusters", "Self-repetition rate");
      assertThat(text.replaceAll("\\s+", "")).contains("Soldesd'été<script>alert(1)</script>&plus");
      // the emoji the bundled font lacks prints as □, not as '#' (which would read as a hashtag)
      assertThat(text.replaceAll("\\s+", "")).contains("Soldesd’été!&plus\u25A1").doesNotContain("plus#");
    }
    BufferedImage chart = ImageIO.read(written.get(3).toFile());
    assertThat(chart.getWidth()).isEqualTo(DuplicationChart.WIDTH * 2);
  }

  /**
   * The content-quality section: significant differences in plain words (the non-significant omnibus test has no
   * sentence), rates with both intervals, the brand table, examples with hostile texts escaped, flag definitions in
   * the appendix; the same text in the PDF.
   */
  @Test
  void qualitySection_differencesRatesExamplesAndDefinitions() throws Exception {
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("Content quality", "Significant differences between platforms", "Rates by platform",
        "Flag rates by brand", "Examples of flagged posts");
    assertThat(html).contains("<li>" + ReportModels.QUALITY_SENTENCE.replace("<", "&lt;") + ".</li>");
    assertThat(html).contains("<li>Hostile &lt;i&gt;sentence&lt;/i&gt; &amp; .</li>");
    assertThat(html).contains("4 tests over 2 flags; 3 significant at the 5% level after Holm");
    assertThat(html).contains("12.0\u00A0%", "10.1–14.2\u00A0%", "2.2–4.4\u00A0%"); // instagram and twitter Wilson
    assertThat(html).contains("18:00", "7.5\u00A0%"); // Crêperie's busiest hour, all-platform link-only rate
    assertThat(html).contains("@user-1a2b3c4d https://t.co/x &lt;script&gt;alert(3)&lt;/script&gt;")
        .contains("Soldes -30 % ]]&gt; &amp;  code promo 🎉").doesNotContain("<script>alert(3)", "<i>sentence");
    // Methodology: every flag's rule, from QualityFlag.
    for (io.megaphone.metrics.quality.QualityFlag f : io.megaphone.metrics.quality.QualityFlag.values()) {
      assertThat(html).contains("(" + f.column() + ")");
    }
    assertThat(html).contains("Brand bootstrap 95", "Holm");
    try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
      String compact = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(compact).contains("Contentquality", "Significantdifferencesbetweenplatforms",
          ReportModels.QUALITY_SENTENCE.replaceAll("\\s+", ""), "Examplesofflaggedposts",
          "<script>alert(3)</script>", "Crisisopportunism", "Wilson95");
    }
    BufferedImage chart = ImageIO.read(written.get(4).toFile());
    assertThat(chart.getWidth()).isEqualTo(QualityChart.WIDTH * 2);
  }

  /** A report without quality figures renders the section as a note, and the chart says there is nothing. */
  @Test
  void qualitySection_emptyModel(@TempDir Path dir) throws Exception {
    var m = ReportModels.threeBrands();
    var empty = new io.megaphone.report.model.ReportModel(m.title(), m.jobName(), m.jobDescription(), m.version(),
        m.runStartedAt(), m.generatedAt(), m.inputs(), m.ingest(), m.responsiveness(), m.parameters(), m.warnings(),
        m.duplication());
    List<Path> files = new ReportWriter().write(empty, dir);
    String html = Files.readString(files.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("No content-quality figures.").doesNotContain("src=\"charts/quality.png\"");
    assertThat(ImageIO.read(files.get(4).toFile())).isNotNull();
    assertThat(QualityChart.of(empty.quality()).caption()).isEqualTo("No platform has brand posts to compare.");
  }

  @Test
  void chartPngDecodesAtTheExpectedWidth() throws Exception {
    BufferedImage png = ImageIO.read(written.get(2).toFile());
    assertThat(png).isNotNull();
    assertThat(png.getWidth()).isEqualTo(ResponsivenessChart.WIDTH * ResponsivenessChart.SCALE);
    assertThat(png.getHeight()).isEqualTo((120 + 22 * 3) * ResponsivenessChart.SCALE);
  }
}
