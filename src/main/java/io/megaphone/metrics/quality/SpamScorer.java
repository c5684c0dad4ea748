package io.megaphone.metrics.quality;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDFModel;

/**
 * A fitted spam pipeline ({@link SpamClassifier#pipeline()}) compiled into plain Java for the per-post pass: the
 * same tokens, the same vocabulary, the same IDF weights and logistic-regression coefficients, and the same order
 * of floating-point operations, so {@link #probability} equals MLlib's {@code PipelineModel.transform} bit for bit
 * ({@code SpamScorerTest} checks it on real texts). Why not MLlib's transform itself: each of its six stages
 * converts arrays and vectors in and out of Spark rows, and that took two thirds of the quality stage; scoring here
 * is one loop over the characters and one hash lookup per token and per pair of tokens.
 *
 * <p>Pipeline replayed: lower case, tokens = runs of letters, marks and digits, or one of {@code ! ? $ € £}
 * ({@link SpamClassifier#TOKEN_PATTERN}); grams = the tokens and each pair of consecutive tokens joined by a space;
 * a gram counts once (binary CountVectorizer) with its IDF weight; margin = Σ idf·coefficient over the distinct
 * vocabulary indices in ascending order (the sparse dot product's order), plus the intercept; P(spam) =
 * 1 − 1 / (1 + e<sup>margin</sup>), computed as MLlib computes it (not the algebraically equal
 * 1 / (1 + e<sup>−margin</sup>), which differs in the last bit for two texts in three).
 */
