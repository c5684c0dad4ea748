package io.megaphone.report;

import io.megaphone.report.model.ResponsivenessRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Response rate and median first-response time per brand, all platforms combined: two horizontal
 * bar panels side by side that share the brand axis. Brands are the {@code platform == "all"} rows,
 * busiest (most inbound posts) first, at most {@code topBrands} of them.
 */
public final class ResponsivenessChart {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  public static final int DEFAULT_TOP_BRANDS = 25;
  /** Logical size; the PNG has {@link #SCALE} times as many pixels each way. */
  public static final int WIDTH = 1000;
  public static final int SCALE = 2;

  private static final int BASE_HEIGHT = 120;
  private static final int HEIGHT_PER_BRAND = 22;
  private static final int MAX_LABEL_CHARS = 40;
  private static final Color RATE_COLOR = new Color(0x3B6EA5);
  private static final Color TIME_COLOR = new Color(0xD9822B);
  private static final Color NOTE_COLOR = new Color(0x777777);

  private final List<ResponsivenessRow> shown;
  private final int brandCount;
  private final int topBrands;

  private ResponsivenessChart(List<ResponsivenessRow> allPlatformRows, int topBrands) {
    this.brandCount = allPlatformRows.size();
    this.topBrands = topBrands;
    this.shown = allPlatformRows.stream().limit(topBrands).toList();
  }

  public static ResponsivenessChart of(List<ResponsivenessRow> rows) {
    return of(rows, DEFAULT_TOP_BRANDS);
  }

  public static ResponsivenessChart of(List<ResponsivenessRow> rows, int topBrands) {
    if (topBrands < 1) {
      throw new IllegalArgumentException("topBrands must be at least 1, was " + topBrands);
    }
    List<ResponsivenessRow> allPlatforms =
        rows.stream().filter(ResponsivenessRow::isAllPlatforms).sorted(BUSIEST_FIRST).toList();
    return new ResponsivenessChart(allPlatforms, topBrands);
  }

  /** Most inbound posts first; ties by brand name so the order is stable. */
  static final Comparator<ResponsivenessRow> BUSIEST_FIRST =
      Comparator.comparingLong(ResponsivenessRow::inbound)
          .reversed()
          .thenComparing(r -> XmlText.clean(r.brand()));

  /** Brand names as shown, top to bottom. */
  public List<String> brands() {
    return shown.stream().map(r -> XmlText.clean(r.brand())).toList();
  }

  public boolean truncated() {
    return brandCount > shown.size();
  }

  public String caption() {
    String caption =
        "Response rate and median first-response time by brand, all platforms combined; "
            + "brands with the most inbound posts first. A missing time bar means the brand "
            + "answered none of its inbound posts.";
    if (truncated()) {
      caption += " Only the top " + topBrands + " of " + brandCount
          + " brands by inbound posts are shown; the table lists all.";
    }
    return caption;
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return BASE_HEIGHT + HEIGHT_PER_BRAND * Math.max(1, shown.size());
  }

  public int pixelWidth() {
    return width() * SCALE;
  }

  public int pixelHeight() {
    return height() * SCALE;
  }

  public byte[] png() {
    return ChartPng.render(chart(), width(), height(), SCALE);
  }

