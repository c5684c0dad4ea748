package io.megaphone.metrics.responsiveness;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Responsiveness (SPEC §3.1, post mode): {@code responsiveness} per brand × platform and per brand with
 * platform {@code all}, plus the brand's own activity (reply share, broadcast ratio), and
 * {@code responsiveness_monthly} for evolution.
 */
public final class ResponsivenessMetrics implements MetricFamily {
  public static final String ALL = "all";
  private static final String WHOLE_PERIOD = "";

  public static final StructType SCHEMA = new StructType()
      .add("brand", DataTypes.StringType).add("platform", DataTypes.StringType)
      .add("inbound", DataTypes.LongType).add("answered", DataTypes.LongType)
      .add("response_rate", DataTypes.DoubleType).add("rt_median_s", DataTypes.DoubleType)
      .add("rt_mean_s", DataTypes.DoubleType).add("rt_p90_s", DataTypes.DoubleType)
      .add("rt_mean_fastest90_s", DataTypes.DoubleType)
      .add("answered_0_1h", DataTypes.LongType).add("answered_1_8h", DataTypes.LongType)
      .add("answered_8_24h", DataTypes.LongType).add("answered_over_24h", DataTypes.LongType)
      .add("unanswered", DataTypes.LongType)
      .add("brand_posts", DataTypes.LongType).add("brand_originals", DataTypes.LongType)
      .add("brand_replies", DataTypes.LongType).add("brand_reposts", DataTypes.LongType)
      .add("replies_to_others", DataTypes.LongType).add("replies_unknown_target", DataTypes.LongType)
      .add("reply_share", DataTypes.DoubleType).add("broadcast_ratio", DataTypes.DoubleType);

  public static final StructType MONTHLY_SCHEMA = new StructType()
      .add("month", DataTypes.StringType).add("brand", DataTypes.StringType).add("platform", DataTypes.StringType)
      .add("inbound", DataTypes.LongType).add("answered", DataTypes.LongType)
      .add("response_rate", DataTypes.DoubleType).add("rt_median_s", DataTypes.DoubleType)
      .add("rt_mean_s", DataTypes.DoubleType).add("rt_p90_s", DataTypes.DoubleType);

  @Override
  public String name() {
    return "responsiveness";
  }

