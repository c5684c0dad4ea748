package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

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

  /** Spam probabilities are summed as integers in these units, so the mean does not depend on the summing order. */
  static final double SPAM_UNIT = 1e9;

  /**
   * @param flagged every scored post with its final flag mask ({@link QualityMetrics#withTemplatedReplies})
   * @param scored the cached scores under it (the account count does not need the templated replies)
   */
  static List<MetricTable> build(AnalysisContext ctx, Dataset<Row> flagged, Dataset<Row> scored) {
    long threshold = ctx.settings().integer(Parameter.QUALITY_DAILY_POST_THRESHOLD);
    // one aggregation of the posts, to brand × platform × day (hours as 24 counts); the brand × platform rows and
    // the brand rows over all platforms are then sums of these few rows
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("posts"));
    for (QualityFlag f : QualityFlag.values()) {
      aggs.add(sum(when(col("flags").bitwiseAND(lit(f.bit())).notEqual(0), 1L).otherwise(0L)).as(f.column()));
    }
    aggs.add(sum(round(col("spam_probability").multiply(SPAM_UNIT)).cast("long")).as("spam_units"));
    aggs.add(sum(when(col("is_reply"), 1L).otherwise(0L)).as("replies"));
    for (int h = 0; h < 24; h++) aggs.add(sum(when(col("hour").equalTo(h), 1L).otherwise(0L)).as("h" + h));
    Phase phase = Phase.start(ctx.spark(), QualityMetrics.STAGE, "quality: brand × platform table");
    Dataset<Row> days = flagged.groupBy("brand", "platform", "day").agg(aggs.get(0), rest(aggs))
        .persist(StorageLevel.MEMORY_AND_DISK()); // read twice below: per platform and over all platforms
    List<Column> perDay = sums(days, "brand", "platform", "day");
    Dataset<Row> allPlatforms = days.groupBy("brand", "day").agg(perDay.get(0), rest(perDay))
        .withColumn("platform", lit(ALL))
        .select(java.util.Arrays.stream(days.columns()).map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> both = days.unionByName(allPlatforms);
    List<Column> totals = sums(both, "brand", "platform", "day");
    totals.add(sum(when(col("day").isNotNull(), 1L).otherwise(0L)).as("active_days"));
    totals.add(sum(when(col("day").isNotNull().and(col("posts").gt(threshold)), 1L).otherwise(0L)).as("busy_days"));
    Map<String, Row> counts = new TreeMap<>();
    for (Row r : both.groupBy("brand", "platform").agg(totals.get(0), rest(totals)).collectAsList()) {
      counts.put(key(r.getString(0), r.getString(1)), r);
    }
    days.unpersist();
    phase.close();
    phase = Phase.start(ctx.spark(), QualityMetrics.STAGE, "quality: account sprawl");
    // account sprawl: accounts are per platform, so a brand's accounts over all platforms are the sum
    Map<String, Long> accounts = new TreeMap<>();
    for (Row r : scored.select("brand", "platform", "account_id").distinct().groupBy("brand", "platform").count()
        .collectAsList()) {
      accounts.put(key(r.getString(0), r.getString(1)), r.getLong(2));
      accounts.merge(key(r.getString(0), ALL), r.getLong(2), Long::sum);
    }
    phase.close();

    int flags = QualityFlag.values().length;
    List<Row> rows = new ArrayList<>();
    Map<String, Map<String, long[]>> perPlatformBrand = new TreeMap<>(); // platform → brand → [posts, flag counts...]
    for (Map.Entry<String, Row> e : counts.entrySet()) {
      Row r = e.getValue();
      String brand = r.getString(0);
      String platform = r.getString(1);
      long posts = r.getLong(2);
      List<Object> v = new ArrayList<>(List.of(brand, platform, posts));
      long[] pb = new long[flags + 1];
      pb[0] = posts;
      for (int i = 0; i < flags; i++) {
        long n = r.getLong(3 + i);
        pb[i + 1] = n;
        v.add(n);
        v.add(posts == 0 ? null : (double) n / posts);
      }
      if (!ALL.equals(platform)) perPlatformBrand.computeIfAbsent(platform, p -> new TreeMap<>()).put(brand, pb);
      int k = 3 + flags; // then spam_units, replies, h0..h23, active_days, busy_days
      v.add(posts == 0 ? null : r.getLong(k) / SPAM_UNIT / posts);
      long activeDays = r.getLong(k + 26);
      v.add(r.getLong(k + 1));
      v.add(activeDays);
      v.add(activeDays == 0 ? null : (double) posts / activeDays);
      int busiest = 0; // ties: the earlier hour
      for (int i = 1; i < 24; i++) if (r.getLong(k + 2 + i) > r.getLong(k + 2 + busiest)) busiest = i;
      v.add(posts == 0 ? null : busiest);
      v.add(posts == 0 ? null : (double) r.getLong(k + 2 + busiest) / posts);
      v.add(activeDays == 0 ? null : (double) r.getLong(k + 27) / activeDays);
      v.add(accounts.getOrDefault(e.getKey(), 0L));
      rows.add(RowFactory.create(v.toArray()));
    }
    rows.sort(java.util.Comparator.<Row, String>comparing(r -> r.getString(0))
        .thenComparing(r -> ALL.equals(r.getString(1)) ? "" : r.getString(1)));

    List<Row> examples;
    try (Phase p = Phase.start(ctx.spark(), QualityMetrics.STAGE, "quality: examples")) {
      examples = examples(ctx, flagged);
    }
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
  private static List<Row> examples(AnalysisContext ctx, Dataset<Row> flagged) {
    Set<String> brandHandles = new HashSet<>();
    for (Row r : ctx.brandAccounts().select("handle").collectAsList()) {
      if (!r.isNullAt(0)) brandHandles.add(r.getString(0).toLowerCase(Locale.ROOT));
    }
    String key = ctx.settings().param(Parameter.QUALITY_PSEUDONYM_KEY);
    // one job for every flag: each flagged post once per flag it carries, the three smallest hashes per flag
    Column[] perFlag = new Column[QualityFlag.values().length];
    for (QualityFlag f : QualityFlag.values()) {
      perFlag[f.ordinal()] = when(col("flags").bitwiseAND(lit(f.bit())).notEqual(0), lit(f.column()));
    }
    Dataset<Row> picks = flagged.filter(col("flags").notEqual(0))
        .withColumn("flag", org.apache.spark.sql.functions.explode(
            org.apache.spark.sql.functions.filter(org.apache.spark.sql.functions.array(perFlag), c -> c.isNotNull())))
        .withColumn("pick", xxhash64(col("platform"), col("post_id")))
        .withColumn("n", org.apache.spark.sql.functions.row_number().over(
            org.apache.spark.sql.expressions.Window.partitionBy("flag").orderBy("pick", "platform", "post_id")))
        .filter(col("n").leq(EXAMPLES_PER_FLAG))
        .select("flag", "n", "brand", "platform", "post_id", "created_at", "text");
    Map<String, Row> byFlagAndRank = new TreeMap<>();
    for (Row r : picks.collectAsList()) byFlagAndRank.put(r.getString(0) + "\u0000" + r.getInt(1), r);
    List<Row> rows = new ArrayList<>();
    for (QualityFlag f : QualityFlag.values()) {
      for (int n = 1; n <= EXAMPLES_PER_FLAG; n++) {
        Row r = byFlagAndRank.get(f.column() + "\u0000" + n);
        if (r == null) break;
        rows.add(RowFactory.create(f.column(), r.getString(2), r.getString(3), r.getString(4), r.get(5),
            Pseudonyms.mentions(r.getString(6), brandHandles, key)));
      }
    }
    return rows;
  }

  /** sum(c).as(c) for every column of {@code d} but {@code keys}, in column order. */
  private static List<Column> sums(Dataset<Row> d, String... keys) {
    List<String> skip = List.of(keys);
    List<Column> out = new ArrayList<>();
    for (String c : d.columns()) if (!skip.contains(c)) out.add(sum(col(c)).as(c));
    return out;
  }

  private static Column[] rest(List<Column> columns) {
    return columns.subList(1, columns.size()).toArray(Column[]::new);
  }

  private static Double nan(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private static String key(String brand, String platform) {
    return brand + "\u0000" + platform;
  }
}
