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
 * {@link #recurringSkeletons} finds the templated replies; {@link #compute} merges the states by brand × platform
 * in one shuffle, the templated replies added. Integer counters only (spam probabilities in units of
 * 10<sup>-9</sup>), so the result does not depend on partitioning. Why not Spark SQL's aggregation: its 40
 * conditional sums per row made the hash aggregation spill to sort, several times slower than this.
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
      for (int i = 0; i < WIDTH; i++) c[i] += o.c[i];
      days.addAll(o.days);
      accounts.addAll(o.accounts);
      return this;
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

  /** What one partition of the scan folded: its cells and each flag's best example candidates. */
  static final class PartitionState implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<Cell, CellState> cells = new HashMap<>();
    private final List<List<Example>> best = new ArrayList<>(FLAGS);
    private final int examplesPerFlag;

    PartitionState(int examplesPerFlag) {
      this.examplesPerFlag = examplesPerFlag;
      for (int f = 0; f < FLAGS; f++) best.add(new ArrayList<>(examplesPerFlag + 1));
    }

    /** @param day epoch day or {@link #NO_DAY}; @param hour 0–23 or -1 */
    void count(String brand, String platform, String account, int flags, double spam, boolean reply, int day,
        int hour) {
      CellState s = cells.computeIfAbsent(new Cell(brand, platform), k -> new CellState());
      long[] c = s.c;
      c[POSTS]++;
      for (int f = 0; f < FLAGS; f++) if ((flags & (1 << f)) != 0) c[FLAG0 + f]++;
      c[SPAM_UNITS] += Math.round(spam * SPAM_UNIT);
      if (reply) c[REPLIES]++;
      if (hour >= 0) c[HOUR0 + hour]++;
      if (day != NO_DAY) s.days.add(day, 1);
      s.accounts.add(account);
    }

    /** Whether a post of this pick would enter the candidates of one of its flags (cheap, before building it). */
    boolean wantsExample(int flags, long pick) {
      for (int f = 0; f < FLAGS; f++) {
        if ((flags & (1 << f)) == 0) continue;
        List<Example> b = best.get(f);
        if (b.size() < examplesPerFlag || pick <= b.get(examplesPerFlag - 1).pick()) return true;
      }
      return false;
    }

    void offerExample(int flags, Example e) {
      for (int f = 0; f < FLAGS; f++) if ((flags & (1 << f)) != 0) keep(best.get(f), e, examplesPerFlag);
    }

    /** The partial states to merge: each cell, each brand's cell {@code all} (the sum of its platforms), examples. */
    void emit(String all, List<Tuple2<Key, State>> out) {
      Map<String, CellState> allCells = new HashMap<>();
      for (Map.Entry<Cell, CellState> e : cells.entrySet()) {
        Cell k = e.getKey();
        out.add(new Tuple2<>(new Key(CELL, k.brand(), k.platform(), 0), e.getValue()));
        CellState a = allCells.computeIfAbsent(k.brand(), b -> new CellState());
        for (int i = 0; i < WIDTH; i++) a.c[i] += e.getValue().c[i];
        a.days.addAll(e.getValue().days);
        // accounts are per platform: a brand's accounts over all platforms are the sum (set by compute)
      }
      for (Map.Entry<String, CellState> e : allCells.entrySet()) {
        out.add(new Tuple2<>(new Key(CELL, e.getKey(), all, 0), e.getValue()));
      }
      for (int f = 0; f < FLAGS; f++) {
        out.add(new Tuple2<>(new Key(EXAMPLES, null, null, f), new Candidates(best.get(f), examplesPerFlag)));
      }
    }
  }

  /**
   * {@link QualityMetrics#templateKey} of every reply skeleton that recurs at least {@code min} times among the
   * brand's replies: the replies with these skeletons are the templated ones. At most (replies / min) entries, small
   * enough for the driver and for a broadcast to the tasks that count.
   */
  static Set<String> recurringSkeletons(JavaRDD<Object> scan, long min) {
    return new HashSet<>(scan.filter(o -> o instanceof QualityScan.Reply)
        .mapToPair(o -> {
          QualityScan.Reply r = (QualityScan.Reply) o;
          return new Tuple2<>(r.template(), 1L);
        })
        .reduceByKey(Long::sum)
        .filter(e -> e._2() >= min)
        .keys().collect());
  }

  /**
   * Merges the partition states of the (cached) scan by key in one shuffle, each templated reply — a reply whose
   * skeleton is in {@code templates} — counted in its cells and offered as an example of the flag.
   */
  static Result compute(JavaRDD<Object> scan, Set<String> templates, long dailyThreshold, String all,
      int examplesPerFlag) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scan.context());
    Broadcast<Set<String>> recurring = jsc.broadcast(templates);
    int templated = QualityFlag.TEMPLATED_REPLY.ordinal();
    List<Tuple2<Key, Finished>> rows = scan
        .mapPartitionsToPair((Iterator<Object> it) -> {
          Set<String> t = recurring.value();
          PartitionState replies = new PartitionState(examplesPerFlag);
          List<Tuple2<Key, State>> out = new ArrayList<>();
          while (it.hasNext()) {
            Object o = it.next();
            if (o instanceof PartitionState s) {
              s.emit(all, out);
            } else if (o instanceof QualityScan.Reply r && !t.isEmpty()
                && t.contains(r.template())) {
              replies.cells.computeIfAbsent(new Cell(r.brand(), r.platform()), k -> new CellState()).c[FLAG0 + templated]++;
              List<Example> b = replies.best.get(templated);
              if (b.size() < examplesPerFlag || r.pick() <= b.get(examplesPerFlag - 1).pick()) {
                keep(b, new Example(r.pick(), r.brand(), r.platform(), r.postId(), r.createdAt(), r.text()),
                    examplesPerFlag);
              }
            }
          }
          replies.emit(all, out);
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

  private static void keep(List<Example> best, Example e, int limit) {
    int i = 0;
    while (i < best.size() && RANK.compare(best.get(i), e) < 0) i++;
    if (i >= limit) return;
    best.add(i, e);
    if (best.size() > limit) best.remove(limit);
  }
}
