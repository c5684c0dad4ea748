package io.megaphone.metrics.duplication;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** duplication.csv, duplication_pairs.csv and duplication_top_clusters.csv from the clustered posts. */
final class DuplicationTables {
  private DuplicationTables() {}

  static final String ALL = "all";
  /** Clusters per brand listed (with their posts) in duplication_top_clusters, and posts shown per cluster. */
  static final int TOP_CLUSTERS = 5;
  static final int POSTS_PER_TOP_CLUSTER = 8;

  public static final StructType SCHEMA = new StructType()
      .add("brand", DataTypes.StringType).add("platform", DataTypes.StringType)
      .add("posts_considered", DataTypes.LongType).add("cross_platform_clusters", DataTypes.LongType)
      .add("cross_platform_dup_rate", DataTypes.DoubleType).add("self_repetition_rate", DataTypes.DoubleType)
      .add("verbatim_share", DataTypes.DoubleType)
      .add("originals", DataTypes.LongType).add("posts_too_short", DataTypes.LongType)
      .add("clusters", DataTypes.LongType).add("posts_in_clusters", DataTypes.LongType)
      .add("cross_platform_posts", DataTypes.LongType).add("self_repeated_posts", DataTypes.LongType)
      .add("verbatim_cross_platform_clusters", DataTypes.LongType)
      .add("adapted_cross_platform_clusters", DataTypes.LongType)
      .add("candidate_pairs", DataTypes.LongType).add("near_duplicate_pairs", DataTypes.LongType)
      .add("capped_buckets", DataTypes.LongType);

  public static final StructType PAIRS_SCHEMA = new StructType()
      .add("brand", DataTypes.StringType).add("platform_a", DataTypes.StringType)
      .add("platform_b", DataTypes.StringType).add("clusters", DataTypes.LongType)
      .add("first_on_a", DataTypes.LongType).add("first_on_b", DataTypes.LongType)
      .add("same_time", DataTypes.LongType).add("median_lag_s", DataTypes.DoubleType)
      .add("mean_lag_s", DataTypes.DoubleType);

  public static final StructType TOP_SCHEMA = new StructType()
      .add("brand", DataTypes.StringType).add("cluster_rank", DataTypes.IntegerType)
      .add("cluster_id", DataTypes.LongType).add("cluster_posts", DataTypes.LongType)
      .add("cluster_platforms", DataTypes.LongType).add("verbatim", DataTypes.BooleanType)
      .add("platform", DataTypes.StringType).add("post_id", DataTypes.StringType)
      .add("account_handle", DataTypes.StringType).add("created_at", DataTypes.TimestampType)
      .add("text", DataTypes.StringType);