  @Override
  public List<MetricTable> compute(AnalysisContext ctx) {
    var s = ctx.settings();
    Dataset<Row> inbound = InboundPosts.withFirstResponse(ctx.archive(), ctx.brandAccounts(),
            s.seconds(Parameter.RESPONSIVENESS_HORIZON), s.bool(Parameter.RESPONSIVENESS_EXCLUDE_MULTI_BRAND),
            s.bool(Parameter.RESPONSIVENESS_QUESTIONS_ONLY))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // One aggregation for the four groupings (brand × platform, brand × all, and both per month): the inbound
      // rows are repeated under each grouping's keys, month "" standing for the whole period.
      Dataset<Row> keyed = inbound.withColumn("month", date_format(col("created_at"), "yyyy-MM"))
          .select("month", "brand", "platform", "post_id", "rt_us");
      Dataset<Row> periods = keyed.withColumn("month", lit(WHOLE_PERIOD)).unionByName(keyed);
      Dataset<Row> groupings = periods.unionByName(periods.withColumn("platform", lit(ALL)));
      Map<String, Row> stats = new TreeMap<>();
      Map<String, Row> monthly = new TreeMap<>();
      for (Row r : ResponseTimeStats.aggregate(groupings, "month", "brand", "platform").collectAsList()) {
        if (WHOLE_PERIOD.equals(r.getString(0))) {
          stats.put(key(r.getString(1), r.getString(2)), r);
        } else {
          monthly.put(r.getString(0) + "\u0000" + key(r.getString(1), r.getString(2)), r);
        }
      }
      Map<String, long[]> activity = activity(ctx);

      TreeMap<String, String[]> keys = new TreeMap<>(Comparator.naturalOrder());
      for (String k : stats.keySet()) keys.put(k, k.split("\u0000", -1));
      for (String k : activity.keySet()) keys.put(k, k.split("\u0000", -1));
      for (Row a : ctx.brandAccounts().select("brand", "platform").distinct().collectAsList()) {
        keys.put(key(a.getString(0), a.getString(1)), new String[] {a.getString(0), a.getString(1)});
        keys.put(key(a.getString(0), ALL), new String[] {a.getString(0), ALL});
      }
      List<Row> rows = new ArrayList<>();
      for (String[] k : keys.values()) rows.add(row(k[0], k[1], stats.get(key(k[0], k[1])), activity.get(key(k[0], k[1]))));
      rows.sort(BY_BRAND_THEN_PLATFORM);

      List<Row> monthRows = new ArrayList<>();
      for (Row r : monthly.values()) {
        Row full = row(r.getString(1), r.getString(2), r, null);
        monthRows.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), full.get(2), full.get(3),
            full.get(4), full.get(5), full.get(6), full.get(7)));
      }
      monthRows.sort(Comparator.<Row, String>comparing(r -> r.getString(0))
          .thenComparing((a, b) -> BY_BRAND_THEN_PLATFORM.compare(
              RowFactory.create(a.getString(1), a.getString(2)), RowFactory.create(b.getString(1), b.getString(2)))));
      return List.of(new MetricTable("responsiveness", SCHEMA, rows),
          new MetricTable("responsiveness_monthly", MONTHLY_SCHEMA, monthRows));
    } finally {
      inbound.unpersist();
    }
  }

  /** Brand first, then its {@code all} row, then its platforms alphabetically. */
  static final Comparator<Row> BY_BRAND_THEN_PLATFORM = Comparator.<Row, String>comparing(r -> r.getString(0))
      .thenComparing(r -> ALL.equals(r.getString(1)) ? "" : r.getString(1));

  private static String key(String brand, String platform) {
    return brand + "\u0000" + platform;
  }

  /** Per (brand, platform) and (brand, all): posts, originals, replies, reposts, replies to others, unknown targets. */
  private static Map<String, long[]> activity(AnalysisContext ctx) {
    Dataset<Row> own = ctx.brandAccounts().filter(col("account_id").isNotNull())
        .select(col("platform").as("o_platform"), col("account_id").as("o_id"), col("brand").as("o_brand")).distinct();
    Column reply = col("in_reply_to_post_id").isNotNull().and(col("is_repost").equalTo(false));
    Dataset<Row> agg = ctx.archive().filter(col("brand").isNotNull())
        .join(broadcast(own), col("platform").equalTo(col("o_platform"))
            .and(col("in_reply_to_account_id").equalTo(col("o_id"))).and(col("brand").equalTo(col("o_brand"))), "left")
        .groupBy("brand", "platform").agg(count(lit(1)),
            count(when(col("in_reply_to_post_id").isNull().and(col("is_repost").equalTo(false)), 1)),
            count(when(reply, 1)), count(when(col("is_repost"), 1)),
            count(when(reply.and(col("o_brand").isNull()), 1)),
            count(when(reply.and(col("in_reply_to_account_id").isNull()), 1)));
    Map<String, long[]> out = new TreeMap<>();
    for (Row r : agg.collectAsList()) {
      long[] v = new long[6];
      for (int i = 0; i < 6; i++) v[i] = r.getLong(2 + i);
      out.put(key(r.getString(0), r.getString(1)), v);
      long[] all = out.computeIfAbsent(key(r.getString(0), ALL), k -> new long[6]);
      for (int i = 0; i < 6; i++) all[i] += v[i];
    }
    return out;
  }

  /** {@code stats} is a row of {@link ResponseTimeStats#aggregate} (keys first), or null. */
  private static Row row(String brand, String platform, Row stats, long[] act) {
    int k = stats == null ? 0 : stats.length() - 10;
    long inbound = stats == null ? 0 : stats.getLong(k);
    long answered = stats == null ? 0 : stats.getLong(k + 1);
    Double rate = inbound == 0 ? null : (double) answered / inbound;
    Double median = null;
    Double p90 = null;
    Double mean = null;
    Double fastest = null;
    if (answered > 0) {
      List<Object> pct = stats.getList(k + 3);
      median = ((Number) pct.get(0)).doubleValue() / 1e6;
      p90 = ((Number) pct.get(1)).doubleValue() / 1e6;
      mean = stats.getLong(k + 2) / 1e6 / answered;
      fastest = stats.getLong(k + 8) / 1e6 / stats.getLong(k + 9);
    }
    long[] a = act == null ? new long[6] : act;
    Double replyShare = a[0] == 0 ? null : (double) a[4] / a[0];
    // SPEC §3.1: original posts / replies (all of the brand's replies, reposts excluded)
    Double broadcast = a[2] == 0 ? null : (double) a[1] / a[2];
    return RowFactory.create(brand, platform, inbound, answered, rate, median, mean, p90, fastest,
        stats == null ? 0L : stats.getLong(k + 4), stats == null ? 0L : stats.getLong(k + 5),
        stats == null ? 0L : stats.getLong(k + 6), stats == null ? 0L : stats.getLong(k + 7), inbound - answered,
        a[0], a[1], a[2], a[3], a[4], a[5], replyShare, broadcast);
  }
}
