package io.megaphone.report;

import io.megaphone.report.model.DuplicationReport;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Cross-platform duplication rate and self-repetition rate per brand (platform "all"), brands with the most
 * considered posts first, at most {@code topBrands}: horizontal bars, two per brand.
 */
public final class DuplicationChart {
  static {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  public static final int WIDTH = 1000;
  private static final int SCALE = 2;
  private static final Color CROSS_COLOR = new Color(0x8E44AD);
  private static final Color SELF_COLOR = new Color(0x95A5A6);

  static final Comparator<DuplicationReport.Row> MOST_CONSIDERED_FIRST =
      Comparator.comparingLong(DuplicationReport.Row::postsConsidered).reversed()
          .thenComparing(r -> XmlText.clean(r.brand()));

  private final List<DuplicationReport.Row> shown;
  private final int brandCount;
  private final int topBrands;

  private DuplicationChart(List<DuplicationReport.Row> brands, int topBrands) {
    this.brandCount = brands.size();
    this.topBrands = topBrands;
    this.shown = brands.stream().limit(topBrands).toList();
  }

  public static DuplicationChart of(DuplicationReport d, int topBrands) {
    if (topBrands < 1) throw new IllegalArgumentException("topBrands must be at least 1, was " + topBrands);
    return new DuplicationChart(d.rows().stream().filter(DuplicationReport.Row::isAllPlatforms)
        .filter(r -> r.postsConsidered() > 0).sorted(MOST_CONSIDERED_FIRST).toList(), topBrands);
  }

  public String caption() {
    String c = "Share of each brand's considered original posts that belong to a content cluster spanning two or"
        + " more platforms (cross-platform duplication) and that have a near-duplicate on their own platform"
        + " (self-repetition); brands with the most considered posts first.";
    if (brandCount > shown.size()) {
      c += " Only the top " + topBrands + " of " + brandCount + " brands are shown; the table lists all.";
    }
    return shown.isEmpty() ? "No brand has original posts long enough to compare." : c;
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return 110 + 30 * Math.max(1, shown.size());
  }

  public byte[] png() {
    return ChartPng.render(chart(), width(), height(), SCALE);
  }

  JFreeChart chart() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Set<String> used = new HashSet<>();
    List<String> labels = new ArrayList<>();
    for (DuplicationReport.Row r : shown) {
      String base = ResponsivenessChart.abbreviate(XmlText.clean(r.brand()).strip());
      String label = base.isEmpty() ? "(unnamed)" : base;
      for (int n = 2; !used.add(label); n++) label = base + " (" + n + ")";
      labels.add(label);
    }
    for (int i = 0; i < shown.size(); i++) {
      DuplicationReport.Row r = shown.get(i);
      data.addValue(r.crossPlatformDupRate() == null ? null : r.crossPlatformDupRate() * 100, "Cross-platform",
          labels.get(i));
      data.addValue(r.selfRepetitionRate() == null ? null : r.selfRepetitionRate() * 100, "Self-repetition",
          labels.get(i));
    }
    NumberAxis axis = new NumberAxis("% of considered original posts");
    axis.setRange(0, 100);
    axis.setTickUnit(new NumberTickUnit(10));
    BarRenderer renderer = new BarRenderer();
    renderer.setItemMargin(0.05);
    CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(null), axis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart = new JFreeChart("Duplication by brand", ReportFonts.bold(18), plot, true);
    ResponsivenessChart.theme().apply(chart); // before the colours: a theme resets series paints
    renderer.setSeriesPaint(0, CROSS_COLOR);
    renderer.setSeriesPaint(1, SELF_COLOR);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    return chart;
  }
}
