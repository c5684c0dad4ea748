package io.megaphone.metrics.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The statistics behind the platform comparison of SPEC §3.3, in plain Java (no Spark): the QualityMetrics family
 * aggregates counts with Spark and calls these on the few numbers per platform × flag.
 *
 * <ul>
 *   <li>{@link #wilson(long, long)}: Wilson score 95% interval of a rate k / n.</li>
 *   <li>{@link #brandBootstrap(long[], long[], int, long)}: percentile 95% interval of a platform's rate
 *       Σflagged / Σposts when whole brands are resampled with replacement (posts of one brand are correlated, so
 *       the Wilson interval, which assumes independent posts, is too narrow when brands differ).</li>
 *   <li>{@link #chiSquare(long[], long[])}: Pearson chi-square test of independence of a platforms × {flagged, not
 *       flagged} table, without continuity correction; p-value from commons-math3's
 *       {@link ChiSquaredDistribution}.</li>
 *   <li>{@link #holm(double[])}: Holm's step-down adjustment of p-values (family-wise error rate).</li>
 *   <li>{@link #compare(QualityFlag, List, double)}: for one flag, the omnibus test over all platforms and every
 *       pairwise 2 × 2 test, Holm-adjusted together (one family per flag), each significant difference stated as a
 *       sentence.</li>
 * </ul>
 */
public final class QualityStatistics {
  private QualityStatistics() {}

  /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
  public static final double Z95 = 1.959963984540054;
  public static final int BOOTSTRAP_REPLICATES = 2000;
  public static final long BOOTSTRAP_SEED = 20240601L;
  public static final double ALPHA = 0.05;
  public static final String TEST_CHI_SQUARE_ALL = "chi_square_all";
  public static final String TEST_PAIRWISE = "pairwise";

  /** A closed interval of rates in [0, 1]. */
  public record Interval(double low, double high) {}

  /** A platform's counts for one flag: its posts (brand posts only) and how many carry the flag. */
  public record PlatformCount(String platform, long posts, long flagged) {
    public PlatformCount {
      if (posts < 0 || flagged < 0 || flagged > posts) {
        throw new IllegalArgumentException("need 0 <= flagged <= posts, got " + flagged + " of " + posts);
      }
    }

    public double rate() {
      return posts == 0 ? Double.NaN : (double) flagged / posts;
    }
  }

  /** A chi-square statistic, its degrees of freedom and p-value. */
  public record ChiSquare(double statistic, int df, double pValue) {}

  /**
   * One row of quality_tests.csv. For {@link #TEST_CHI_SQUARE_ALL} platformA/B are null and the rates NaN.
   * {@code sentence} is empty unless the difference is significant.
   */
  public record TestResult(QualityFlag flag, String test, String platformA, String platformB, double rateA,
      double rateB, double statistic, int df, double pValue, double pAdjusted, boolean significant, String sentence) {}

  /** One row of platform_quality.csv. Intervals are null when the platform has no post. */
  public record PlatformRate(String platform, QualityFlag flag, int brands, long posts, long flagged, double rate,
      Interval wilson, Interval bootstrap) {}

  /**
   * Wilson score interval (Wilson 1927) at 95%: centre (p + z²/2n) / (1 + z²/n), half-width
   * z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/4n²), clamped to [0, 1]. Null when n is 0.
   */
  public static Interval wilson(long k, long n) {
    if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, got " + k + " of " + n);
    if (n == 0) return null;
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    double low = k == 0 ? 0 : Math.max(0, centre - half);
    double high = k == n ? 1 : Math.min(1, centre + half);
    return new Interval(low, high);
  }

  /** {@link #brandBootstrap(long[], long[], int, long)} with 2,000 replicates and the fixed seed. */
  public static Interval brandBootstrap(long[] flagged, long[] posts) {
    return brandBootstrap(flagged, posts, BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED);
  }

  /**
   * Percentile bootstrap over brands: each replicate draws as many brands as there are, uniformly with replacement
   * ({@link SplittableRandom} seeded with {@code seed}, so the interval is reproducible), and computes
   * Σflagged / Σposts of the drawn brands; the interval runs from the 2.5th to the 97.5th percentile of the
   * replicates (linear interpolation between order statistics, Hyndman–Fan type 7). Brands with no post are left
   * out; null when no brand has a post.
   *
   * @param flagged per brand, its flagged posts on the platform
   * @param posts per brand, its posts on the platform (same order)
   */
  public static Interval brandBootstrap(long[] flagged, long[] posts, int replicates, long seed) {
    if (flagged.length != posts.length) throw new IllegalArgumentException("flagged and posts differ in length");
    if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1, was " + replicates);
    int m = 0;
    for (long p : posts) if (p > 0) m++;
    if (m == 0) return null;
    long[] f = new long[m];
    long[] n = new long[m];
    for (int i = 0, j = 0; i < posts.length; i++) {
      if (posts[i] <= 0) continue;
      if (flagged[i] < 0 || flagged[i] > posts[i]) {
        throw new IllegalArgumentException("brand " + i + ": need 0 <= flagged <= posts, got " + flagged[i] + " of "
            + posts[i]);
      }
      f[j] = flagged[i];
      n[j++] = posts[i];
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] rates = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      long sf = 0;
      long sn = 0;
      for (int i = 0; i < m; i++) {
        int pick = random.nextInt(m);
        sf += f[pick];
        sn += n[pick];
      }
      rates[b] = (double) sf / sn;
    }
    Arrays.sort(rates);
    return new Interval(quantile(rates, 0.025), quantile(rates, 0.975));
  }

  /** Type-7 quantile of sorted values: h = (n − 1)q, interpolated between x[⌊h⌋] and x[⌊h⌋ + 1]. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * A platform's rate for one flag with both intervals (a row of platform_quality.csv). The bootstrap seed is
   * {@link #BOOTSTRAP_SEED} mixed with the platform and flag names, so each row is reproducible on its own whatever
   * order rows are computed in.
   */
  public static PlatformRate platformRate(String platform, QualityFlag flag, long[] brandFlagged, long[] brandPosts) {
    long posts = 0;
    long flagged = 0;
    int brands = 0;
    for (int i = 0; i < brandPosts.length; i++) {
      if (brandPosts[i] <= 0) continue;
      brands++;
      posts += brandPosts[i];
      flagged += brandFlagged[i];
    }
    long seed = BOOTSTRAP_SEED * 31 + (platform + "\u0000" + flag.column()).hashCode();
    return new PlatformRate(platform, flag, brands, posts, flagged, posts == 0 ? Double.NaN : (double) flagged / posts,
        wilson(flagged, posts), brandBootstrap(brandFlagged, brandPosts, BOOTSTRAP_REPLICATES, seed));
  }

  /**
   * Pearson's chi-square test of independence for the r × 2 table whose row i is (flagged[i], posts[i] −
   * flagged[i]): statistic Σ (O − E)² / E with E = row total × column total / N, df = r − 1, p = P(χ²(df) ≥
   * statistic). Rows with no post are left out. With fewer than two rows, or when no post (or every post) is
   * flagged, the rates cannot differ: statistic 0 and p-value 1 (df as computed, at least 0). No continuity
   * correction; with expected counts below 5 the chi-square approximation is rough.
   */
  public static ChiSquare chiSquare(long[] flagged, long[] posts) {
    if (flagged.length != posts.length) throw new IllegalArgumentException("flagged and posts differ in length");
    long total = 0;
    long totalFlagged = 0;
    int rows = 0;
    for (int i = 0; i < posts.length; i++) {
      if (flagged[i] < 0 || flagged[i] > posts[i]) {
        throw new IllegalArgumentException("row " + i + ": need 0 <= flagged <= posts, got " + flagged[i] + " of "
            + posts[i]);
      }
      if (posts[i] == 0) continue;
      rows++;
      total += posts[i];
      totalFlagged += flagged[i];
    }
    int df = Math.max(0, rows - 1);
    if (rows < 2 || totalFlagged == 0 || totalFlagged == total) return new ChiSquare(0, df, 1);
    double colFlagged = totalFlagged;
    double colOther = total - totalFlagged;
    double stat = 0;
    for (int i = 0; i < posts.length; i++) {
      if (posts[i] == 0) continue;
      double eFlagged = posts[i] * colFlagged / total;
      double eOther = posts[i] * colOther / total;
      double dFlagged = flagged[i] - eFlagged;
      double dOther = (posts[i] - flagged[i]) - eOther;
      stat += dFlagged * dFlagged / eFlagged + dOther * dOther / eOther;
    }
    return new ChiSquare(stat, df, chiSquareSurvival(stat, df));
  }

  /**
   * P(χ²(df) ≥ x): 1 − F(x) with commons-math3's {@link ChiSquaredDistribution}; in the far tail, where 1 − F(x)
   * loses every digit to rounding (below 1e-10), the same function's complement computed directly,
   * {@link Gamma#regularizedGammaQ(double, double)} Q(df/2, x/2), so tiny p-values keep their digits.
   */
  public static double chiSquareSurvival(double x, int df) {
    if (df < 1) throw new IllegalArgumentException("df must be at least 1, was " + df);
    if (!(x > 0)) return 1;
    // A null generator: the distribution is only evaluated, never sampled (no Well19937c seeded per call).
    double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(x);
    if (p < 1e-10) p = Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    return Math.max(0, Math.min(1, p));
  }

  /**
   * Holm's step-down adjustment (Holm 1979), as R's {@code p.adjust(p, "holm")}: with the m p-values sorted
   * ascending, adjusted p(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)); returned in the input order. NaN
   * p-values stay NaN and do not count in m.
   */
  public static double[] holm(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
      if (!Double.isNaN(p[i])) m++;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * All tests of one flag, Holm-adjusted together: first the chi-square test over all platforms with a post (a
   * platform named "all", the sum of the others, is ignored), then
   * one 2 × 2 chi-square test per pair of such platforms (platforms in name order, platform A before B). A test is
   * significant when its adjusted p-value is below {@code alpha}; significant tests carry a sentence.
   */
  public static List<TestResult> compare(QualityFlag flag, List<PlatformCount> platforms, double alpha) {
    Map<String, PlatformCount> byName = new TreeMap<>();
    for (PlatformCount c : platforms) {
      if (c.posts() == 0 || "all".equals(c.platform())) continue;
      if (byName.put(c.platform(), c) != null) throw new IllegalArgumentException("platform twice: " + c.platform());
    }
    List<PlatformCount> ps = new ArrayList<>(byName.values());
    long[] f = ps.stream().mapToLong(PlatformCount::flagged).toArray();
    long[] n = ps.stream().mapToLong(PlatformCount::posts).toArray();
    List<ChiSquare> raw = new ArrayList<>();
    List<PlatformCount[]> pairs = new ArrayList<>();
    raw.add(chiSquare(f, n));
    pairs.add(null);
    for (int a = 0; a < ps.size(); a++) {
      for (int b = a + 1; b < ps.size(); b++) {
        PlatformCount pa = ps.get(a);
        PlatformCount pb = ps.get(b);
        raw.add(chiSquare(new long[] {pa.flagged(), pb.flagged()}, new long[] {pa.posts(), pb.posts()}));
        pairs.add(new PlatformCount[] {pa, pb});
      }
    }
    double[] adjusted = holm(raw.stream().mapToDouble(ChiSquare::pValue).toArray());
    List<TestResult> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      ChiSquare c = raw.get(i);
      // df 0 means fewer than two platforms: nothing was compared.
      boolean significant = c.df() > 0 && adjusted[i] < alpha;
      PlatformCount[] pair = pairs.get(i);
      if (pair == null) {
        out.add(new TestResult(flag, TEST_CHI_SQUARE_ALL, null, null, Double.NaN, Double.NaN, c.statistic(), c.df(),
            c.pValue(), adjusted[i], significant, significant ? omnibusSentence(flag, ps.size(), c, adjusted[i]) : ""));
      } else {
        out.add(new TestResult(flag, TEST_PAIRWISE, pair[0].platform(), pair[1].platform(), pair[0].rate(),
            pair[1].rate(), c.statistic(), c.df(), c.pValue(), adjusted[i], significant,
            significant ? pairSentence(flag, pair[0], pair[1], adjusted[i]) : ""));
      }
    }
    return out;
  }

  /**
   * "Instagram posts are more often link-only than Twitter posts (12.0 % vs 3.1 %, adjusted p &lt; 0.001)": the
   * platform with the higher rate first.
   */
  public static String pairSentence(QualityFlag flag, PlatformCount a, PlatformCount b, double pAdjusted) {
    PlatformCount hi = a.rate() >= b.rate() ? a : b;
    PlatformCount lo = hi == a ? b : a;
    return String.format(Locale.ROOT, "%s posts are more often %s than %s posts (%s vs %s, %s)",
        platformName(hi.platform()), phrase(flag), platformName(lo.platform()), percent(hi.rate()),
        percent(lo.rate()), adjustedP(pAdjusted));
  }

  static String omnibusSentence(QualityFlag flag, int platforms, ChiSquare c, double pAdjusted) {
    return String.format(Locale.ROOT, "The share of posts %s differs between the %d platforms (chi-square %.1f, df %d, %s)",
        predicate(flag), platforms, c.statistic(), c.df(), adjustedP(pAdjusted));
  }

  /** "adjusted p &lt; 0.001" or "adjusted p = 0.012". */
  public static String adjustedP(double p) {
    return p < 0.001 ? "adjusted p < 0.001" : String.format(Locale.ROOT, "adjusted p = %.3f", p);
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  /** How a flagged post reads after "more often": "link-only", "self-promotional", ... */
  public static String phrase(QualityFlag flag) {
    return switch (flag) {
      case LINK_ONLY -> "link-only";
      case SELF_PROMOTION -> "self-promotional";
      case BAIT_VOTE -> "bait for votes";
      case BAIT_REACT -> "bait for reactions";
      case BAIT_SHARE -> "bait for shares";
      case BAIT_TAG -> "bait for tagging friends";
      case BAIT_COMMENT -> "bait for comments";
      case HASHTAG_STUFFING -> "stuffed with hashtags";
      case BUZZWORDS -> "full of buzzwords";
      case EMPTY -> "empty";
      case CRISIS_OPPORTUNISM -> "crisis-opportunistic";
      case TEMPLATED_REPLY -> "templated replies";
      case SPAM -> "spam";
      default -> flag.column().replace('_', ' ');
    };
  }

  /** How a flagged post reads after "the share of posts": "that are link-only", ... */
  static String predicate(QualityFlag flag) {
    return switch (flag) {
      case TEMPLATED_REPLY -> "that are templated replies";
      case SPAM -> "classified as spam";
      default -> "that are " + phrase(flag);
    };
  }

  /** A flag's name for titles: "Link-only", "Bait: vote", ... */
  public static String label(QualityFlag flag) {
    return switch (flag) {
      case LINK_ONLY -> "Link-only";
      case SELF_PROMOTION -> "Self-promotion";
      case BAIT_VOTE -> "Bait: vote";
      case BAIT_REACT -> "Bait: react";
      case BAIT_SHARE -> "Bait: share";
      case BAIT_TAG -> "Bait: tag";
      case BAIT_COMMENT -> "Bait: comment";
      case HASHTAG_STUFFING -> "Hashtag stuffing";
      case BUZZWORDS -> "Buzzwords";
      case EMPTY -> "Empty";
      case CRISIS_OPPORTUNISM -> "Crisis opportunism";
      case TEMPLATED_REPLY -> "Templated reply";
      case SPAM -> "Spam";
      default -> flag.column().replace('_', ' ');
    };
  }

  /** A platform id as people write it: "youtube" → "YouTube", "x" → "X". */
  public static String platformName(String platform) {
    if (platform == null || platform.isEmpty()) return "";
    return switch (platform) {
      case "youtube" -> "YouTube";
      case "linkedin" -> "LinkedIn";
      case "tiktok" -> "TikTok";
      case "news" -> "News site";
      default -> Character.toUpperCase(platform.charAt(0)) + platform.substring(1);
    };
  }
}
