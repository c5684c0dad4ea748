package io.megaphone.metrics.duplication;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures cut into LSH bands. Hash function i maps a shingle hash x to the top 32 bits of
 * {@code a_i·x + b_i} (mod 2^64, a_i odd): multiply-shift hashing, a near-universal family, one multiply per shingle
 * and function. A band's key folds its {@code rows} minima together with the band number and the brand, so two
 * texts share a bucket only when they are of the same brand and agree on the whole band.
 *
 * <p>Two texts of Jaccard similarity s agree on one MinHash value with probability s, on a band with s^r, and
 * share at least one of b buckets with {@code 1 − (1 − s^r)^b} (the S-curve; see {@link #candidateProbability}).
 */
public final class MinHashBanding implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int bands;
  private final int rows;
  private final long[] a;
  private final long[] b;

  public MinHashBanding(int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be at least 1");
    if ((long) bands * rows > 1024) {
      throw new IllegalArgumentException("bands x rows = " + (long) bands * rows + " MinHash functions is over 1024");
    }
    this.bands = bands;
    this.rows = rows;
    SplittableRandom r = new SplittableRandom(seed);
    int n = bands * rows;
    a = new long[n];
    b = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextLong() | 1L;
      b[i] = r.nextLong();
    }
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The signature: for each hash function, the least value over the shingles (unsigned 32-bit, as a long). */
  public long[] signature(long[] shingleHashes) {
    long[] sig = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      long ai = a[i];
      long bi = b[i];
      long min = Long.MAX_VALUE;
      for (long x : shingleHashes) {
        long v = (ai * x + bi) >>> 32;
        if (v < min) min = v;
      }
      sig[i] = min;
    }
    return sig;
  }

  /** One bucket key per band, scoped to {@code scope} (the brand's hash). */
  public long[] bucketKeys(long scope, long[] shingleHashes) {
    long[] sig = signature(shingleHashes);
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Shingles.mix(scope ^ (0x9E3779B97F4A7C15L * (band + 1)));
      for (int j = 0; j < rows; j++) h = Shingles.mix(h ^ sig[band * rows + j]) + 0x632BE59BD9B4E019L;
      keys[band] = h;
    }
    return keys;
  }

  /** P(a pair of similarity s shares at least one bucket) = 1 − (1 − s^rows)^bands. */
  public static double candidateProbability(double s, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** The similarity where the S-curve is steepest, about (1/bands)^(1/rows). */
  public static double curveThreshold(int bands, int rows) {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }
}
