package io.megaphone.bench;

/**
 * One measured step at one archive size. {@code ratio} compares the step to {@code ratioTo} (a baseline
 * measured in the same run on the same input), empty when there is no counterpart.
 */
public record BenchRow(long posts, String format, String step, double wallSeconds, long peakHeapBytes,
    long peakLiveHeapBytes, long inputBytes, Double ratio, String ratioTo, String note) {

  public double postsPerSecond() {
    return wallSeconds > 0 ? posts / wallSeconds : 0;
  }

  BenchRow withNote(String text) {
    return new BenchRow(posts, format, step, wallSeconds, peakHeapBytes, peakLiveHeapBytes, inputBytes, ratio, ratioTo, text);
  }

  BenchRow withRatio(double value, String to) {
    return new BenchRow(posts, format, step, wallSeconds, peakHeapBytes, peakLiveHeapBytes, inputBytes, value, to, note);
  }
}
