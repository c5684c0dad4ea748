package io.megaphone.metrics.duplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.megaphone.job.UsageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashBandingTest {
  static final String A = "nos soldes d été commencent demain dans tous nos magasins et sur le site";

  @Test
  void shingleHashes_areTheDistinctKGrams() {
    assertThat(Shingles.hashes("aaaaaaa", 5)).hasSize(1); // "aaaaa" three times
    assertThat(Shingles.hashes("abcdefg", 5)).hasSize(3);
    assertThat(Shingles.hashes("abc", 5)).hasSize(1); // shorter than k: the text itself
    assertThat(Shingles.set("abcdefg", 5)).containsExactlyInAnyOrder("abcde", "bcdef", "cdefg");
  }

  @Test
  void exactJaccard() {
    assertThat(Shingles.jaccard("abcdefg", "abcdefg", 5)).isEqualTo(1.0);
    assertThat(Shingles.jaccard("abcdefg", "abcdefh", 5)).isEqualTo(2.0 / 4); // {abcde,bcdef} of 4
    assertThat(Shingles.jaccard("abcdef", "uvwxyz", 5)).isZero();
    // the SPEC example pair of the fixture, checked by hand in Python: 30 shared of 34
    assertThat(Shingles.jaccard("nos soldes d été commencent demain soldes", "nos soldes d été commencent demain", 5))
        .isCloseTo(30.0 / 34, within(1e-12));
  }

  /** Packed k-grams (chars up to U+0FFF) and string sets give the same similarity; above U+0FFF strings are used. */
  @Test
  void exactJaccard_packedAndStringSetsAgree() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    String alphabet = "abcdé ëfghïj kαβγ дж";
    for (int t = 0; t < 2000; t++) {
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) a.append(alphabet.charAt(r.nextInt(alphabet.length())));
      b.append(a, 0, r.nextInt(a.length() + 1));
      for (int i = r.nextInt(8); i > 0; i--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      java.util.Set<String> sa = Shingles.set(a.toString(), 5);
      java.util.Set<String> sb = Shingles.set(b.toString(), 5);
      java.util.Set<String> inter = new java.util.HashSet<>(sa);
      inter.retainAll(sb);
      java.util.Set<String> union = new java.util.HashSet<>(sa);
      union.addAll(sb);
      double expected = a.toString().equals(b.toString()) ? 1.0 : (double) inter.size() / union.size();
      assertThat(Shingles.jaccard(a.toString(), b.toString(), 5)).as(a + " | " + b).isEqualTo(expected);
    }
    assertThat(Shingles.packed("日本語のテキスト", 5)).isNull();
    assertThat(Shingles.jaccard("日本語のテキスト", "日本語のテキスト!", 5)).isEqualTo(4.0 / 5);
  }

  /** Agreement of one MinHash value estimates the Jaccard similarity: checked over 126 functions × 40 texts. */
  @Test
  void signatureAgreementEstimatesJaccard() {
    MinHashBanding m = new MinHashBanding(21, 6, 7);
    double totalError = 0;
    int n = 0;
    for (int cut = 4; cut < 44; cut++) {
      String b = A.substring(0, A.length() - cut) + " fin";
      double j = Shingles.jaccard(A, b, 5);
      long[] sa = m.signature(Shingles.hashes(A, 5));
      long[] sb = m.signature(Shingles.hashes(b, 5));
      int same = 0;
      for (int i = 0; i < sa.length; i++) if (sa[i] == sb[i]) same++;
      totalError += Math.abs((double) same / sa.length - j);
      n++;
    }
    // one estimate has a standard error of sqrt(j(1-j)/126) <= 0.045; the mean absolute error is far below
    assertThat(totalError / n).isLessThan(0.06);
  }

  @Test
  void sameInputSameKeys_andBrandScopesTheBuckets() {
    MinHashBanding m = new MinHashBanding(21, 6, 7);
    long[] h = Shingles.hashes(A, 5);
    assertThat(m.bucketKeys(1, h)).containsExactly(new MinHashBanding(21, 6, 7).bucketKeys(1, h));
    long[] other = m.bucketKeys(2, h);
    long[] mine = m.bucketKeys(1, h);
    for (int i = 0; i < 21; i++) assertThat(other[i]).isNotEqualTo(mine[i]);
    assertThat(m.bucketKeys(1, h)).doesNotHaveDuplicates(); // the band number is in the key
  }

  @Test
  void sCurve_ofTheDefaults() {
    assertThat(MinHashBanding.candidateProbability(0.8, 21, 6)).isCloseTo(0.9983, within(1e-4));
    assertThat(MinHashBanding.candidateProbability(0.5, 21, 6)).isCloseTo(0.2816, within(1e-4));
    assertThat(MinHashBanding.candidateProbability(0.3, 21, 6)).isCloseTo(0.0152, within(1e-4));
    assertThat(MinHashBanding.curveThreshold(21, 6)).isCloseTo(0.6020, within(1e-4));
    assertThat(DuplicationOptions.defaults().recallAtThreshold()).isGreaterThan(0.998);
  }

  @Test
  void giantBucketGuard_windowsInsteadOfAllPairs() {
    List<String> small = new ArrayList<>();
    NearDuplicatePairs.forEachPair(new long[] {30, 10, 20}, 3, 1, (a, b) -> small.add(a + "-" + b));
    assertThat(small).containsExactly("10-20", "10-30", "20-30");
    List<String> giant = new ArrayList<>();
    NearDuplicatePairs.forEachPair(new long[] {5, 1, 4, 2, 3}, 3, 2, (a, b) -> giant.add(a + "-" + b));
    assertThat(giant).containsExactly("1-2", "1-3", "2-3", "2-4", "3-4", "3-5", "4-5");
  }

  @Test
  void options_explainWhatIsWrong() {
    assertThatThrownBy(() -> new DuplicationOptions(0, 5, 5, 21, 6, 1000, 100, 1)).isInstanceOf(UsageException.class)
        .hasMessage("parameter duplication.threshold: 0.0 must be above 0 (0 would pair every post)");
    assertThatThrownBy(() -> new DuplicationOptions(0.8, 5, 5, 100, 20, 1000, 100, 1))
        .hasMessage("parameter duplication.bands: 100 bands x rows = 2000 MinHash functions; at most 1024");
    assertThatThrownBy(() -> new DuplicationOptions(0.8, 5, 5, 21, 6, 1, 100, 1))
        .hasMessage("parameter duplication.max-bucket: 1 must be at least 2");
  }
}