public final class SpamScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * token → its id (every unigram of the vocabulary and every half of a vocabulary bigram has one), as an
   * open-addressing table probed with a token's place in the text: no substring is made for the many tokens of a
   * text that are not in the vocabulary.
   */
  private final String[] slotToken;
  private final int[] slotId;
  /** token id → vocabulary index of the token as a unigram, or -1. */
  private final int[] unigramIndex;
  /** (first token id, second token id) → vocabulary index of the bigram. */
  private final LongIntMap bigramIndex;
  /** vocabulary index → idf × coefficient. */
  private final double[] weight;
  private final double intercept;

  private final String[] vocabulary;

  private SpamScorer(String[] vocabulary, Map<String, Integer> tokenIds, int[] unigramIndex, LongIntMap bigramIndex,
      double[] weight, double intercept) {
    this.vocabulary = vocabulary;
    int cap = Integer.highestOneBit(Math.max(8, tokenIds.size() * 4 - 1)) << 1;
    this.slotToken = new String[cap];
    this.slotId = new int[cap];
    for (Map.Entry<String, Integer> e : tokenIds.entrySet()) {
      int i = slot(e.getKey().hashCode(), cap);
      while (slotToken[i] != null) i = (i + 1) & (cap - 1);
      slotToken[i] = e.getKey();
      slotId[i] = e.getValue();
    }
    this.unigramIndex = unigramIndex;
    this.bigramIndex = bigramIndex;
    this.weight = weight;
    this.intercept = intercept;
  }

  /** Compiles a model fitted by {@link SpamClassifier}; a pipeline of other stages is refused. */
  static SpamScorer of(PipelineModel model) {
    CountVectorizerModel cv = null;
    IDFModel idf = null;
    LogisticRegressionModel lr = null;
    for (Transformer t : model.stages()) {
      if (t instanceof CountVectorizerModel c) cv = c;
      else if (t instanceof IDFModel i) idf = i;
      else if (t instanceof LogisticRegressionModel l) lr = l;
    }
    if (cv == null || idf == null || lr == null || lr.numClasses() != 2 || !cv.getBinary()) {
      throw new IllegalArgumentException("the spam model is not a " + SpamClassifier.VERSION
          + " pipeline (binary CountVectorizer, IDF, binomial logistic regression)");
    }
    String[] vocabulary = cv.vocabulary();
    double[] idfs = idf.idf().toArray();
    double[] coef = lr.coefficients().toArray();
    double[] w = new double[vocabulary.length];
    for (int i = 0; i < w.length; i++) w[i] = idfs[i] * coef[i]; // (1.0 × idf) × coefficient, as MLlib computes it
    return of(vocabulary, w, lr.intercept());
  }

  /** A scorer from its vocabulary (grams in index order), their weights (idf × coefficient) and the intercept. */
  static SpamScorer of(String[] vocabulary, double[] weight, double intercept) {
    Map<String, Integer> ids = new HashMap<>();
    int[] uni = new int[vocabulary.length * 2 + 1];
    Arrays.fill(uni, -1);
    LongIntMap bi = new LongIntMap(vocabulary.length);
    for (int i = 0; i < vocabulary.length; i++) {
      String g = vocabulary[i];
      int space = g.indexOf(' ');
      if (space < 0) {
        uni[id(ids, g)] = i;
      } else {
        bi.put(pair(id(ids, g.substring(0, space)), id(ids, g.substring(space + 1))), i);
      }
    }
    return new SpamScorer(vocabulary.clone(), ids, Arrays.copyOf(uni, ids.size()), bi, weight.clone(), intercept);
  }

  static final String HEADER = "# Megaphone spam scorer: vocabulary index, gram, idf x coefficient; margin = sum over"
      + " the distinct grams of a text, in index order, plus the intercept";

  /** The scorer as text (tab-separated, doubles written so they read back exactly), for {@link #parse}. */
  public String toText() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("intercept\t").append(intercept).append('\n');
    for (int i = 0; i < vocabulary.length; i++) {
      sb.append(i).append('\t').append(vocabulary[i]).append('\t').append(weight[i]).append('\n');
    }
    return sb.toString();
  }

  /** Reads {@link #toText()}; {@code where} names the source in the one-line error. */
  public static SpamScorer parse(String text, String where) {
    String[] lines = text.split("\n");
    if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[1].startsWith("intercept\t")) {
      throw new IllegalArgumentException(where + ": not a spam scorer (expected the header line, then 'intercept')");
    }
    try {
      double intercept = Double.parseDouble(lines[1].substring("intercept\t".length()));
      String[] vocabulary = new String[lines.length - 2];
      double[] weight = new double[vocabulary.length];
      for (int i = 0; i < vocabulary.length; i++) {
        String[] f = lines[i + 2].split("\t", -1);
        if (f.length != 3 || Integer.parseInt(f[0]) != i) {
          throw new IllegalArgumentException(where + " line " + (i + 3) + ": expected '" + i + "<tab>gram<tab>weight'");
        }
        vocabulary[i] = f[1];
        weight[i] = Double.parseDouble(f[2]);
      }
      return of(vocabulary, weight, intercept);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": not a spam scorer (" + e.getMessage() + ")");
    }
  }

  private static int id(Map<String, Integer> ids, String token) {
    return ids.computeIfAbsent(token, k -> ids.size());
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFF_FFFFL);
  }

  /** P(spam) of a text (null scores as the empty text). */
  public double probability(String text) {
    String s = text == null ? "" : text.toLowerCase(Locale.ROOT);
    int[] hits = new int[16];
    int n = 0;
    int previous = -2; // id of the previous token; -1 = a token outside the vocabulary, -2 = none yet
    int i = 0;
    int len = s.length();
    while (i < len) {
      int cp = s.codePointAt(i);
      int start = i;
      i += Character.charCount(cp);
      if (word(cp)) {
        while (i < len) {
          int c = s.codePointAt(i);
          if (!word(c)) break;
          i += Character.charCount(c);
        }
      } else if (cp != '!' && cp != '?' && cp != '$' && cp != '€' && cp != '£') {
        continue;
      }
      int id = lookup(s, start, i);
      if (n + 2 > hits.length) hits = Arrays.copyOf(hits, hits.length * 2);
      if (id >= 0 && unigramIndex[id] >= 0) hits[n++] = unigramIndex[id];
      if (id >= 0 && previous >= 0) {
        int b = bigramIndex.get(pair(previous, id));
        if (b >= 0) hits[n++] = b;
      }
      previous = id;
    }
    Arrays.sort(hits, 0, n);
    double dot = 0.0;
    for (int k = 0; k < n; k++) {
      if (k > 0 && hits[k] == hits[k - 1]) continue;
      dot += weight[hits[k]];
    }
    double margin = dot + intercept;
    return 1.0 - 1.0 / (1.0 + Math.exp(margin)); // MLlib: P(ham) from the raw vector (−margin, margin), then 1 − it
  }

  private static int slot(int hash, int cap) {
    return (hash * 0x9E37_79B9) >>> (32 - Integer.numberOfTrailingZeros(cap));
  }

  /** The id of the token {@code s[start, end)}, or -1. */
  private int lookup(String s, int start, int end) {
    int h = 0;
    for (int k = start; k < end; k++) h = 31 * h + s.charAt(k); // String.hashCode of the token
    int n = end - start;
    int i = slot(h, slotToken.length);
    for (String t = slotToken[i]; t != null; t = slotToken[i]) {
      if (t.length() == n && s.regionMatches(start, t, 0, n)) return slotId[i];
      i = (i + 1) & (slotToken.length - 1);
    }
    return -1;
  }

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_WORD[c] = wordType(c);
  }

  /** {@code [\p{L}\p{M}\p{N}]}, from a table below 128. */
  private static boolean word(int cp) {
    return cp < 128 ? ASCII_WORD[cp] : wordType(cp);
  }

  private static boolean wordType(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /** Open addressing long → int (absent: -1), for the bigram lookups without boxing. */
  private static final class LongIntMap implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      keys = new long[cap];
      values = new int[cap];
      Arrays.fill(values, -1);
    }

    private int slot(long key) {
      long h = key * 0x9E37_79B9_7F4A_7C15L;
      return (int) (h >>> 32) & (keys.length - 1);
    }

    void put(long key, int value) {
      if ((size + 1) * 2 > keys.length) grow();
      int s = slot(key);
      while (values[s] >= 0 && keys[s] != key) s = (s + 1) & (keys.length - 1);
      if (values[s] < 0) size++;
      keys[s] = key;
      values[s] = value;
    }

    int get(long key) {
      int s = slot(key);
      while (values[s] >= 0) {
        if (keys[s] == key) return values[s];
        s = (s + 1) & (keys.length - 1);
      }
      return -1;
    }

    private void grow() {
      long[] k = keys;
      int[] v = values;
      keys = new long[k.length * 2];
      values = new int[k.length * 2];
      Arrays.fill(values, -1);
      size = 0;
      for (int i = 0; i < k.length; i++) if (v[i] >= 0) put(k[i], v[i]);
    }
  }
}
