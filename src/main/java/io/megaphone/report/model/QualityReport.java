package io.megaphone.report.model;

import java.util.List;
import java.util.Map;

/**
 * The content-quality figures a report shows (SPEC §3.3): quality.csv rows (brand × platform), platform_quality.csv
 * rows (platform × flag with intervals), quality_tests.csv rows (tests of difference between platforms) and
 * quality_examples.csv rows (flagged posts, the public's handles already pseudonymised). Flags are named by their
 * column names ({@code QualityFlag.column()}); undefined figures are null.
 */
public record QualityReport(List<BrandRow> brands, List<PlatformRow> platforms, List<TestRow> tests,
    List<Example> examples) {
  public QualityReport {
    brands = List.copyOf(brands);
    platforms = List.copyOf(platforms);
    tests = List.copyOf(tests);
    examples = List.copyOf(examples);
  }

  public static QualityReport empty() {
    return new QualityReport(List.of(), List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return brands.isEmpty() && platforms.isEmpty() && tests.isEmpty() && examples.isEmpty();
  }

  /**
   * One brand × platform (or platform "all") row of quality.csv. {@code flagged} and {@code rates} are keyed by flag
   * column name (a flag missing from the table is missing from the maps).
   */
  public record BrandRow(String brand, String platform, long posts, Map<String, Long> flagged,
      Map<String, Double> rates, Double spamMeanProbability, long replies, long activeDays, Double postsPerActiveDay,
      Integer busiestHour, Double busiestHourShare, Double daysOverThresholdShare, long accounts) {
    public BrandRow {
      flagged = Map.copyOf(flagged);
      rates = Map.copyOf(rates);
    }

    public boolean isAllPlatforms() {
      return "all".equals(platform);
    }
  }

  /** One platform × flag row of platform_quality.csv: brand posts only, Wilson and brand-bootstrap 95% intervals. */
  public record PlatformRow(String platform, String flag, long brands, long posts, long flagged, Double rate,
      Double wilsonLow, Double wilsonHigh, Double bootstrapLow, Double bootstrapHigh) {}

  /**
   * One test of quality_tests.csv: {@code test} is {@code chi_square_all} (platforms empty, rates null) or
   * {@code pairwise}; {@code sentence} states a significant difference in plain words.
   */
  public record TestRow(String flag, String test, String platformA, String platformB, Double rateA, Double rateB,
      Double statistic, Integer df, Double pValue, Double pAdjusted, boolean significant, String sentence) {
    public boolean isOmnibus() {
      return "chi_square_all".equals(test);
    }
  }

  /** A flagged post shown as an example (quality_examples.csv). */
  public record Example(String flag, String brand, String platform, String postId, String createdAt, String text) {}
}
