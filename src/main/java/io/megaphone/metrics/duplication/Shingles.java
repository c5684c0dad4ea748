package io.megaphone.metrics.duplication;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Character k-gram shingles of a normalised text (spaces included; a text shorter than k is one shingle, itself).
 * {@link #hashes} feeds MinHash; {@link #jaccard} is the exact similarity every candidate pair is verified with,
 * computed on the k-grams themselves, not on their hashes.
 */
public final class Shingles {
  private Shingles() {}

  /** The distinct shingles' 64-bit hashes, sorted. */
  public static long[] hashes(String text, int k) {
    int n = text.length();
    if (n <= k) return new long[] {hash(text, 0, n)};
    long[] h = new long[n - k + 1];
    for (int i = 0; i + k <= n; i++) h[i] = hash(text, i, i + k);
    Arrays.sort(h);
    int u = 0;
    for (int i = 0; i < h.length; i++) if (i == 0 || h[i] != h[i - 1]) h[u++] = h[i];
    return u == h.length ? h : Arrays.copyOf(h, u);
  }

  public static Set<String> set(String text, int k) {
    int n = text.length();
    Set<String> s = new HashSet<>(Math.max(4, 2 * (n - k + 1)));
    if (n <= k) {
      s.add(text);
      return s;
    }
    for (int i = 0; i + k <= n; i++) s.add(text.substring(i, i + k));
    return s;
  }

  /** |A ∩ B| / |A ∪ B| of the two texts' k-gram sets (1 for two empty texts). */
  public static double jaccard(String a, String b, int k) {
    if (a.equals(b)) return 1.0;
    Set<String> sa = set(a, k);
    Set<String> sb = set(b, k);
    if (sa.size() > sb.size()) {
      Set<String> t = sa;
      sa = sb;
      sb = t;
    }
    int inter = 0;
    for (String x : sa) if (sb.contains(x)) inter++;
    return (double) inter / (sa.size() + sb.size() - inter);
  }

  /** FNV-1a over the k chars, then mixed. */
  static long hash(String s, int from, int to) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = from; i < to; i++) h = (h ^ s.charAt(i)) * 0x100000001B3L;
    return mix(h);
  }

  /** Murmur3's 64-bit finaliser: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
