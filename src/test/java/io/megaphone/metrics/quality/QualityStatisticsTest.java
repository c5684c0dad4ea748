package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.megaphone.metrics.quality.QualityStatistics.ChiSquare;
import io.megaphone.metrics.quality.QualityStatistics.Interval;
import io.megaphone.metrics.quality.QualityStatistics.PlatformCount;
import io.megaphone.metrics.quality.QualityStatistics.PlatformRate;
import io.megaphone.metrics.quality.QualityStatistics.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityStatisticsTest {

  /**
   * Reference: Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
   * Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (Wilson score): 0/10 → 0–0.2775, 81/263 →
   * 0.2553–0.3662. 5/10 and 10/10 by hand from the formula (5/10 is symmetric about 0.5: 0.2366–0.7634; 10/10
   * mirrors 0/10: 0.7225–1).
   */
  @Test
  void wilson_knownValues() {
    assertInterval(QualityStatistics.wilson(0, 10), 0.0, 0.2775);
    assertInterval(QualityStatistics.wilson(5, 10), 0.2366, 0.7634);
    assertInterval(QualityStatistics.wilson(10, 10), 0.7225, 1.0);
    assertInterval(QualityStatistics.wilson(81, 263), 0.2553, 0.3662);
    assertThat(QualityStatistics.wilson(0, 10).low()).isEqualTo(0.0);
    assertThat(QualityStatistics.wilson(10, 10).high()).isEqualTo(1.0);
    assertThat(QualityStatistics.wilson(0, 0)).isNull();
    assertThatThrownBy(() -> QualityStatistics.wilson(11, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInterval(Interval i, double low, double high) {
    assertThat(i.low()).isCloseTo(low, within(5e-5));
    assertThat(i.high()).isCloseTo(high, within(5e-5));
  }

  /**
   * Two brands: 1 flagged of 10 posts and 5 of 10. A replicate draws (A, A) with probability 1/4 (rate 0.1), a mix
   * with probability 1/2 (rate 0.3) and (B, B) with probability 1/4 (rate 0.5); the 2.5th and 97.5th percentiles
   * of 2,000 replicates fall inside the first and last blocks: exactly 0.1 and 0.5.
   */
  @Test
  void brandBootstrap_twoBrandsHandComputed() {
    Interval i = QualityStatistics.brandBootstrap(new long[] {1, 5}, new long[] {10, 10});
    assertThat(i.low()).isEqualTo(0.1);
    assertThat(i.high()).isEqualTo(0.5);
  }

  @Test
  void brandBootstrap_degenerateAndDeterministic() {
    // One brand, or brands all at the same rate: every replicate has that rate.
    assertThat(QualityStatistics.brandBootstrap(new long[] {3}, new long[] {12})).isEqualTo(new Interval(0.25, 0.25));
    assertThat(QualityStatistics.brandBootstrap(new long[] {1, 2, 5}, new long[] {10, 20, 50}))
        .isEqualTo(new Interval(0.1, 0.1));
    // Brands with no post are left out; none at all gives null.
    assertThat(QualityStatistics.brandBootstrap(new long[] {0, 3}, new long[] {0, 12})).isEqualTo(new Interval(0.25, 0.25));
    assertThat(QualityStatistics.brandBootstrap(new long[] {0}, new long[] {0})).isNull();

    long[] f = {0, 2, 9, 30, 1, 4, 4, 12};
    long[] n = {50, 40, 60, 100, 20, 80, 30, 90};
    Interval a = QualityStatistics.brandBootstrap(f, n);
    Interval b = QualityStatistics.brandBootstrap(f, n);
    assertThat(a).isEqualTo(b);
    assertThat(QualityStatistics.brandBootstrap(f, n, 2000, 7)).isNotEqualTo(a);
    double rate = 62.0 / 470;
    assertThat(a.low()).isLessThan(rate);
    assertThat(a.high()).isGreaterThan(rate);
    // Brands differ a lot (0 % to 30 %): the brand bootstrap is wider than Wilson, which treats posts as independent.
    Interval w = QualityStatistics.wilson(62, 470);
    assertThat(a.high() - a.low()).isGreaterThan(w.high() - w.low());
  }

  @Test
  void platformRate_combinesCountsAndIntervals() {
    PlatformRate r = QualityStatistics.platformRate("twitter", QualityFlag.LINK_ONLY, new long[] {1, 5, 0},
        new long[] {10, 10, 0});
    assertThat(r.brands()).isEqualTo(2);
    assertThat(r.posts()).isEqualTo(20);
    assertThat(r.flagged()).isEqualTo(6);
    assertThat(r.rate()).isEqualTo(0.3);
    assertThat(r.wilson()).isEqualTo(QualityStatistics.wilson(6, 20));
    assertThat(r.bootstrap()).isEqualTo(new Interval(0.1, 0.5));
    assertThat(QualityStatistics.platformRate("twitter", QualityFlag.LINK_ONLY, new long[] {1, 5, 0},
        new long[] {10, 10, 0})).isEqualTo(r);
  }

  /**
   * 2 × 2 by hand: rows (10, 90) and (20, 80); column totals 30 and 170 of 200, so every expected count is 15 or 85;
   * χ² = 2·25/15 + 2·25/85 = 3.92157, df 1; p = erfc(√(χ²/2)) = 0.047670 (also scipy.stats.chi2_contingency with
   * correction=False).
   */
  @Test
  void chiSquare_twoByTwoHandComputed() {
    ChiSquare c = QualityStatistics.chiSquare(new long[] {10, 20}, new long[] {100, 100});
    assertThat(c.statistic()).isCloseTo(50.0 / 15 + 50.0 / 85, within(1e-12));
    assertThat(c.df()).isEqualTo(1);
    assertThat(c.pValue()).isCloseTo(0.0476704, within(1e-6));
  }

  /**
   * 3 × 2: rows (12, 88), (5, 95), (30, 70); scipy.stats.chi2_contingency(correction=False) gives χ² = 25.178707,
   * df 2; for df 2 the survival function is exactly exp(−χ²/2) = 3.4081e-6.
   */
  @Test
  void chiSquare_threePlatformsKnownValue() {
    ChiSquare c = QualityStatistics.chiSquare(new long[] {12, 5, 30}, new long[] {100, 100, 100});
    assertThat(c.statistic()).isCloseTo(25.178707, within(1e-6));
    assertThat(c.df()).isEqualTo(2);
    assertThat(c.pValue()).isCloseTo(Math.exp(-c.statistic() / 2), within(1e-12));
    assertThat(c.pValue()).isCloseTo(3.4081e-6, within(1e-9));
  }

  /** Critical values of the chi-square tables: 3.841459 (df 1) and 5.991465 (df 2) at 0.05; tails stay precise. */
  @Test
  void chiSquareSurvival_criticalValuesAndFarTail() {
    assertThat(QualityStatistics.chiSquareSurvival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
    assertThat(QualityStatistics.chiSquareSurvival(5.991464547107979, 2)).isCloseTo(0.05, within(1e-9));
    assertThat(QualityStatistics.chiSquareSurvival(0, 3)).isEqualTo(1.0);
    // df 2: exp(-x/2) exactly; 1 - F(x) alone would round this to 0.
    assertThat(QualityStatistics.chiSquareSurvival(100, 2) / Math.exp(-50)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void chiSquare_noVariationOrOneRow() {
    assertThat(QualityStatistics.chiSquare(new long[] {0, 0}, new long[] {10, 20})).isEqualTo(new ChiSquare(0, 1, 1));
    assertThat(QualityStatistics.chiSquare(new long[] {10, 20}, new long[] {10, 20})).isEqualTo(new ChiSquare(0, 1, 1));
    assertThat(QualityStatistics.chiSquare(new long[] {3, 0}, new long[] {10, 0})).isEqualTo(new ChiSquare(0, 0, 1));
  }

  /** R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02. */
  @Test
  void holm_matchesR() {
    double[] adj = QualityStatistics.holm(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adj[0]).isCloseTo(0.03, within(1e-15));
    assertThat(adj[1]).isCloseTo(0.06, within(1e-15));
    assertThat(adj[2]).isCloseTo(0.06, within(1e-15));
    assertThat(adj[3]).isCloseTo(0.02, within(1e-15));
    double[] capped = QualityStatistics.holm(new double[] {0.5, Double.NaN, 0.6});
    assertThat(capped[0]).isEqualTo(1.0);
    assertThat(capped[1]).isNaN();
    assertThat(capped[2]).isEqualTo(1.0);
  }

  /**
   * Link-only: facebook 35/1000, instagram 120/1000, twitter 31/1000. scipy.stats.chi2_contingency
   * (correction=False): all three χ² = 86.904, df 2; facebook–instagram 50.529 (p 1.174e-12), facebook–twitter
   * 0.2507 (p 0.6166), instagram–twitter 56.741 (p 4.972e-14). Holm over the 4 tests: 5.383e-19, 2.348e-12, 0.6166,
   * 1.492e-13.
   */
  @Test
  void compare_omnibusPairsHolmAndSentences() {
    List<TestResult> tests = QualityStatistics.compare(QualityFlag.LINK_ONLY, List.of(
        new PlatformCount("twitter", 1000, 31), new PlatformCount("instagram", 1000, 120),
        new PlatformCount("facebook", 1000, 35), new PlatformCount("youtube", 0, 0),
        new PlatformCount("all", 3000, 186)), QualityStatistics.ALPHA);
    assertThat(tests).hasSize(4);
    TestResult all = tests.get(0);
    assertThat(all.test()).isEqualTo("chi_square_all");
    assertThat(all.platformA()).isNull();
    assertThat(all.statistic()).isCloseTo(86.904189, within(1e-5));
    assertThat(all.df()).isEqualTo(2);
    assertThat(all.pAdjusted() / 5.383381784256063e-19).isCloseTo(1.0, within(1e-6));
    assertThat(all.significant()).isTrue();
    assertThat(all.sentence()).isEqualTo(
        "The share of posts that are link-only differs between the 3 platforms (chi-square 86.9, df 2, adjusted p < 0.001)");

    assertThat(tests.subList(1, 4)).extracting(TestResult::platformA, TestResult::platformB)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("facebook", "instagram"),
            org.assertj.core.groups.Tuple.tuple("facebook", "twitter"),
            org.assertj.core.groups.Tuple.tuple("instagram", "twitter"));
    TestResult fi = tests.get(1);
    assertThat(fi.statistic()).isCloseTo(50.528892, within(1e-5));
    assertThat(fi.rateA()).isEqualTo(0.035);
    assertThat(fi.rateB()).isEqualTo(0.12);
    assertThat(fi.pAdjusted() / 2.3484663996598332e-12).isCloseTo(1.0, within(1e-6));
    assertThat(fi.sentence()).isEqualTo(
        "Instagram posts are more often link-only than Facebook posts (12.0 % vs 3.5 %, adjusted p < 0.001)");
    TestResult ft = tests.get(2);
    assertThat(ft.pValue()).isCloseTo(0.6165845, within(1e-6));
    assertThat(ft.pAdjusted()).isCloseTo(0.6165845, within(1e-6));
    assertThat(ft.significant()).isFalse();
    assertThat(ft.sentence()).isEmpty();
    TestResult it = tests.get(3);
    assertThat(it.pAdjusted() / 1.4915658894871141e-13).isCloseTo(1.0, within(1e-6));
    assertThat(it.sentence()).isEqualTo(
        "Instagram posts are more often link-only than Twitter posts (12.0 % vs 3.1 %, adjusted p < 0.001)");
  }

  /** The 2 × 2 of chiSquare_twoByTwoHandComputed alone in its family: p = 0.0477 stays below 0.05 unadjusted. */
  @Test
  void compare_sentenceWithModerateP() {
    List<TestResult> tests = QualityStatistics.compare(QualityFlag.SELF_PROMOTION, List.of(
        new PlatformCount("x", 100, 10), new PlatformCount("linkedin", 100, 20)), QualityStatistics.ALPHA);
    // Holm with m = 2: the omnibus and the one pair have the same p, so both become min(1, 2p) = 0.0953.
    assertThat(tests).hasSize(2);
    assertThat(tests).allSatisfy(t -> {
      assertThat(t.pAdjusted()).isCloseTo(2 * 0.0476704, within(1e-6));
      assertThat(t.significant()).isFalse();
    });
    List<TestResult> strict = QualityStatistics.compare(QualityFlag.SELF_PROMOTION, List.of(
        new PlatformCount("x", 100, 10), new PlatformCount("linkedin", 100, 20)), 0.1);
    assertThat(strict.get(1).sentence()).isEqualTo(
        "LinkedIn posts are more often self-promotional than X posts (20.0 % vs 10.0 %, adjusted p = 0.095)");
  }

  @Test
  void compare_onePlatformHasNothingToCompare() {
    List<TestResult> tests = QualityStatistics.compare(QualityFlag.SPAM, List.of(new PlatformCount("x", 100, 10)),
        QualityStatistics.ALPHA);
    assertThat(tests).hasSize(1);
    assertThat(tests.get(0).df()).isZero();
    assertThat(tests.get(0).significant()).isFalse();
  }

  @Test
  void everyFlagReadsInASentence() {
    for (QualityFlag f : QualityFlag.values()) {
      assertThat(QualityStatistics.phrase(f)).isNotBlank();
      assertThat(QualityStatistics.label(f)).isNotBlank();
    }
    assertThat(QualityStatistics.platformName("youtube")).isEqualTo("YouTube");
    assertThat(QualityStatistics.platformName("mastodon")).isEqualTo("Mastodon");
  }
}
