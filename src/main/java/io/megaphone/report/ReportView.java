package io.megaphone.report;

import io.megaphone.report.model.IngestRow;
import io.megaphone.report.model.InputFileRow;
import io.megaphone.report.model.ParameterRow;
import io.megaphone.report.model.ReportModel;
import io.megaphone.report.model.ResponsivenessRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the template prints: the report model with every text made XML-safe and every figure
 * already formatted, so the template holds layout only. Escaping is left to the template engine.
 */
public record ReportView(
    String title,
    String jobName,
    String jobDescription,
    String version,
    String runStartedAt,
    String generatedAt,
    List<String> warnings,
    List<InputView> inputs,
    List<String> quarantineReasons,
    List<IngestView> ingest,
    List<BrandGroup> responsiveness,
    ChartView chart,
    DuplicationView duplication,
    QualityView quality,
    List<ParameterView> parameters) {

  public record InputView(String format, String path, String size, String sha256Short) {}

  /** {@code quarantinedByReason} lines up with {@link ReportView#quarantineReasons()}. */
  public record IngestView(
      String source,
      String format,
      String read,
      String accepted,
      String quarantined,
      boolean reconciled,
      List<String> quarantinedByReason) {}

  /** One brand's rows, the all-platforms row first. */
  public record BrandGroup(String brand, List<ResponsivenessView> rows) {}

  public record ResponsivenessView(
      String brand,
      String platform,
      boolean allPlatforms,
      String inbound,
      String answered,
      String responseRate,
      String median,
      String mean,
      String meanFastest90,
      String p90,
      String answeredWithin1h,
      String replyShare,
      String broadcastRatio) {}

  /** {@code src} is a relative path for the HTML page or a data URI for the PDF. */
  public record ChartView(String src, int width, int height, String caption) {}

  public record ParameterView(String key, String value, String description) {}

  public static ReportView of(ReportModel model, ChartView chart) {
    return of(model, chart, new ChartView("", 1, 1, ""));
  }

  public static ReportView of(ReportModel model, ChartView chart, ChartView duplicationChart) {
    return of(model, chart, duplicationChart, new ChartView("", 1, 1, ""));
  }

  public static ReportView of(ReportModel model, ChartView chart, ChartView duplicationChart, ChartView qualityChart) {
    List<String> reasons = quarantineReasons(model.ingest());
    return new ReportView(
        XmlText.clean(model.title()),
        XmlText.clean(model.jobName()),
        XmlText.clean(model.jobDescription()),
        XmlText.clean(model.version()),
        XmlText.clean(model.runStartedAt()),
        XmlText.clean(model.generatedAt()),
        model.warnings().stream().map(XmlText::clean).toList(),
        model.inputs().stream().map(ReportView::input).toList(),
        reasons,
        model.ingest().stream().map(row -> ingest(row, reasons)).toList(),
        brandGroups(model.responsiveness()),
        new ChartView(XmlText.clean(chart.src()), chart.width(), chart.height(), XmlText.clean(chart.caption())),
        DuplicationView.of(model.duplication(), new ChartView(XmlText.clean(duplicationChart.src()),
            duplicationChart.width(), duplicationChart.height(), XmlText.clean(duplicationChart.caption()))),
        QualityView.of(model.quality(), new ChartView(XmlText.clean(qualityChart.src()), qualityChart.width(),
            qualityChart.height(), XmlText.clean(qualityChart.caption()))),
        model.parameters().stream().map(ReportView::parameter).toList());
  }

  private static InputView input(InputFileRow row) {
    return new InputView(
        XmlText.clean(row.format()),
        XmlText.clean(row.path()),
        HumanFormat.bytes(row.sizeBytes()),
        XmlText.clean(HumanFormat.shortHash(row.sha256())));
  }

  /** Reasons with a non-zero count in some row, sorted by name (the model's maps have no order). */
  private static List<String> quarantineReasons(List<IngestRow> rows) {
    TreeSet<String> reasons = new TreeSet<>();
    for (IngestRow row : rows) {
      row.quarantinedByReason().forEach((reason, count) -> {
        if (count != null && count != 0) {
          reasons.add(reason);
        }
      });
    }
    return List.copyOf(reasons);
  }

  private static IngestView ingest(IngestRow row, List<String> reasons) {
    List<String> counts = new ArrayList<>();
    for (String reason : reasons) {
      Long count = row.quarantinedByReason().get(reason);
      counts.add(HumanFormat.count(count == null ? 0 : count));
    }
    return new IngestView(
        XmlText.clean(row.source()),
        XmlText.clean(row.format()),
        HumanFormat.count(row.read()),
        HumanFormat.count(row.accepted()),
        HumanFormat.count(row.quarantined()),
        row.reconciled(),
        counts.stream().map(XmlText::clean).toList());
  }

  /** Brands ordered as in the chart (busiest first); within a brand: "all", then platforms A–Z. */
  private static List<BrandGroup> brandGroups(List<ResponsivenessRow> rows) {
    Map<String, List<ResponsivenessRow>> byBrand = new LinkedHashMap<>();
    for (ResponsivenessRow row : rows) {
      byBrand.computeIfAbsent(XmlText.clean(row.brand()), b -> new ArrayList<>()).add(row);
    }
    Comparator<ResponsivenessRow> allFirst =
        Comparator.comparing((ResponsivenessRow r) -> !r.isAllPlatforms())
            .thenComparing(r -> XmlText.clean(r.platform()));
    return byBrand.entrySet().stream()
        .map(e -> e.getValue().stream().sorted(allFirst).toList())
        .sorted(Comparator.comparing((List<ResponsivenessRow> g) -> g.get(0), ResponsivenessChart.BUSIEST_FIRST))
        .map(g -> new BrandGroup(XmlText.clean(g.get(0).brand()), g.stream().map(ReportView::responsiveness).toList()))
        .toList();
  }

  private static ResponsivenessView responsiveness(ResponsivenessRow row) {
    return new ResponsivenessView(
        XmlText.clean(row.brand()),
        XmlText.clean(row.platform()),
        row.isAllPlatforms(),
        HumanFormat.count(row.inbound()),
        HumanFormat.count(row.answered()),
        HumanFormat.percent(row.responseRate()),
        HumanFormat.duration(row.rtMedianS()),
        HumanFormat.duration(row.rtMeanS()),
        HumanFormat.duration(row.rtMeanFastest90S()),
        HumanFormat.duration(row.rtP90S()),
        HumanFormat.percent(row.answered0to1h(), row.inbound()),
        HumanFormat.percent(row.replyShare()),
        HumanFormat.ratio(row.broadcastRatio()));
  }

  private static ParameterView parameter(ParameterRow row) {
    return new ParameterView(
        XmlText.clean(row.key()), XmlText.clean(row.value()), XmlText.clean(row.description()));
  }
}
