package io.megaphone.metrics.quality;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The counts behind quality.csv (with account sprawl) and the examples of quality_examples.csv, as mergeable
 * states in the Deequ manner: {@link QualityScan} folds each post into its partition's {@link PartitionState};
 * {@link #recurringSkeletons} finds the templated replies from the states' reply counts per skeleton;
 * {@link #compute} merges the states by brand × platform in one shuffle, the templated replies added. Integer
 * counters only (spam probabilities in units of 10<sup>-9</sup>), so the result does not depend on partitioning.
 * Why not Spark SQL's aggregation: its 40 conditional sums per row made the hash aggregation spill to sort,
 * several times slower than this.
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
   * What a key of the merge holds: a brand × platform cell, or a flag's examples (n = flag ordinal). Ints, not an
   * enum: shuffles place keys by hashCode, which must be the same in every executor JVM, and an enum's is not.
   */
  static final int CELL = 0;
  static final int EXAMPLES = 1;

  record Key(int kind, String brand, String platform, int n) implements Serializable {}

  /** A row of quality.csv: a brand on a platform, or on all of them. */
  record Cell(String brand, String platform) implements Serializable {}

  /** A mergeable partial state: a cell's counters, or a flag's best example candidates. */
  sealed interface State extends Serializable permits CellState, Candidates {
    State merge(State other);
  }

  /** A brand × platform's counters (slots above, up to {@link #REPLIES} and the hours), posts per day, accounts. */
  static final class CellState implements State {
    private static final long serialVersionUID = 1L;
    final long[] c = new long[WIDTH];
    final DayCounts days = new DayCounts();
    final Set<String> accounts = new HashSet<>();

    @Override
    public State merge(State other) {
      CellState o = (CellState) other;
      addCounts(o);
      accounts.addAll(o.accounts);
      return this;
    }

    /** Adds the counters and posts per day of {@code o}, not its accounts. */
    void addCounts(CellState o) {
      for (int i = 0; i < WIDTH; i++) c[i] += o.c[i];
      days.addAll(o.days);
    }

    CellState copy() {
      CellState o = new CellState();
      o.merge(this);
      return o;
    }

    /** The counters of quality.csv once every partition is merged: active days, busy days, accounts filled in. */
    long[] finish(long dailyThreshold) {
      long[] out = c.clone();
      out[ACTIVE_DAYS] = days.size();
      out[BUSY_DAYS] = days.countAbove(dailyThreshold);
      out[ACCOUNTS] = accounts.size();
      return out;
    }
  }

  record Candidates(List<Example> best, int limit) implements State {
    @Override
    public State merge(State other) {
      for (Example e : ((Candidates) other).best()) keep(best, e, limit);
      return this;
    }
  }

  /** One example candidate; ranked by {@code pick} (a hash of platform and post id), then platform, post id. */
  record Example(long pick, String brand, String platform, String postId, Timestamp createdAt, String text)
      implements Serializable {}

  static final Comparator<Example> RANK = Comparator.comparingLong(Example::pick)
      .thenComparing(Example::platform).thenComparing(Example::postId);

  /** quality.csv's counters per brand × platform (and platform {@code all}), and the examples per flag. */
  record Result(Map<Cell, long[]> counts, List<List<Example>> examples) {}

  /**
   * {@link QualityMetrics#templateKey} of every reply skeleton that recurs at least {@code min} times among the
   * brand's replies: the replies with these skeletons are the templated ones. At most (replies / min) entries, small
   * enough for the driver and for a broadcast to the tasks that count.
   */
  static Set<String> recurringSkeletons(JavaRDD<PartitionState> scan, long min) {
    return new HashSet<>(scan.flatMapToPair(PartitionState::templateCounts)
        .reduceByKey(Long::sum)
        .filter(e -> e._2() >= min)
        .keys().collect());
  }

  /**
   * Merges the partition states of the (cached) scan by key in one shuffle, the templated replies — those whose
   * skeleton is in {@code templates} — counted in their cells and offered as examples of the flag.
   */
  static Result compute(JavaRDD<PartitionState> scan, Set<String> templates, long dailyThreshold, String all,
      int examplesPerFlag) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scan.context());
    Broadcast<Set<String>> recurring = jsc.broadcast(templates);
    List<Tuple2<Key, Finished>> rows = scan
        .flatMapToPair(s -> {
          List<Tuple2<Key, State>> out = new ArrayList<>();
          s.emit(all, recurring.value(), out);
          return out.iterator();
        })
        .reduceByKey(State::merge)
        .mapValues(s -> s instanceof CellState c ? new Finished(c.finish(dailyThreshold), null) : new Finished(null,
            ((Candidates) s).best()))
        .collect();
    recurring.destroy();

    Map<Cell, long[]> counts = new HashMap<>();
    List<List<Example>> examples = new ArrayList<>(FLAGS);
    for (int f = 0; f < FLAGS; f++) examples.add(List.of());
    Map<String, Long> accounts = new HashMap<>();
    for (Tuple2<Key, Finished> r : rows) {
      Key k = r._1();
      if (k.kind() == CELL) {
        counts.put(new Cell(k.brand(), k.platform()), r._2().counts());
        if (!all.equals(k.platform())) accounts.merge(k.brand(), r._2().counts()[ACCOUNTS], Long::sum);
      } else {
        examples.set(k.n(), r._2().examples());
      }
    }
    for (Map.Entry<Cell, long[]> e : counts.entrySet()) {
      if (all.equals(e.getKey().platform())) e.getValue()[ACCOUNTS] = accounts.getOrDefault(e.getKey().brand(), 0L);
    }
    return new Result(counts, examples);
  }

  /** A merged state as collected: a cell's finished counters, or a flag's examples. */
  record Finished(long[] counts, List<Example> examples) implements Serializable {}

  /** Whether a candidate of this pick could enter {@code best} (ties are decided by {@link #keep}). */
  static boolean wanted(List<Example> best, long pick, int limit) {
    return best.size() < limit || pick <= best.get(limit - 1).pick();
  }

  static void keep(List<Example> best, Example e, int limit) {
    int i = 0;
    while (i < best.size() && RANK.compare(best.get(i), e) < 0) i++;
    if (i >= limit) return;
    best.add(i, e);
    if (best.size() > limit) best.remove(limit);
  }
}
