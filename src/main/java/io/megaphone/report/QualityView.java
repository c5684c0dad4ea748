package io.megaphone.report;

import io.megaphone.metrics.quality.QualityFlag;
import io.megaphone.metrics.quality.QualityStatistics;
import io.megaphone.report.model.QualityReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The content-quality section as the template prints it: texts XML-safe, figures formatted. Flags appear in
 * {@link QualityFlag} order; within a flag, platforms by name.
 */
public record QualityView(
    boolean present,
    ReportView.ChartView chart,
    List<FlagHeader> flags,
    List<FlagGroup> platformRates,
    List<String> differences,
    String testsSummary,
    List<OmnibusView> omnibus,
    List<BrandGroup> brands,
    List<ExampleGroup> examples,
    List<Definition> definitions) {

  static final int TEXT_CHARS = 400;

  /** A flag column of the brand table: its short label and column name. */
  public record FlagHeader(String column, String label) {}

  public record FlagGroup(String flag, List<PlatformRateView> rows) {}

  public record PlatformRateView(String platform, String brands, String posts, String flagged, String rate,
      String wilson, String bootstrap) {}

  public record OmnibusView(String flag, String platforms, String statistic, String df, String pAdjusted,
      boolean significant) {}

  public record BrandGroup(String brand, List<BrandRowView> rows) {}

  /** {@code rates} lines up with {@link QualityView#flags()}. */
  public record BrandRowView(String platform, boolean allPlatforms, String posts, List<String> rates,
      String spamMean, String accounts, String activeDays, String postsPerActiveDay, String busiestHour,
      String busiestHourShare, String daysOverThreshold) {}

  public record ExampleGroup(String flag, String rule, List<ExampleView> posts) {}

  public record ExampleView(String brand, String platform, String createdAt, String text) {}

  /** A methodology entry: the flag's name, column and rule. */
  public record Definition(String term, String column, String text) {}

  static QualityView of(QualityReport q, ReportView.ChartView chart) {
    List<String> columns = columns(q);
    List<FlagHeader> headers = columns.stream().map(c -> new FlagHeader(XmlText.clean(c), XmlText.clean(
        QualityChart.label(c)))).toList();
    return new QualityView(!q.isEmpty(), chart, headers, platformRates(q), differences(q), testsSummary(q),
        omnibus(q), brands(q, columns), examples(q), flagDefinitions());
  }

  /** Flag columns present in any table, in enum order. */
  private static List<String> columns(QualityReport q) {
    TreeSet<String> c = new TreeSet<>();
    for (QualityReport.BrandRow r : q.brands()) c.addAll(r.rates().keySet());
    for (QualityReport.PlatformRow r : q.platforms()) c.add(r.flag());
    return QualityChart.flagOrder(c);
  }

  private static int flagRank(String column) {
    for (QualityFlag f : QualityFlag.values()) if (f.column().equals(column)) return f.ordinal();
    return Integer.MAX_VALUE;
  }

  private static final Comparator<String> FLAG_ORDER =
      Comparator.comparingInt(QualityView::flagRank).thenComparing(Comparator.naturalOrder());

  private static List<FlagGroup> platformRates(QualityReport q) {
    Map<String, List<QualityReport.PlatformRow>> byFlag = new java.util.TreeMap<>(FLAG_ORDER);
    for (QualityReport.PlatformRow r : q.platforms()) byFlag.computeIfAbsent(r.flag(), f -> new ArrayList<>()).add(r);
    List<FlagGroup> out = new ArrayList<>();
    byFlag.forEach((flag, rows) -> out.add(new FlagGroup(XmlText.clean(QualityChart.label(flag)), rows.stream()
        .sorted(Comparator.comparing((QualityReport.PlatformRow r) -> "all".equals(r.platform()))
            .thenComparing(QualityReport.PlatformRow::platform))
        .map(r -> new PlatformRateView(XmlText.clean(r.platform()), HumanFormat.count(r.brands()),
            HumanFormat.count(r.posts()), HumanFormat.count(r.flagged()), HumanFormat.percent(r.rate()),
            interval(r.wilsonLow(), r.wilsonHigh()), interval(r.bootstrapLow(), r.bootstrapHigh())))
        .toList())));
    return out;
  }

  static String interval(Double low, Double high) {
    if (low == null || high == null || low.isNaN() || high.isNaN()) return HumanFormat.UNDEFINED;
    return String.format(Locale.ROOT, "%.1f–%.1f\u00A0%%", low * 100, high * 100);
  }

  /** Significant differences: the omnibus sentence of a flag, then its pairs, most significant first. */
  private static List<String> differences(QualityReport q) {
    return q.tests().stream().filter(QualityReport.TestRow::significant)
        .filter(t -> t.sentence() != null && !t.sentence().isBlank())
        .sorted(Comparator.comparing(QualityReport.TestRow::flag, FLAG_ORDER)
            .thenComparing(t -> !t.isOmnibus())
            .thenComparing(t -> t.pAdjusted() == null ? 1.0 : t.pAdjusted()))
        .map(t -> XmlText.clean(t.sentence().endsWith(".") ? t.sentence() : t.sentence() + "."))
        .toList();
  }

  private static String testsSummary(QualityReport q) {
    long tests = q.tests().size();
    long flags = q.tests().stream().map(QualityReport.TestRow::flag).distinct().count();
    long significant = q.tests().stream().filter(QualityReport.TestRow::significant).count();
    if (tests == 0) return "No test of difference between platforms was run.";
    return String.format(Locale.ROOT, "%s tests over %s flags; %s significant at the 5%% level after Holm's"
        + " correction within each flag.", HumanFormat.count(tests), HumanFormat.count(flags),
        HumanFormat.count(significant));
  }

  private static List<OmnibusView> omnibus(QualityReport q) {
    Map<String, Long> platformsPerFlag = new LinkedHashMap<>();
    for (QualityReport.PlatformRow r : q.platforms()) {
      if (!"all".equals(r.platform()) && r.posts() > 0) platformsPerFlag.merge(r.flag(), 1L, Long::sum);
    }
    return q.tests().stream().filter(QualityReport.TestRow::isOmnibus)
        .sorted(Comparator.comparing(QualityReport.TestRow::flag, FLAG_ORDER))
        .map(t -> new OmnibusView(XmlText.clean(QualityChart.label(t.flag())),
            platformsPerFlag.containsKey(t.flag()) ? HumanFormat.count(platformsPerFlag.get(t.flag()))
                : HumanFormat.UNDEFINED,
            t.statistic() == null ? HumanFormat.UNDEFINED : String.format(Locale.ROOT, "%.2f", t.statistic()),
            t.df() == null ? HumanFormat.UNDEFINED : Integer.toString(t.df()), pValue(t.pAdjusted()),
            t.significant()))
        .toList();
  }

  static String pValue(Double p) {
    if (p == null || p.isNaN()) return HumanFormat.UNDEFINED;
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static List<BrandGroup> brands(QualityReport q, List<String> columns) {
    Map<String, List<QualityReport.BrandRow>> byBrand = new LinkedHashMap<>();
    for (QualityReport.BrandRow r : q.brands()) byBrand.computeIfAbsent(r.brand(), b -> new ArrayList<>()).add(r);
    Comparator<QualityReport.BrandRow> allFirst = Comparator.comparing((QualityReport.BrandRow r) -> !r.isAllPlatforms())
        .thenComparing(QualityReport.BrandRow::platform);
    return byBrand.values().stream().map(g -> g.stream().sorted(allFirst).toList())
        .sorted(Comparator.comparingLong((List<QualityReport.BrandRow> g) -> -g.get(0).posts())
            .thenComparing(g -> XmlText.clean(g.get(0).brand())))
        .map(g -> new BrandGroup(XmlText.clean(g.get(0).brand()), g.stream().map(r -> new BrandRowView(
            XmlText.clean(r.platform()), r.isAllPlatforms(), HumanFormat.count(r.posts()),
            columns.stream().map(c -> HumanFormat.percent(r.rates().get(c))).toList(),
            HumanFormat.percent(r.spamMeanProbability()), HumanFormat.count(r.accounts()),
            HumanFormat.count(r.activeDays()), HumanFormat.ratio(r.postsPerActiveDay()),
            r.busiestHour() == null ? HumanFormat.UNDEFINED : String.format(Locale.ROOT, "%02d:00", r.busiestHour()),
            HumanFormat.percent(r.busiestHourShare()), HumanFormat.percent(r.daysOverThresholdShare()))).toList()))
        .toList();
  }

  private static List<ExampleGroup> examples(QualityReport q) {
    Map<String, List<QualityReport.Example>> byFlag = new java.util.TreeMap<>(FLAG_ORDER);
    for (QualityReport.Example e : q.examples()) byFlag.computeIfAbsent(e.flag(), f -> new ArrayList<>()).add(e);
    List<ExampleGroup> out = new ArrayList<>();
    byFlag.forEach((flag, es) -> out.add(new ExampleGroup(XmlText.clean(QualityChart.label(flag)),
        XmlText.clean(rule(flag)), es.stream().map(e -> new ExampleView(XmlText.clean(e.brand()),
            XmlText.clean(e.platform()), XmlText.clean(e.createdAt()), XmlText.clean(shorten(e.text())))).toList())));
    return out;
  }

  private static String rule(String column) {
    for (QualityFlag f : QualityFlag.values()) if (f.column().equals(column)) return f.rule();
    return "";
  }

  private static List<Definition> flagDefinitions() {
    return QualityFlag.all().stream().map(f -> new Definition(XmlText.clean(QualityStatistics.label(f)),
        XmlText.clean(f.column()), XmlText.clean(capitalise(f.rule()) + "."))).toList();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String shorten(String text) {
    if (text == null) return "";
    if (text.codePointCount(0, text.length()) <= TEXT_CHARS) return text;
    return text.substring(0, text.offsetByCodePoints(0, TEXT_CHARS - 1)) + "…";
  }
}