  /**
   * {@code counted}: brand, platform, originals, too_short; {@code clustered}: the considered posts with their
   * cluster; {@code perBrand}: candidate pairs, verified pairs, capped buckets per brand.
   */
  static List<MetricTable> build(AnalysisContext ctx, Dataset<Row> counted, Dataset<Row> clustered,
      Map<String, long[]> perBrand, DuplicationOptions o) {
    // one row per (cluster, platform): how many of the cluster's posts are on the platform, and the first one's time
    Dataset<Row> cp = clustered.groupBy("brand", "cluster_id", "platform").agg(count(lit(1)).as("n_p"),
        min("created_at").as("first_p"), first("cluster_posts").as("n"), first("cluster_platforms").as("np"),
        first("cluster_texts").as("nt")).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      return build(ctx, counted, cp, clustered, perBrand);
    } finally {
      cp.unpersist();
    }
  }

  /** {@code cp}: one row per (cluster, platform), read by every table below (persisted by the caller). */
  private static List<MetricTable> build(AnalysisContext ctx, Dataset<Row> counted, Dataset<Row> cp,
      Dataset<Row> clustered, Map<String, long[]> perBrand) {
    Column inCluster = col("n").geq(2);
    Column crossPlatform = col("np").geq(2);
    Column selfRepeated = col("n_p").geq(2);
    Column verbatim = crossPlatform.and(col("nt").equalTo(1));
    Map<String, long[]> stats = new TreeMap<>();
    for (Row r : cp.groupBy("brand", "platform").agg(sum("n_p"), sum(when(inCluster, col("n_p")).otherwise(0)),
        sum(when(crossPlatform, col("n_p")).otherwise(0)), sum(when(selfRepeated, col("n_p")).otherwise(0)),
        count(when(inCluster, 1)), count(when(crossPlatform, 1)), count(when(verbatim, 1))).collectAsList()) {
      stats.put(key(r.getString(0), r.getString(1)), longs(r, 2, 7));
    }
    for (Row r : cp.groupBy("brand").agg(sum("n_p"), sum(when(inCluster, col("n_p")).otherwise(0)),
        sum(when(crossPlatform, col("n_p")).otherwise(0)), sum(when(selfRepeated, col("n_p")).otherwise(0)),
        countDistinct(when(inCluster, col("cluster_id"))), countDistinct(when(crossPlatform, col("cluster_id"))),
        countDistinct(when(verbatim, col("cluster_id")))).collectAsList()) {
      stats.put(key(r.getString(0), ALL), longs(r, 1, 7));
    }
    Map<String, long[]> originals = new TreeMap<>();
    for (Row r : counted.collectAsList()) {
      long[] v = {r.getLong(2), r.getLong(3)};
      originals.put(key(r.getString(0), r.getString(1)), v);
      long[] all = originals.computeIfAbsent(key(r.getString(0), ALL), k -> new long[2]);
      all[0] += v[0];
      all[1] += v[1];
    }
    TreeSet<String> keys = new TreeSet<>(stats.keySet());
    keys.addAll(originals.keySet());
    Map<String, TreeSet<String>> platformsOf = new TreeMap<>();
    for (Row a : ctx.brandAccounts().select("brand", "platform").distinct().collectAsList()) {
      keys.add(key(a.getString(0), a.getString(1)));
      keys.add(key(a.getString(0), ALL));
    }
    List<Row> rows = new ArrayList<>();
    for (String k : keys) {
      String[] bp = k.split("\u0000", -1);
      long[] s = stats.getOrDefault(k, new long[7]);
      long[] og = originals.getOrDefault(k, new long[2]);
      boolean all = ALL.equals(bp[1]);
      long[] lsh = all ? perBrand.getOrDefault(bp[0], new long[3]) : null;
      if (!all && s[0] > 0) platformsOf.computeIfAbsent(bp[0], x -> new TreeSet<>()).add(bp[1]);
      rows.add(RowFactory.create(bp[0], bp[1], s[0], s[5], rate(s[2], s[0]), rate(s[3], s[0]), rate(s[6], s[5]),
          og[0], og[1], s[4], s[1], s[2], s[3], s[6], s[5] - s[6], all ? lsh[0] : null, all ? lsh[1] : null,
          all ? lsh[2] : null));
    }
    rows.sort(BY_BRAND_THEN_PLATFORM);
    return List.of(new MetricTable("duplication", SCHEMA, rows),
        new MetricTable("duplication_pairs", PAIRS_SCHEMA, pairs(cp, platformsOf)),
        new MetricTable("duplication_top_clusters", TOP_SCHEMA, topClusters(cp, clustered)));
  }

  /** Per brand and platform pair (a before b alphabetically) on which the brand has considered posts. */
  private static List<Row> pairs(Dataset<Row> cp, Map<String, TreeSet<String>> platformsOf) {
    Dataset<Row> spanning = cp.filter(col("np").geq(2)).select("brand", "cluster_id", "platform", "first_p");
    Dataset<Row> l = spanning.toDF("brand", "cluster_id", "platform_a", "first_a");
    Dataset<Row> r = spanning.toDF("brand", "cluster_id", "platform_b", "first_b");
    Column lag = unix_micros(col("first_b")).minus(unix_micros(col("first_a"))).divide(1e6);
    Map<String, Row> measured = new TreeMap<>();
    for (Row x : l.join(r, new String[] {"brand", "cluster_id"}).toDF()
        .filter(col("platform_a").lt(col("platform_b"))).withColumn("lag", lag)
        .groupBy("brand", "platform_a", "platform_b").agg(count(lit(1)), count(when(col("lag").gt(0), 1)),
            count(when(col("lag").lt(0), 1)), count(when(col("lag").equalTo(0), 1)),
            percentile(abs(col("lag")), lit(0.5)), org.apache.spark.sql.functions.avg(abs(col("lag"))))
        .collectAsList()) {
      measured.put(x.getString(0) + "\u0000" + x.getString(1) + "\u0000" + x.getString(2), x);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, TreeSet<String>> e : platformsOf.entrySet()) {
      List<String> ps = new ArrayList<>(e.getValue());
      for (int i = 0; i < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          Row m = measured.get(e.getKey() + "\u0000" + ps.get(i) + "\u0000" + ps.get(j));
          rows.add(m == null ? RowFactory.create(e.getKey(), ps.get(i), ps.get(j), 0L, 0L, 0L, 0L, null, null)
              : RowFactory.create(e.getKey(), ps.get(i), ps.get(j), m.getLong(3), m.getLong(4), m.getLong(5),
                  m.getLong(6), m.getDouble(7), m.getDouble(8)));
        }
      }
    }
    return rows;
  }

  /** The largest clusters of each brand (posts, then platforms, then id), with their first posts in time order. */
  private static List<Row> topClusters(Dataset<Row> cp, Dataset<Row> clustered) {
    Dataset<Row> ranked = cp.groupBy("brand", "cluster_id").agg(first("n").as("n"), first("np").as("np"),
            first("nt").as("nt"))
        .filter(col("n").geq(2))
        .withColumn("cluster_rank", row_number().over(Window.partitionBy("brand")
            .orderBy(col("n").desc(), col("np").desc(), col("cluster_id"))))
        .filter(col("cluster_rank").leq(TOP_CLUSTERS));
    Dataset<Row> members = clustered.join(org.apache.spark.sql.functions.broadcast(
            ranked.select("brand", "cluster_id", "cluster_rank", "nt")), new String[] {"brand", "cluster_id"})
        .withColumn("member", row_number().over(Window.partitionBy("brand", "cluster_id")
            .orderBy("created_at", "platform", "post_id")))
        .filter(col("member").leq(POSTS_PER_TOP_CLUSTER))
        .select(col("brand"), col("cluster_rank"), col("cluster_id"), col("cluster_posts"), col("cluster_platforms"),
            col("nt").equalTo(1).as("verbatim"), col("platform"), col("post_id"), col("account_handle"),
            col("created_at"), col("text"), col("member"));
    List<Row> rows = new ArrayList<>();
    List<Row> collected = new ArrayList<>(members.collectAsList());
    collected.sort(Comparator.<Row, String>comparing(x -> x.getString(0)).thenComparingInt(x -> x.getInt(1))
        .thenComparingInt(x -> x.getInt(11)));
    for (Row x : collected) {
      rows.add(RowFactory.create(x.getString(0), x.getInt(1), x.getLong(2), x.getLong(3), x.getLong(4),
          x.getBoolean(5), x.getString(6), x.getString(7), x.get(8), x.get(9), x.get(10)));
    }
    return rows;
  }

  static final Comparator<Row> BY_BRAND_THEN_PLATFORM = Comparator.<Row, String>comparing(r -> r.getString(0))
      .thenComparing(r -> ALL.equals(r.getString(1)) ? "" : r.getString(1));

  private static Double rate(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }

  private static long[] longs(Row r, int from, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) v[i] = r.isNullAt(from + i) ? 0 : ((Number) r.get(from + i)).longValue();
    return v;
  }

  private static String key(String brand, String platform) {
    return brand + "\u0000" + platform;
  }
}
