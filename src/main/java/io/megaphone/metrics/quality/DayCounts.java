package io.megaphone.metrics.quality;

import java.io.Serializable;

/**
 * Posts per day (epoch day → count) of one brand × platform: an open-addressing table of ints to longs, because a
 * boxed map entry per post and day cost more than the counting it serves in the quality scan.
 */
final class DayCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int FREE = Integer.MIN_VALUE;

  private int[] days = newKeys(16);
  private long[] counts = new long[16];
  private int size;

  private static int[] newKeys(int n) {
    int[] k = new int[n];
    java.util.Arrays.fill(k, FREE);
    return k;
  }

  /** @param day an epoch day (not Integer.MIN_VALUE) */
  void add(int day, long n) {
    int mask = days.length - 1;
    int i = mix(day) & mask;
    while (days[i] != FREE && days[i] != day) i = (i + 1) & mask;
    counts[i] += n; // a free slot's count is 0
    if (days[i] == FREE) {
      days[i] = day;
      if (++size * 2 > days.length) grow();
    }
  }

  void addAll(DayCounts o) {
    for (int i = 0; i < o.days.length; i++) if (o.days[i] != FREE) add(o.days[i], o.counts[i]);
  }

  /** Days with at least one post. */
  int size() {
    return size;
  }

  /** Days with more than {@code threshold} posts. */
  long countAbove(long threshold) {
    long n = 0;
    for (int i = 0; i < days.length; i++) if (days[i] != FREE && counts[i] > threshold) n++;
    return n;
  }

  private void grow() {
    int[] oldDays = days;
    long[] oldCounts = counts;
    days = newKeys(oldDays.length * 2);
    counts = new long[oldDays.length * 2];
    int mask = days.length - 1;
    for (int j = 0; j < oldDays.length; j++) {
      if (oldDays[j] == FREE) continue;
      int i = mix(oldDays[j]) & mask;
      while (days[i] != FREE) i = (i + 1) & mask;
      days[i] = oldDays[j];
      counts[i] = oldCounts[j];
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