  public JFreeChart chart() {
    DefaultCategoryDataset rates = new DefaultCategoryDataset();
    DefaultCategoryDataset medians = new DefaultCategoryDataset();
    List<CategoryTextAnnotation> rateNotes = new ArrayList<>();
    List<CategoryTextAnnotation> medianNotes = new ArrayList<>();
    List<String> labels = uniqueLabels();
    for (int i = 0; i < shown.size(); i++) {
      ResponsivenessRow row = shown.get(i);
      String label = labels.get(i);
      Double rate = row.responseRate() == null ? null : row.responseRate() * 100;
      Double medianHours = row.rtMedianS() == null ? null : row.rtMedianS() / 3600;
      rates.addValue(rate, "Response rate", label);
      medians.addValue(medianHours, "Median first response", label);
      if (rate == null) {
        rateNotes.add(note("no inbound posts", label));
      }
      if (medianHours == null) {
        medianNotes.add(note(row.inbound() == 0 ? "no inbound posts" : "no answers", label));
      }
    }

    NumberAxis rateAxis = new NumberAxis("Response rate (%)");
    // Room right of 100 % for the bar label; ticks stop at 100.
    rateAxis.setRange(0, 112);
    rateAxis.setTickUnit(new NumberTickUnit(20));
    NumberAxis medianAxis = new NumberAxis("Median first-response time (h)");
    medianAxis.setAutoRangeIncludesZero(true);
    medianAxis.setUpperMargin(0.3);

    CategoryAxis brandAxis = new CategoryAxis();
    brandAxis.setMaximumCategoryLabelLines(1);
    brandAxis.setCategoryMargin(0.25);
    brandAxis.setLowerMargin(0.01);
    brandAxis.setUpperMargin(0.01);

    CategoryPlot ratePanel =
        panel(rates, rateAxis, value -> String.format(Locale.ROOT, "%.0f %%", value), rateNotes);
    CategoryPlot medianPanel =
        panel(medians, medianAxis, hours -> HumanFormat.duration(hours * 3600), medianNotes);
    CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(brandAxis);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setGap(24);
    plot.add(ratePanel, 1);
    plot.add(medianPanel, 1);

    JFreeChart chart = new JFreeChart("Responsiveness by brand", ReportFonts.bold(18), plot, false);
    // The theme sets fonts and backgrounds everywhere but resets series colours, so colour after it.
    theme().apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    colour(ratePanel, RATE_COLOR);
    colour(medianPanel, TIME_COLOR);
    return chart;
  }

  private static void colour(CategoryPlot panel, Color color) {
    BarRenderer renderer = (BarRenderer) panel.getRenderer();
    renderer.setSeriesPaint(0, color);
    renderer.setDefaultItemLabelFont(ReportFonts.regular(12));
    renderer.setDefaultItemLabelPaint(Color.DARK_GRAY);
  }

  private static CategoryPlot panel(
      DefaultCategoryDataset data,
      NumberAxis axis,
      DoubleFunction<String> barLabel,
      List<CategoryTextAnnotation> notes) {
    BarRenderer renderer = new BarRenderer();
    renderer.setMaximumBarWidth(0.8);
    renderer.setDefaultItemLabelGenerator(new BarLabel(barLabel));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setItemLabelAnchorOffset(4);

    CategoryPlot panel = new CategoryPlot(data, null, axis, renderer);
    panel.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    panel.setRangeGridlineStroke(new BasicStroke(0.6f));
    panel.setOutlineVisible(false);
    notes.forEach(panel::addAnnotation);
    return panel;
  }

  /** Labels a bar with its value, formatted for people. */
  private static final class BarLabel extends StandardCategoryItemLabelGenerator {
    private final DoubleFunction<String> format;

    BarLabel(DoubleFunction<String> format) {
      this.format = format;
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Number value = dataset.getValue(row, column);
      return value == null ? null : format.apply(value.doubleValue());
    }
  }

  private static CategoryTextAnnotation note(String text, String label) {
    CategoryTextAnnotation note = new CategoryTextAnnotation(text, label, 0);
    note.setFont(ReportFonts.regular(12));
    note.setPaint(NOTE_COLOR);
    note.setTextAnchor(TextAnchor.CENTER_LEFT);
    return note;
  }

  static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("megaphone");
    theme.setExtraLargeFont(ReportFonts.bold(18));
    theme.setLargeFont(ReportFonts.regular(14));
    theme.setRegularFont(ReportFonts.regular(14));
    theme.setSmallFont(ReportFonts.regular(11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xD0D0D0));
    theme.setDomainGridlinePaint(Color.WHITE);
    theme.setAxisLabelPaint(Color.DARK_GRAY);
    theme.setTickLabelPaint(Color.DARK_GRAY);
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    return theme;
  }

  /** Category keys must be distinct, and long names would squeeze the plots. */
  private List<String> uniqueLabels() {
    Set<String> used = new HashSet<>();
    List<String> labels = new ArrayList<>();
    for (ResponsivenessRow row : shown) {
      String base = abbreviate(XmlText.clean(row.brand()).strip());
      String label = base.isEmpty() ? "(unnamed)" : base;
      for (int n = 2; !used.add(label); n++) {
        label = base + " (" + n + ")";
      }
      labels.add(label);
    }
    return labels;
  }

  static String abbreviate(String name) {
    String oneLine = name.replaceAll("\\s+", " ");
    if (oneLine.codePointCount(0, oneLine.length()) <= MAX_LABEL_CHARS) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
  }
}
