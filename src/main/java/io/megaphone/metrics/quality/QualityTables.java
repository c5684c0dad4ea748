package io.megaphone.metrics.quality;


import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** quality.csv, platform_quality.csv, quality_tests.csv and quality_examples.csv from the flagged posts. */
final class QualityTables {
  private QualityTables() {}

  static final String ALL = "all";
  static final int EXAMPLES_PER_FLAG = 3;

  static StructType schema() {
    StructType t = new StructType().add("brand", DataTypes.StringType).add("platform", DataTypes.StringType)
        .add("posts", DataTypes.LongType);
    for (QualityFlag f : QualityFlag.values()) {
      t = t.add(f.column() + "_posts", DataTypes.LongType).add(f.column() + "_rate", DataTypes.DoubleType);
    }
    return t.add("spam_mean_probability", DataTypes.DoubleType).add("replies", DataTypes.LongType)
        .add("active_days", DataTypes.LongType).add("posts_per_active_day", DataTypes.DoubleType)
        .add("busiest_hour", DataTypes.IntegerType).add("busiest_hour_share", DataTypes.DoubleType)
        .add("days_over_threshold_share", DataTypes.DoubleType).add("accounts", DataTypes.LongType);
  }

  static final StructType PLATFORM_SCHEMA = new StructType().add("platform", DataTypes.StringType)
      .add("flag", DataTypes.StringType).add("brands", DataTypes.LongType).add("posts", DataTypes.LongType)
      .add("flagged", DataTypes.LongType).add("rate", DataTypes.DoubleType)
      .add("wilson_low", DataTypes.DoubleType).add("wilson_high", DataTypes.DoubleType)
      .add("bootstrap_low", DataTypes.DoubleType).add("bootstrap_high", DataTypes.DoubleType);

  static final StructType TESTS_SCHEMA = new StructType().add("flag", DataTypes.StringType)
      .add("test", DataTypes.StringType).add("platform_a", DataTypes.StringType)
      .add("platform_b", DataTypes.StringType).add("rate_a", DataTypes.DoubleType).add("rate_b", DataTypes.DoubleType)
      .add("statistic", DataTypes.DoubleType).add("df", DataTypes.LongType).add("p_value", DataTypes.DoubleType)
      .add("p_adjusted", DataTypes.DoubleType).add("significant", DataTypes.BooleanType)
      .add("sentence", DataTypes.StringType);

  static final StructType EXAMPLES_SCHEMA = new StructType().add("flag", DataTypes.StringType)
      .add("brand", DataTypes.StringType).add("platform", DataTypes.StringType).add("post_id", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType).add("text", DataTypes.StringType);

  /**
   * @param scan the cached scan of the archive ({@link QualityScan})
   * @param templates the recurring reply skeletons ({@link QualityMetrics#templateKey}): the templated replies
   */
  static List<MetricTable> build(AnalysisContext ctx, JavaRDD<PartitionState> scan, Set<String> templates) {
    long threshold = ctx.settings().integer(Parameter.QUALITY_DAILY_POST_THRESHOLD);
    QualityCounts.Result result;
    String step = "quality: counts, accounts and examples (merge)";
    try (Phase p = Phase.start(ctx.spark(), QualityMetrics.STAGE, step)) {
      result = QualityCounts.compute(scan, templates, threshold, ALL, EXAMPLES_PER_FLAG);
    }

    int flags = QualityFlag.values().length;
    List<Row> rows = new ArrayList<>();
    Map<String, Map<String, long[]>> perPlatformBrand = new TreeMap<>(); // platform → brand → [posts, flag counts...]
    for (Map.Entry<QualityCounts.Cell, long[]> e : result.counts().entrySet()) {
      long[] c = e.getValue();
      String brand = e.getKey().brand();
      String platform = e.getKey().platform();
      long posts = c[QualityCounts.POSTS];
      List<Object> v = new ArrayList<>(List.of(brand, platform, posts));
      long[] pb = new long[flags + 1];
      pb[0] = posts;
      for (int i = 0; i < flags; i++) {
        long n = c[QualityCounts.FLAG0 + i];
        pb[i + 1] = n;
        v.add(n);
        v.add(posts == 0 ? null : (double) n / posts);
      }
      if (!ALL.equals(platform)) perPlatformBrand.computeIfAbsent(platform, p -> new TreeMap<>()).put(brand, pb);
      v.add(posts == 0 ? null : c[QualityCounts.SPAM_UNITS] / QualityCounts.SPAM_UNIT / posts);
      long activeDays = c[QualityCounts.ACTIVE_DAYS];
      v.add(c[QualityCounts.REPLIES]);
      v.add(activeDays);
      v.add(activeDays == 0 ? null : (double) posts / activeDays);
      int busiest = 0; // ties: the earlier hour
      for (int i = 1; i < 24; i++) if (c[QualityCounts.HOUR0 + i] > c[QualityCounts.HOUR0 + busiest]) busiest = i;
      v.add(posts == 0 ? null : busiest);
      v.add(posts == 0 ? null : (double) c[QualityCounts.HOUR0 + busiest] / posts);
      v.add(activeDays == 0 ? null : (double) c[QualityCounts.BUSY_DAYS] / activeDays);
      v.add(c[QualityCounts.ACCOUNTS]);
      rows.add(RowFactory.create(v.toArray()));
    }
    rows.sort(java.util.Comparator.<Row, String>comparing(r -> r.getString(0))
        .thenComparing(r -> ALL.equals(r.getString(1)) ? "" : r.getString(1)));

    List<Row> examples = examples(ctx, result.examples());
    return List.of(new MetricTable("quality", schema(), rows),
        new MetricTable("platform_quality", PLATFORM_SCHEMA, platformRows(perPlatformBrand)),
        new MetricTable("quality_tests", TESTS_SCHEMA, testRows(perPlatformBrand)),
        new MetricTable("quality_examples", EXAMPLES_SCHEMA, examples));
  }

