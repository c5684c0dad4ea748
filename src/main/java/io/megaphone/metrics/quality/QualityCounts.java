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
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import scala.Tuple2;

/**
 * The counts behind quality.csv (with account sprawl) and the examples of quality_examples.csv, as mergeable partial
 * states in the Deequ manner, from one scan of the cached scores: see {@link #compute}. Integer counters only (spam
 * probabilities in units of 10<sup>-9</sup>), so the result does not depend on partitioning. Why not Spark SQL's aggregation: its 40 conditional sums per row made
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
  static final int ACCOUNTS = BUSY_DAYS + 1;
  static final int WIDTH = ACCOUNTS + 1;

  /** Spam probabilities are summed as integers in these units. */
  static final double SPAM_UNIT = 1e9;
  static final int NO_DAY = Integer.MIN_VALUE;

  /**
   * What a key of the one pass aggregates: a brand × platform × day (n = epoch day), an account, a flag's examples
   * (n = flag ordinal), a brand × platform total. Ints, not an enum: shuffles place keys by hashCode, which must be
   * the same in every executor JVM, and an enum's is not.
   */
  static final int DAY = 0;
  static final int ACCOUNT = 1;
  static final int EXAMPLES = 2;
  static final int TOTAL = 3;

  record Key(int kind, String brand, String platform, String account, int n) implements Serializable {}

  /** A mergeable partial state: counters, or a flag's best example candidates. */
  sealed interface State extends Serializable permits Counts, Candidates {
    State merge(State other);
  }

  record Counts(long[] c) implements State {
    @Override
    public State merge(State other) {
      long[] o = ((Counts) other).c();
      for (int i = 0; i < c.length; i++) c[i] += o[i];
      return this;
    }
  }

  record Candidates(List<Example> best, int limit) implements State {
    @Override
    public State merge(State other) {
      for (Example e : ((Candidates) other).best()) keep(best, e, limit);
      return this;
    }
  }

  /** A row of quality.csv: a brand on a platform, or on all of them. */
  record Cell(String brand, String platform) {}

  /** quality.csv's counters per brand × platform (and platform {@code all}), and the examples per flag. */
  record Result(Map<Cell, long[]> counts, List<List<Example>> examples) {}

  /**
   * One scan of the cached scores folds every post into its partition's states — counters per brand × platform ×
   * day and per brand × {@code all} × day, the set of accounts, each flag's best example candidates — then one
   * shuffle merges the states by key, a second folds days and accounts into brand × platform totals.
   *
   * @param templates the recurring reply skeletons ({@link QualityMetrics#templateKey}): the templated replies
   */
  static Result compute(Dataset<Row> scored, Set<String> templates, long dailyThreshold, String all,
      int examplesPerFlag) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scored.sparkSession().sparkContext());
    Broadcast<Set<String>> recurring = jsc.broadcast(templates);
    int templatedBit = QualityFlag.TEMPLATED_REPLY.bit();
    List<Tuple2<Key, State>> rows = scored
        .select(col("brand"), col("platform"), unix_date(col("day")), col("hour"), col("flags"),
            col("spam_probability"), col("is_reply"), col("skeleton"), col("account_id"),
            xxhash64(col("platform"), col("post_id")), col("post_id"), col("created_at"), col("text"))
        // Spark's internal rows, read field by field: converting every row to a Row decoded all 13 fields, where
        // most rows need brand, platform and account only as strings (the example fields are read for the few
        // candidates). The iterator reuses its row: nothing is kept from it but copies.
        .queryExecution().toRdd().toJavaRDD()
        .mapPartitionsToPair((Iterator<InternalRow> it) -> {
          Set<String> t = recurring.value();
          Map<Key, State> states = new HashMap<>();
          List<List<Example>> best = new ArrayList<>(FLAGS);
          for (int f = 0; f < FLAGS; f++) best.add(new ArrayList<>());
          while (it.hasNext()) {
            InternalRow r = it.next();
            String brand = r.getUTF8String(0).toString();
            String platform = r.getUTF8String(1).toString();
            int day = r.isNullAt(2) ? NO_DAY : r.getInt(2);
            int flags = r.getInt(4);
            boolean reply = r.getBoolean(6);
            if (reply && !t.isEmpty() && !r.isNullAt(7) && t.contains(QualityMetrics.templateKey(brand, r.getUTF8String(7).toString()))) {
              flags |= templatedBit;
            }
            long spam = Math.round(r.getDouble(5) * SPAM_UNIT);
            int hour = r.isNullAt(3) ? -1 : r.getInt(3);
            count(states, new Key(DAY, brand, platform, null, day), flags, spam, reply, hour);
            count(states, new Key(DAY, brand, all, null, day), flags, spam, reply, hour);
            states.putIfAbsent(new Key(ACCOUNT, brand, platform, r.isNullAt(8) ? null : r.getUTF8String(8).toString(),
                0), NO_COUNTS);
            Example e = null;
            for (int f = 0; f < FLAGS && flags != 0; f++) {
              if ((flags & (1 << f)) == 0) continue;
              List<Example> b = best.get(f);
              if (b.size() == examplesPerFlag && r.getLong(9) > b.get(examplesPerFlag - 1).pick()) continue;
              if (e == null) {
                e = new Example(r.getLong(9), brand, platform, string(r, 10),
                    r.isNullAt(11) ? null : DateTimeUtils.toJavaTimestamp(r.getLong(11)), string(r, 12));
              }
              keep(b, e, examplesPerFlag);
            }
          }
          List<Tuple2<Key, State>> out = new ArrayList<>(states.size() + FLAGS);
          for (Map.Entry<Key, State> e : states.entrySet()) out.add(new Tuple2<>(e.getKey(), e.getValue()));
          for (int f = 0; f < FLAGS; f++) {
            out.add(new Tuple2<>(new Key(EXAMPLES, null, null, null, f),
                new Candidates(best.get(f), examplesPerFlag)));
          }
          return out.iterator();
        })
        .reduceByKey(State::merge)
        .flatMapToPair(e -> {
          Key k = e._1();
          List<Tuple2<Key, State>> out = new ArrayList<>(2);
          if (k.kind() == DAY) {
            long[] c = ((Counts) e._2()).c();
            if (k.n() != NO_DAY) {
              c[ACTIVE_DAYS] = 1;
              c[BUSY_DAYS] = c[POSTS] > dailyThreshold ? 1 : 0;
            }
            out.add(new Tuple2<>(new Key(TOTAL, k.brand(), k.platform(), null, 0), e._2()));
          } else if (k.kind() == ACCOUNT) {
            // accounts are per platform: a brand's accounts over all platforms are the sum
            for (String p : new String[] {k.platform(), all}) {
              long[] c = new long[WIDTH];
              c[ACCOUNTS] = 1;
              out.add(new Tuple2<>(new Key(TOTAL, k.brand(), p, null, 0), new Counts(c)));
            }
          } else {
            out.add(new Tuple2<>(k, e._2()));
          }
          return out.iterator();
        })
        .reduceByKey(State::merge)
        .collect();
    recurring.destroy();
    Map<Cell, long[]> counts = new HashMap<>();
    List<List<Example>> examples = new ArrayList<>(FLAGS);
    for (int f = 0; f < FLAGS; f++) examples.add(List.of());
    for (Tuple2<Key, State> r : rows) {
      Key k = r._1();
      if (k.kind() == TOTAL) counts.put(new Cell(k.brand(), k.platform()), ((Counts) r._2()).c());
      else if (k.kind() == EXAMPLES) examples.set(k.n(), ((Candidates) r._2()).best());
    }
    return new Result(counts, examples);
  }

  /** One example candidate; ranked by {@code pick} (a hash of platform and post id), then platform, post id. */
  record Example(long pick, String brand, String platform, String postId, Timestamp createdAt, String text)
      implements Serializable {}

  static final Comparator<Example> RANK = Comparator.comparingLong(Example::pick)
      .thenComparing(Example::platform).thenComparing(Example::postId);

  private static final Counts NO_COUNTS = new Counts(new long[0]);

  private static void count(Map<Key, State> states, Key key, int flags, long spam, boolean reply, int hour) {
    long[] c = ((Counts) states.computeIfAbsent(key, k -> new Counts(new long[WIDTH]))).c();
    c[POSTS]++;
    for (int f = 0; f < FLAGS; f++) if ((flags & (1 << f)) != 0) c[FLAG0 + f]++;
    c[SPAM_UNITS] += spam;
    if (reply) c[REPLIES]++;
    if (hour >= 0) c[HOUR0 + hour]++;
  }

  private static String string(InternalRow r, int i) {
    return r.isNullAt(i) ? null : r.getUTF8String(i).toString();
  }

  private static void keep(List<Example> best, Example e, int limit) {
    int i = 0;
    while (i < best.size() && RANK.compare(best.get(i), e) < 0) i++;
    if (i >= limit) return;
    best.add(i, e);
    if (best.size() > limit) best.remove(limit);
  }
}
