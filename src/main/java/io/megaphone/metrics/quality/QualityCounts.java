package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The counts behind quality.csv and the examples of quality_examples.csv, as mergeable partial states in the
 * Deequ manner: each partition of the cached scores folds its posts into plain counters per brand × platform × day
 * (and brand × {@code all} × day), the days are merged by one shuffle of these few rows, then folded into one
 * counter array per brand × platform. Integer counters only (spam probabilities in units of 10<sup>-9</sup>), so
 * the result does not depend on partitioning. Why not Spark SQL's aggregation: its 40 conditional sums per row made
 * the hash aggregation spill to sort, several times slower than this loop.
 */
final class QualityCounts {
  private QualityCounts() {}

  static final int FLAGS = QualityFlag.values().length;
  /** Counter slots. */
  static final int POSTS = 0;
  static final int FLAG0 = 1;
  static final int SPAM_UNITS = FLAG0 + FLAGS;
  static final int REPLIES = SPAM_UNITS + 1;
  static final int HOUR0 = REPLIES + 1;
  static final int ACTIVE_DAYS = HOUR0 + 24;
  static final int BUSY_DAYS = ACTIVE_DAYS + 1;
  static final int WIDTH = BUSY_DAYS + 1;

  /** Spam probabilities are summed as integers in these units. */
  static final double SPAM_UNIT = 1e9;
  static final int NO_DAY = Integer.MIN_VALUE;

  record DayKey(String brand, String platform, int day) implements Serializable {}

  /**
   * brand + NUL + platform (and platform {@code all}) → counters; {@code templates} holds brand + NUL + skeleton of
   * the recurring reply skeletons.
   */
  static Map<String, long[]> count(Dataset<Row> scored, Set<String> templates, long dailyThreshold, String all) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scored.sparkSession().sparkContext());
    Broadcast<Set<String>> recurring = jsc.broadcast(templates);
    int templatedBit = QualityFlag.TEMPLATED_REPLY.bit();
    List<Tuple2<String, long[]>> rows = scored
        .select(col("brand"), col("platform"), unix_date(col("day")), col("hour"), col("flags"),
            col("spam_probability"), col("is_reply"), col("skeleton"))
        .javaRDD()
        .mapPartitionsToPair((Iterator<Row> it) -> {
          Set<String> t = recurring.value();
          Map<DayKey, long[]> days = new HashMap<>();
          while (it.hasNext()) {
            Row r = it.next();
            String brand = r.getString(0);
            int day = r.isNullAt(2) ? NO_DAY : r.getInt(2);
            int flags = r.getInt(4);
            boolean reply = r.getBoolean(6);
            if (reply && !t.isEmpty() && !r.isNullAt(7) && t.contains(brand + "\u0000" + r.getString(7))) {
              flags |= templatedBit;
            }
            long spam = Math.round(r.getDouble(5) * SPAM_UNIT);
            int hour = r.isNullAt(3) ? -1 : r.getInt(3);
            for (String platform : new String[] {r.getString(1), all}) {
              long[] c = days.computeIfAbsent(new DayKey(brand, platform, day), k -> new long[WIDTH]);
              c[POSTS]++;
              for (int f = 0; f < FLAGS; f++) if ((flags & (1 << f)) != 0) c[FLAG0 + f]++;
              c[SPAM_UNITS] += spam;
              if (reply) c[REPLIES]++;
              if (hour >= 0) c[HOUR0 + hour]++;
            }
          }
          List<Tuple2<DayKey, long[]>> out = new ArrayList<>(days.size());
          for (Map.Entry<DayKey, long[]> e : days.entrySet()) out.add(new Tuple2<>(e.getKey(), e.getValue()));
          return out.iterator();
        })
        .reduceByKey(QualityCounts::add)
        .mapToPair(e -> {
          long[] c = e._2();
          if (e._1().day() != NO_DAY) {
            c[ACTIVE_DAYS] = 1;
            c[BUSY_DAYS] = c[POSTS] > dailyThreshold ? 1 : 0;
          }
          return new Tuple2<>(e._1().brand() + "\u0000" + e._1().platform(), c);
        })
        .reduceByKey(QualityCounts::add)
        .collect();
    recurring.destroy();
    Map<String, long[]> out = new TreeMap<>();
    for (Tuple2<String, long[]> r : rows) out.put(r._1(), r._2());
    return out;
  }

  private static long[] add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) a[i] += b[i];
    return a;
  }

  /** One example candidate; ranked by {@code pick} (a hash of platform and post id), then platform, post id. */
  record Example(long pick, String brand, String platform, String postId, Timestamp createdAt, String text)
      implements Serializable {}

  static final Comparator<Example> RANK = Comparator.comparingLong(Example::pick)
      .thenComparing(Example::platform).thenComparing(Example::postId);

  /**
   * Up to {@code perFlag} examples per flag (index = flag ordinal), the posts with the smallest pick: each partition
   * keeps its own smallest, the driver merges these few.
   */
  static List<List<Example>> examples(Dataset<Row> scored, Set<String> templates, int perFlag) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scored.sparkSession().sparkContext());
    Broadcast<Set<String>> recurring = jsc.broadcast(templates);
    int templatedBit = QualityFlag.TEMPLATED_REPLY.bit();
    List<List<List<Example>>> parts = scored
        .select(xxhash64(col("platform"), col("post_id")), col("brand"), col("platform"), col("post_id"),
            col("created_at"), col("text"), col("flags"), col("is_reply"), col("skeleton"))
        .javaRDD()
        .mapPartitions((Iterator<Row> it) -> {
          Set<String> t = recurring.value();
          List<List<Example>> best = empty();
          while (it.hasNext()) {
            Row r = it.next();
            int flags = r.getInt(6);
            if (r.getBoolean(7) && !t.isEmpty() && !r.isNullAt(8)
                && t.contains(r.getString(1) + "\u0000" + r.getString(8))) {
              flags |= templatedBit;
            }
            if (flags == 0) continue;
            Example e = null;
            for (int f = 0; f < FLAGS; f++) {
              if ((flags & (1 << f)) == 0) continue;
              List<Example> b = best.get(f);
              if (b.size() == perFlag && r.getLong(0) > b.get(perFlag - 1).pick()) continue;
              if (e == null) {
                e = new Example(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4),
                    r.getString(5));
              }
              keep(b, e, perFlag);
            }
          }
          return List.of(best).iterator();
        })
        .collect();
    recurring.destroy();
    List<List<Example>> merged = empty();
    for (List<List<Example>> p : parts) {
      for (int f = 0; f < FLAGS; f++) for (Example e : p.get(f)) keep(merged.get(f), e, perFlag);
    }
    return merged;
  }

  private static List<List<Example>> empty() {
    List<List<Example>> l = new ArrayList<>(FLAGS);
    for (int f = 0; f < FLAGS; f++) l.add(new ArrayList<>());
    return l;
  }

  private static void keep(List<Example> best, Example e, int limit) {
    int i = 0;
    while (i < best.size() && RANK.compare(best.get(i), e) < 0) i++;
    if (i >= limit) return;
    best.add(i, e);
    if (best.size() > limit) best.remove(limit);
  }
}