  /** Per platform × flag: the pooled rate over brands, its Wilson interval and the brand-bootstrap interval. */
  private static List<Row> platformRows(Map<String, Map<String, long[]>> perPlatformBrand) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, long[]>> p : perPlatformBrand.entrySet()) {
      List<long[]> brands = new ArrayList<>(p.getValue().values());
      long[] posts = brands.stream().mapToLong(b -> b[0]).toArray();
      for (QualityFlag f : QualityFlag.values()) {
        long[] flagged = brands.stream().mapToLong(b -> b[f.ordinal() + 1]).toArray();
        QualityStatistics.PlatformRate r = QualityStatistics.platformRate(p.getKey(), f, flagged, posts);
        rows.add(RowFactory.create(r.platform(), f.column(), (long) r.brands(), r.posts(), r.flagged(), nan(r.rate()),
            r.wilson() == null ? null : nan(r.wilson().low()), r.wilson() == null ? null : nan(r.wilson().high()),
            r.bootstrap() == null ? null : nan(r.bootstrap().low()),
            r.bootstrap() == null ? null : nan(r.bootstrap().high())));
      }
    }
    return rows;
  }

  /** Per flag: the chi-square test over all platforms and the pairwise tests, Holm-adjusted per flag. */
  private static List<Row> testRows(Map<String, Map<String, long[]>> perPlatformBrand) {
    List<Row> rows = new ArrayList<>();
    for (QualityFlag f : QualityFlag.values()) {
      List<QualityStatistics.PlatformCount> counts = new ArrayList<>();
      for (Map.Entry<String, Map<String, long[]>> p : perPlatformBrand.entrySet()) {
        long posts = 0;
        long flagged = 0;
        for (long[] b : p.getValue().values()) {
          posts += b[0];
          flagged += b[f.ordinal() + 1];
        }
        counts.add(new QualityStatistics.PlatformCount(p.getKey(), posts, flagged));
      }
      for (QualityStatistics.TestResult t : QualityStatistics.compare(f, counts, QualityStatistics.ALPHA)) {
        rows.add(RowFactory.create(f.column(), t.test(), t.platformA(), t.platformB(), nan(t.rateA()),
            nan(t.rateB()), nan(t.statistic()), (long) t.df(), nan(t.pValue()), nan(t.pAdjusted()), t.significant(),
            t.sentence()));
      }
    }
    return rows;
  }

  /** Up to three posts per flag, chosen by a hash of their id (stable, spread over brands), handles pseudonymised. */
  private static List<Row> examples(AnalysisContext ctx, List<List<QualityCounts.Example>> picks) {
    Set<String> brandHandles = new HashSet<>();
    for (Row r : ctx.brandAccounts().select("handle").collectAsList()) {
      if (!r.isNullAt(0)) brandHandles.add(r.getString(0).toLowerCase(Locale.ROOT));
    }
    String key = ctx.settings().param(Parameter.QUALITY_PSEUDONYM_KEY);
    List<Row> rows = new ArrayList<>();
    for (QualityFlag f : QualityFlag.values()) {
      for (QualityCounts.Example e : picks.get(f.ordinal())) {
        rows.add(RowFactory.create(f.column(), e.brand(), e.platform(), e.postId(), e.createdAt(),
            Pseudonyms.mentions(e.text(), brandHandles, key)));
      }
    }
    return rows;
  }

  private static Double nan(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
