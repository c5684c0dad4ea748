package io.megaphone.report;

import io.megaphone.report.model.DuplicationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The duplication section as the template prints it: texts XML-safe, figures formatted, heatmap shaded. */
public record DuplicationView(
    boolean present,
    ReportView.ChartView chart,
    List<BrandGroup> brands,
    List<String> platforms,
    List<HeatRow> heatmap,
    List<PairView> pairs,
    List<ClusterView> clusters) {

  /** Largest clusters shown, over all brands; characters of a post shown. */
  static final int CLUSTERS_SHOWN = 10;
  static final int TEXT_CHARS = 400;

  public record BrandGroup(String brand, List<RowView> rows) {}

  public record RowView(String platform, boolean allPlatforms, String considered, String tooShort, String clusters,
      String crossPlatformClusters, String crossPlatformRate, String selfRepetitionRate, String verbatimShare) {}

  /** A heatmap cell: the number of clusters spanning the two platforms, and its shade. */
  public record HeatCell(String text, String style) {}

  public record HeatRow(String platform, List<HeatCell> cells) {}

  public record PairView(String platformA, String platformB, String clusters, String firstOnA, String firstOnB,
      String medianLag, String brands) {}

  public record ClusterView(String brand, String size, String platforms, String kind, List<PostView> posts,
      String more) {}

  public record PostView(String platform, String createdAt, String handle, String text) {}

  static DuplicationView of(DuplicationReport d, ReportView.ChartView chart) {
    boolean present = !d.rows().isEmpty();
    return new DuplicationView(present, chart, brands(d), platforms(d), heatmap(d), pairs(d), clusters(d));
  }

  private static List<BrandGroup> brands(DuplicationReport d) {
    Map<String, List<DuplicationReport.Row>> byBrand = new LinkedHashMap<>();
    for (DuplicationReport.Row r : d.rows()) byBrand.computeIfAbsent(r.brand(), b -> new ArrayList<>()).add(r);
    Comparator<DuplicationReport.Row> allFirst = Comparator.comparing((DuplicationReport.Row r) -> !r.isAllPlatforms())
        .thenComparing(DuplicationReport.Row::platform);
    return byBrand.values().stream().map(g -> g.stream().sorted(allFirst).toList())
        .sorted(Comparator.comparing((List<DuplicationReport.Row> g) -> g.get(0), DuplicationChart.MOST_CONSIDERED_FIRST))
        .map(g -> new BrandGroup(XmlText.clean(g.get(0).brand()), g.stream().map(r -> new RowView(
            XmlText.clean(r.platform()), r.isAllPlatforms(), HumanFormat.count(r.postsConsidered()),
            HumanFormat.count(r.postsTooShort()), HumanFormat.count(r.clusters()),
            HumanFormat.count(r.crossPlatformClusters()), HumanFormat.percent(r.crossPlatformDupRate()),
            HumanFormat.percent(r.selfRepetitionRate()), HumanFormat.percent(r.verbatimShare()))).toList()))
        .toList();
  }

  private static List<String> platforms(DuplicationReport d) {
    TreeSet<String> p = new TreeSet<>();
    for (DuplicationReport.PairRow r : d.pairs()) {
      p.add(r.platformA());
      p.add(r.platformB());
    }
    return p.stream().map(XmlText::clean).toList();
  }

  /** Clusters spanning each platform pair, all brands together; symmetric, the diagonal left blank. */
  private static List<HeatRow> heatmap(DuplicationReport d) {
    Map<String, Long> total = new TreeMap<>();
    long max = 0;
    for (DuplicationReport.PairRow r : d.pairs()) {
      long v = total.merge(r.platformA() + "\u0000" + r.platformB(), r.clusters(), Long::sum);
      total.put(r.platformB() + "\u0000" + r.platformA(), v);
      max = Math.max(max, v);
    }
    TreeSet<String> platforms = new TreeSet<>();
    for (DuplicationReport.PairRow r : d.pairs()) {
      platforms.add(r.platformA());
      platforms.add(r.platformB());
    }
    List<HeatRow> rows = new ArrayList<>();
    for (String a : platforms) {
      List<HeatCell> cells = new ArrayList<>();
      for (String b : platforms) {
        if (a.equals(b)) {
          cells.add(new HeatCell("", "background-color: #f3f3f3;"));
          continue;
        }
        long v = total.getOrDefault(a + "\u0000" + b, 0L);
        cells.add(new HeatCell(HumanFormat.count(v), shade(max == 0 ? 0 : (double) v / max)));
      }
      rows.add(new HeatRow(XmlText.clean(a), cells));
    }
    return rows;
  }

  /** White to deep purple; white text on the darkest cells. */
  static String shade(double f) {
    int r = (int) Math.round(255 - f * (255 - 0x5B));
    int g = (int) Math.round(255 - f * (255 - 0x2C));
    int b = (int) Math.round(255 - f * (255 - 0x6F));
    return String.format(Locale.ROOT, "background-color: #%02x%02x%02x;%s", r, g, b, f > 0.55 ? " color: #ffffff;" : "");
  }

  private static List<PairView> pairs(DuplicationReport d) {
    Map<String, List<DuplicationReport.PairRow>> byPair = new TreeMap<>();
    for (DuplicationReport.PairRow r : d.pairs()) {
      byPair.computeIfAbsent(r.platformA() + "\u0000" + r.platformB(), k -> new ArrayList<>()).add(r);
    }
    List<PairView> out = new ArrayList<>();
    for (List<DuplicationReport.PairRow> rs : byPair.values()) {
      long clusters = rs.stream().mapToLong(DuplicationReport.PairRow::clusters).sum();
      long a = rs.stream().mapToLong(DuplicationReport.PairRow::firstOnA).sum();
      long b = rs.stream().mapToLong(DuplicationReport.PairRow::firstOnB).sum();
      List<Double> lags = rs.stream().map(DuplicationReport.PairRow::medianLagS).filter(x -> x != null).sorted().toList();
      Double median = lags.isEmpty() ? null : lags.size() % 2 == 1 ? lags.get(lags.size() / 2)
          : (lags.get(lags.size() / 2 - 1) + lags.get(lags.size() / 2)) / 2;
      long brands = rs.stream().filter(r -> r.clusters() > 0).count();
      out.add(new PairView(XmlText.clean(rs.get(0).platformA()), XmlText.clean(rs.get(0).platformB()),
          HumanFormat.count(clusters), HumanFormat.count(a), HumanFormat.count(b), HumanFormat.duration(median),
          HumanFormat.count(brands)));
    }
    return out;
  }

  private static List<ClusterView> clusters(DuplicationReport d) {
    Map<String, List<DuplicationReport.ClusterPost>> byCluster = new LinkedHashMap<>();
    for (DuplicationReport.ClusterPost p : d.topClusters()) {
      byCluster.computeIfAbsent(p.brand() + "\u0000" + p.clusterRank(), k -> new ArrayList<>()).add(p);
    }
    return byCluster.values().stream()
        .sorted(Comparator.comparingLong((List<DuplicationReport.ClusterPost> c) -> c.get(0).clusterPosts()).reversed()
            .thenComparing(c -> -c.get(0).clusterPlatforms()).thenComparing(c -> c.get(0).brand())
            .thenComparingInt(c -> c.get(0).clusterRank()))
        .limit(CLUSTERS_SHOWN)
        .map(c -> {
          DuplicationReport.ClusterPost first = c.get(0);
          long more = first.clusterPosts() - c.size();
          return new ClusterView(XmlText.clean(first.brand()), HumanFormat.count(first.clusterPosts()),
              HumanFormat.count(first.clusterPlatforms()), first.verbatim() ? "verbatim" : "adapted",
              c.stream().map(p -> new PostView(XmlText.clean(p.platform()), XmlText.clean(p.createdAt()),
                  XmlText.clean(p.accountHandle()), XmlText.clean(shorten(p.text())))).toList(),
              more > 0 ? "and " + HumanFormat.count(more) + (more == 1 ? " more post" : " more posts") : "");
        })
        .toList();
  }

  private static String shorten(String text) {
    if (text == null) return "";
    if (text.codePointCount(0, text.length()) <= TEXT_CHARS) return text;
    return text.substring(0, text.offsetByCodePoints(0, TEXT_CHARS - 1)) + "…";
  }
}
