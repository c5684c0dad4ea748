package io.megaphone.report;

import io.megaphone.report.model.ReportModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes a run's report: {@code index.html} with its chart images under {@code charts/}, and a
 * self-contained {@code report.pdf} printed from the same template with the images inlined.
 */
public final class ReportWriter {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  public static final String HTML_FILE = "index.html";
  public static final String PDF_FILE = "report.pdf";
  public static final String CHART_FILE = "charts/responsiveness.png";
  public static final String DUPLICATION_CHART_FILE = "charts/duplication.png";
  public static final String QUALITY_CHART_FILE = "charts/quality.png";

  private final int topBrands;
  private final ReportTemplate template = new ReportTemplate();

  public ReportWriter() {
    this(ResponsivenessChart.DEFAULT_TOP_BRANDS);
  }

  /** @param topBrands how many brands the chart shows at most (the tables show all) */
  public ReportWriter(int topBrands) {
    if (topBrands < 1) {
      throw new IllegalArgumentException("topBrands must be at least 1, was " + topBrands);
    }
    this.topBrands = topBrands;
  }

  /** Creates {@code reportsDir} if needed and returns the files written: HTML, PDF, charts. */
  public List<Path> write(ReportModel model, Path reportsDir) throws IOException {
    Path html = reportsDir.resolve(HTML_FILE);
    Path pdf = reportsDir.resolve(PDF_FILE);
    Path chartFile = reportsDir.resolve(CHART_FILE);
    Files.createDirectories(chartFile.getParent());

    ResponsivenessChart chart = ResponsivenessChart.of(model.responsiveness(), topBrands);
    byte[] png = chart.png();
    Files.write(chartFile, png);

    DuplicationChart dupChart = DuplicationChart.of(model.duplication(), topBrands);
    byte[] dupPng = dupChart.png();
    Path dupFile = reportsDir.resolve(DUPLICATION_CHART_FILE);
    Files.write(dupFile, dupPng);

    QualityChart qualityChart = QualityChart.of(model.quality());
    byte[] qualityPng = qualityChart.png();
    Path qualityFile = reportsDir.resolve(QUALITY_CHART_FILE);
    Files.write(qualityFile, qualityPng);

    ReportView.ChartView linked =
        new ReportView.ChartView(CHART_FILE, chart.width(), chart.height(), chart.caption());
    ReportView.ChartView dupLinked =
        new ReportView.ChartView(DUPLICATION_CHART_FILE, dupChart.width(), dupChart.height(), dupChart.caption());
    ReportView.ChartView qualityLinked = new ReportView.ChartView(QUALITY_CHART_FILE, qualityChart.width(),
        qualityChart.height(), qualityChart.caption());
    Files.writeString(html, template.render(ReportView.of(model, linked, dupLinked, qualityLinked)),
        StandardCharsets.UTF_8);

    ReportView.ChartView inlined =
        new ReportView.ChartView(
            "data:image/png;base64," + Base64.getEncoder().encodeToString(png),
            chart.width(),
            chart.height(),
            chart.caption());
    ReportView.ChartView dupInlined = new ReportView.ChartView(
        "data:image/png;base64," + Base64.getEncoder().encodeToString(dupPng), dupChart.width(), dupChart.height(),
        dupChart.caption());
    ReportView.ChartView qualityInlined = new ReportView.ChartView(
        "data:image/png;base64," + Base64.getEncoder().encodeToString(qualityPng), qualityChart.width(),
        qualityChart.height(), qualityChart.caption());
    String printable = template.render(ReportView.of(model, inlined, dupInlined, qualityInlined));
    Files.write(pdf, HtmlToPdf.render(printable, reportsDir.toUri().toString()));

    return List.of(html, pdf, chartFile, dupFile, qualityFile);
  }
}
