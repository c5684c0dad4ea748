package io.megaphone.metrics.duplication;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.job.UsageException;
import java.io.Serializable;

/** The duplication parameters of a job, checked together (SPEC §3.2 defaults; see {@link Parameter}). */
public record DuplicationOptions(double threshold, int minWords, int shingleSize, int bands, int rows, int maxBucket,
    int bucketWindow, long seed) implements Serializable {

  public DuplicationOptions {
    require(threshold > 0, Parameter.DUPLICATION_THRESHOLD, threshold, "must be above 0 (0 would pair every post)");
    require(minWords >= 1, Parameter.DUPLICATION_MIN_WORDS, minWords, "must be at least 1");
    require(shingleSize >= 1 && shingleSize <= 64, Parameter.DUPLICATION_SHINGLE_SIZE, shingleSize,
        "must be from 1 to 64");
    require(bands >= 1, Parameter.DUPLICATION_BANDS, bands, "must be at least 1");
    require(rows >= 1, Parameter.DUPLICATION_ROWS, rows, "must be at least 1");
    require((long) bands * rows <= 1024, Parameter.DUPLICATION_BANDS, bands,
        "bands x rows = " + (long) bands * rows + " MinHash functions; at most 1024");
    require(maxBucket >= 2, Parameter.DUPLICATION_MAX_BUCKET, maxBucket, "must be at least 2");
    require(bucketWindow >= 1, Parameter.DUPLICATION_BUCKET_WINDOW, bucketWindow, "must be at least 1");
  }

  public static DuplicationOptions defaults() {
    return new DuplicationOptions(0.8, 5, 5, 21, 6, 1000, 100, 20240601L);
  }

  public static DuplicationOptions from(JobSettings s) {
    return new DuplicationOptions(s.fraction(Parameter.DUPLICATION_THRESHOLD),
        toInt(s, Parameter.DUPLICATION_MIN_WORDS), toInt(s, Parameter.DUPLICATION_SHINGLE_SIZE),
        toInt(s, Parameter.DUPLICATION_BANDS), toInt(s, Parameter.DUPLICATION_ROWS),
        toInt(s, Parameter.DUPLICATION_MAX_BUCKET), toInt(s, Parameter.DUPLICATION_BUCKET_WINDOW),
        s.integer(Parameter.DUPLICATION_SEED));
  }

  public MinHashBanding banding() {
    return new MinHashBanding(bands, rows, seed);
  }

  /** P(a pair exactly at the threshold becomes a candidate): the LSH recall floor for true pairs. */
  public double recallAtThreshold() {
    return MinHashBanding.candidateProbability(threshold, bands, rows);
  }

  private static int toInt(JobSettings s, Parameter p) {
    long v = s.integer(p);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new UsageException("parameter " + p.key() + ": " + v
        + " is out of range");
    return (int) v;
  }

  private static void require(boolean ok, Parameter p, Object value, String why) {
    if (!ok) throw new UsageException("parameter " + p.key() + ": " + value + " " + why);
  }
}
