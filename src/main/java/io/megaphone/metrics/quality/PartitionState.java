package io.megaphone.metrics.quality;

import static io.megaphone.metrics.quality.QualityCounts.CELL;
import static io.megaphone.metrics.quality.QualityCounts.EXAMPLES;
import static io.megaphone.metrics.quality.QualityCounts.FLAG0;
import static io.megaphone.metrics.quality.QualityCounts.FLAGS;
import static io.megaphone.metrics.quality.QualityCounts.HOUR0;
import static io.megaphone.metrics.quality.QualityCounts.NO_DAY;
import static io.megaphone.metrics.quality.QualityCounts.POSTS;
import static io.megaphone.metrics.quality.QualityCounts.REPLIES;
import static io.megaphone.metrics.quality.QualityCounts.SPAM_UNIT;
import static io.megaphone.metrics.quality.QualityCounts.SPAM_UNITS;
import static io.megaphone.metrics.quality.QualityCounts.keep;
import static io.megaphone.metrics.quality.QualityCounts.wanted;

import io.megaphone.metrics.quality.QualityCounts.Candidates;
import io.megaphone.metrics.quality.QualityCounts.Cell;
import io.megaphone.metrics.quality.QualityCounts.CellState;
import io.megaphone.metrics.quality.QualityCounts.Example;
import io.megaphone.metrics.quality.QualityCounts.Key;
import io.megaphone.metrics.quality.QualityCounts.State;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import scala.Tuple2;

/**
 * What one partition of the scan folded: its cells, each flag's best example candidates, and its replies grouped
 * by brand and skeleton (whether they are templated is known once all partitions are counted). Cached between
 * the jobs that read it, so never changed by them: {@link #emit} hands out copies (a shuffle's combiners are
 * merged in place).
 */
final class PartitionState implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<Cell, CellState> cells = new HashMap<>();
  private final List<List<Example>> best = new ArrayList<>(FLAGS);
  /** {@link QualityMetrics#templateKey} → the replies with that skeleton */
  private final Map<String, TemplateGroup> templates = new HashMap<>();
  private final int examplesPerFlag;

  PartitionState(int examplesPerFlag) {
    this.examplesPerFlag = examplesPerFlag;
    for (int f = 0; f < FLAGS; f++) best.add(new ArrayList<>(examplesPerFlag + 1));
  }

  /** @param day epoch day or {@link QualityCounts#NO_DAY}; @param hour 0–23 or -1 */
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
      if (wanted(best.get(f), pick, examplesPerFlag)) return true;
    }
    return false;
  }

  void offerExample(int flags, Example e) {
    for (int f = 0; f < FLAGS; f++) if ((flags & (1 << f)) != 0) keep(best.get(f), e, examplesPerFlag);
  }

  /** A brand reply and its {@link QualityMetrics#templateKey}; {@code example} builds its candidate if wanted. */
  void reply(String brand, String platform, String template, long pick, Supplier<Example> example) {
    TemplateGroup g = templates.computeIfAbsent(template, k -> new TemplateGroup(brand));
    g.count(platform);
    if (wanted(g.best, pick, examplesPerFlag)) keep(g.best, example.get(), examplesPerFlag);
  }

  /** Each skeleton's number of replies in this partition. */
  Iterator<Tuple2<String, Long>> templateCounts() {
    List<Tuple2<String, Long>> out = new ArrayList<>(templates.size());
    for (Map.Entry<String, TemplateGroup> e : templates.entrySet()) {
      out.add(new Tuple2<>(e.getKey(), e.getValue().total()));
    }
    return out.iterator();
  }

  /**
   * The partial states to merge, as copies: each cell with its templated replies (those whose skeleton is in
   * {@code recurring}) counted, each brand's cell {@code all} (the sum of its platforms), each flag's examples.
   */
  void emit(String all, Set<String> recurring, List<Tuple2<Key, State>> out) {
    Map<Cell, CellState> copies = new HashMap<>();
    for (Map.Entry<Cell, CellState> e : cells.entrySet()) copies.put(e.getKey(), e.getValue().copy());
    List<List<Example>> examples = new ArrayList<>(FLAGS);
    for (List<Example> b : best) examples.add(new ArrayList<>(b));
    int templated = QualityFlag.TEMPLATED_REPLY.ordinal();
    if (!recurring.isEmpty()) {
      for (Map.Entry<String, TemplateGroup> e : templates.entrySet()) {
        if (!recurring.contains(e.getKey())) continue;
        TemplateGroup g = e.getValue();
        for (int i = 0; i < g.size; i++) {
          copies.get(new Cell(g.brand, g.platforms[i])).c[FLAG0 + templated] += g.counts[i];
        }
        for (Example x : g.best) keep(examples.get(templated), x, examplesPerFlag);
      }
    }
    Map<String, CellState> allCells = new HashMap<>();
    for (Map.Entry<Cell, CellState> e : copies.entrySet()) {
      Cell k = e.getKey();
      out.add(new Tuple2<>(new Key(CELL, k.brand(), k.platform(), 0), e.getValue()));
      allCells.computeIfAbsent(k.brand(), b -> new CellState()).addCounts(e.getValue());
      // accounts are per platform: a brand's accounts over all platforms are the sum (set by compute)
    }
    for (Map.Entry<String, CellState> e : allCells.entrySet()) {
      out.add(new Tuple2<>(new Key(CELL, e.getKey(), all, 0), e.getValue()));
    }
    for (int f = 0; f < FLAGS; f++) {
      out.add(new Tuple2<>(new Key(EXAMPLES, null, null, f), new Candidates(examples.get(f), examplesPerFlag)));
    }
  }

  /**
   * A brand's replies with one skeleton in a partition: how many per platform (few platforms: arrays searched
   * linearly) and the best example candidates among them.
   */
  private static final class TemplateGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    final String brand;
    String[] platforms = new String[1];
    long[] counts = new long[1];
    int size;
    final List<Example> best = new ArrayList<>(2);

    TemplateGroup(String brand) {
      this.brand = brand;
    }

    void count(String platform) {
      for (int i = 0; i < size; i++) {
        if (platforms[i].equals(platform)) {
          counts[i]++;
          return;
        }
      }
      if (size == platforms.length) {
        platforms = Arrays.copyOf(platforms, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      platforms[size] = platform;
      counts[size++] = 1;
    }

    long total() {
      long n = 0;
      for (int i = 0; i < size; i++) n += counts[i];
      return n;
    }
  }
}
