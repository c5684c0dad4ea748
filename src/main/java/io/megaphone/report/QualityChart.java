package io.megaphone.report;

import io.megaphone.metrics.quality.QualityFlag;
import io.megaphone.metrics.quality.QualityStatistics;
import io.megaphone.report.model.QualityReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Per-platform rate of each quality flag with its Wilson 95% interval as whiskers (platform_quality.csv): one row
 * per flag, one dot per platform, platforms told apart by colour. Platform "all" is not drawn.
 */
public final class QualityChart {
  static {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  public static final int WIDTH = 1000;
  private static final int SCALE = 2;
  private static final Color[] PALETTE = {new Color(0x3B6EA5), new Color(0xD9822B), new Color(0x2E7D32),
      new Color(0x8E44AD), new Color(0xC0392B), new Color(0x16A085), new Color(0x7F6000), new Color(0xE91E63),
      new Color(0x34495E), new Color(0x95A5A6), new Color(0x00838F), new Color(0x6D4C41), new Color(0x558B2F)};

  private final List<String> flags;
  private final List<String> platforms;
  /** platform → flag → row. */
  private final Map<String, Map<String, QualityReport.PlatformRow>> rows;

  private QualityChart(List<String> flags, List<String> platforms, Map<String, Map<String, QualityReport.PlatformRow>> rows) {
    this.flags = flags;
    this.platforms = platforms;
    this.rows = rows;
  }

  public static QualityChart of(QualityReport q) {
    TreeSet<String> platforms = new TreeSet<>();
    Map<String, Map<String, QualityReport.PlatformRow>> rows = new LinkedHashMap<>();
    TreeSet<String> present = new TreeSet<>();
    for (QualityReport.PlatformRow r : q.platforms()) {
      if ("all".equals(r.platform()) || r.posts() <= 0 || r.rate() == null) continue;
      platforms.add(r.platform());
      present.add(r.flag());
      rows.computeIfAbsent(r.platform(), p -> new LinkedHashMap<>()).put(r.flag(), r);
    }
    return new QualityChart(flagOrder(present), List.copyOf(platforms), rows);
  }

  /** Flag columns in enum order, unknown ones after them by name. */
  static List<String> flagOrder(java.util.Collection<String> columns) {
    List<String> out = new ArrayList<>();
    for (QualityFlag f : QualityFlag.values()) if (columns.contains(f.column())) out.add(f.column());
    for (String c : new TreeSet<>(columns)) if (!out.contains(c)) out.add(c);
    return out;
  }

  static String label(String column) {
    for (QualityFlag f : QualityFlag.values()) if (f.column().equals(column)) return QualityStatistics.label(f);
    return column;
  }

  public boolean isEmpty() {
    return flags.isEmpty();
  }

  public String caption() {
    if (isEmpty()) return "No platform has brand posts to compare.";
    return "Share of brand posts on each platform that carry each flag; whiskers are Wilson 95% intervals, which"
        + " treat posts as independent. The table below also gives the brand-bootstrap intervals, which allow for"
        + " posts of one brand being alike.";
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return 130 + Math.max(1, flags.size()) * Math.max(40, 9 * platforms.size() + 16);
  }

  public byte[] png() {
    return ChartPng.render(chart(), width(), height(), SCALE);
  }

  JFreeChart chart() {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    int np = platforms.size();
    double band = 0.5; // share of a flag's row the dots spread over
    double max = 0;
    for (int p = 0; p < np; p++) {
      String platform = platforms.get(p);
      YIntervalSeries s = new YIntervalSeries(QualityStatistics.platformName(XmlText.clean(platform)), false, true);
      double offset = np == 1 ? 0 : -band / 2 + band * p / (np - 1);
      for (int f = 0; f < flags.size(); f++) {
        QualityReport.PlatformRow r = rows.getOrDefault(platform, Map.of()).get(flags.get(f));
        if (r == null) continue;
        double rate = r.rate() * 100;
        double low = r.wilsonLow() == null ? rate : r.wilsonLow() * 100;
        double high = r.wilsonHigh() == null ? rate : r.wilsonHigh() * 100;
        s.add(f + offset, rate, low, high);
        max = Math.max(max, high);
      }
      data.addSeries(s);
    }
    String[] labels = flags.stream().map(QualityChart::label).toArray(String[]::new);
    SymbolAxis flagAxis = new SymbolAxis(null, labels.length == 0 ? new String[] {""} : labels);
    flagAxis.setGridBandsVisible(true); // alternate shaded rows tell the flags apart
    flagAxis.setGridBandPaint(new Color(0xF2F2F2));
    flagAxis.setGridBandAlternatePaint(Color.WHITE);
    flagAxis.setInverted(true); // first flag on top
    flagAxis.setRange(-0.6, Math.max(1, labels.length) - 0.4);
    NumberAxis rateAxis = new NumberAxis("% of brand posts");
    rateAxis.setRange(0, Math.min(100, Math.max(5, Math.ceil(max * 1.08 / 5) * 5)));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(5);
    renderer.setErrorStroke(new BasicStroke(1.2f));
    XYPlot plot = new XYPlot(data, flagAxis, rateAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart = new JFreeChart("Content quality by platform", ReportFonts.bold(18), plot, np > 0);
    ResponsivenessChart.theme().apply(chart); // before the colours: a theme resets series paints
    plot.setDomainGridlinesVisible(false);
    for (int p = 0; p < np; p++) {
      Color c = PALETTE[p % PALETTE.length];
      renderer.setSeriesPaint(p, c);
      renderer.setSeriesShape(p, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    renderer.setErrorPaint(null); // whiskers in the series colour
    LegendTitle legend = chart.getLegend();
    if (legend != null) legend.setPosition(RectangleEdge.TOP);
    return chart;
  }
}
