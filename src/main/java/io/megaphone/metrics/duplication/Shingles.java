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
    long[] pa = packed(a, k);
    long[] pb = pa == null ? null : packed(b, k);
    if (pb != null) return jaccardSorted(pa, pb);
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

  /**
   * The distinct k-grams, each packed losslessly into a long (12 bits per char), sorted; null when a char is
   * above U+0FFF or k is over 5 (the caller then compares strings). Covers Latin, Greek, Cyrillic, Arabic,
   * Hebrew, Devanagari...: the exact sets, several times faster to intersect than sets of strings.
   */
  static long[] packed(String text, int k) {
    if (k > 5) return null;
    int n = text.length();
    for (int i = 0; i < n; i++) if (text.charAt(i) > 0x0FFF) return null;
    if (n <= k) {
      long v = 0;
      for (int i = 0; i < n; i++) v = (v << 12) | text.charAt(i);
      return new long[] {v | ((long) n << 60)}; // the length keeps "ab" apart from "\0ab"
    }
    long[] g = new long[n - k + 1];
    long mask = (1L << (12 * k)) - 1;
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = ((v << 12) | text.charAt(i)) & mask;
      if (i >= k - 1) g[i - k + 1] = v | ((long) k << 60);
    }
    Arrays.sort(g);
    int u = 0;
    for (int i = 0; i < g.length; i++) if (i == 0 || g[i] != g[i - 1]) g[u++] = g[i];
    return u == g.length ? g : Arrays.copyOf(g, u);
  }

  private static double jaccardSorted(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int inter = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        inter++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) inter / (a.length + b.length - inter);
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
