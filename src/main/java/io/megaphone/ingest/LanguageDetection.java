package io.megaphone.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The language of a post whose source gives none, as an ISO 639-1 code like Twitter's ({@code fr},
 * {@code en}), with Apache OpenNLP's language detector model {@code langdetect-183.bin} (103 languages; see
 * pom.xml for the choice of library).
 *
 * <p>Rules: URLs, mentions, e-mail addresses and hashtags are removed, digits and emoji become spaces, runs of
 * spaces and of a repeated character are shortened and the text is lower-cased, as the model's own
 * normalisers do; a text with fewer than {@value #MIN_LETTERS} letters left is too short to judge and gets no
 * language (null). The first {@value #MAX_CHARS} characters are enough to decide. The answer is the most
 * probable of {@link #CODES}, the languages brands publish in on the platforms the product reads: restricting
 * the model's 103 languages to these keeps a short French title from being called Latin, Breton or Occitan
 * (on the French media YouTube titles: 91% French among all 103, 96% among these).
 *
 * <p>The model's scores are summed here over the restricted languages only (the maximum-entropy model's most
 * probable outcome among them is the one with the largest sum of feature weights, so the answer is the one
 * {@code LanguageDetectorME} would give restricted to them), from the text's distinct character 1- to 3-grams
 * as the model was trained: three times faster than {@code LanguageDetectorME}, whose regular-expression
 * normalisers and n-gram counting cost more than the model.
 *
 * <p>The model is loaded once per JVM, on first use (a lazy holder), and only read afterwards: all threads
 * share it. Spark tasks call the static {@link #detect}; nothing is serialized with them.
 */
public final class LanguageDetection {
  /** Letters needed, once URLs, mentions and hashtags are removed. */
  public static final int MIN_LETTERS = 20;
  /** Characters of the normalised text given to the model. */
  public static final int MAX_CHARS = 500;

  /** The model's ISO 639-3 codes that may be answered, with their ISO 639-1 code. */
  static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("eng", "en"), Map.entry("fra", "fr"), Map.entry("deu", "de"), Map.entry("spa", "es"),
      Map.entry("ita", "it"), Map.entry("por", "pt"), Map.entry("nld", "nl"), Map.entry("ara", "ar"),
      Map.entry("rus", "ru"), Map.entry("cmn", "zh"), Map.entry("jpn", "ja"), Map.entry("kor", "ko"),
      Map.entry("tur", "tr"), Map.entry("pol", "pl"), Map.entry("swe", "sv"), Map.entry("dan", "da"),
      Map.entry("nob", "no"), Map.entry("fin", "fi"), Map.entry("ell", "el"), Map.entry("ces", "cs"),
      Map.entry("ron", "ro"), Map.entry("hun", "hu"), Map.entry("ukr", "uk"), Map.entry("heb", "he"),
      Map.entry("hin", "hi"), Map.entry("ind", "id"), Map.entry("vie", "vi"), Map.entry("tha", "th"),
      Map.entry("cat", "ca"), Map.entry("pes", "fa"));

  /** Codes sources write for "no language" (Twitter's und, zxx and q* pseudo-languages): treated as absent. */
  private static final Set<String> ABSENT = Set.of("und", "zxx", "qme", "qam", "qht", "qct", "qst", "mis", "mul");

  private LanguageDetection() {}

  /** The model's feature weights, by n-gram, and the restricted outcomes. */
  private static final class Model {
    static final Model INSTANCE = load();

    final Map<String, Context> weights;
    /** Slot of each model outcome among {@link #codes}, or -1 when not answered. */
    final int[] slot;
    final String[] codes;

    @SuppressWarnings("unchecked")
    private Model(MaxentModel m) {
      Object[] data = ((opennlp.tools.ml.model.AbstractModel) m).getDataStructures();
      weights = (Map<String, Context>) data[1];
      slot = new int[m.getNumOutcomes()];
      List<String> c = new ArrayList<>();
      for (int o = 0; o < slot.length; o++) {
        String code = CODES.get(m.getOutcome(o));
        slot[o] = code == null ? -1 : c.size();
        if (code != null) c.add(code);
      }
      codes = c.toArray(new String[0]);
    }

    private static Model load() {
      try (InputStream in = LanguageDetection.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) throw new IllegalStateException("langdetect-183.bin (opennlp-models-langdetect) not on the classpath");
        return new Model(new LanguageDetectorModel(in).getMaxentModel());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }

  /**
   * A language code given by a source as the archive keeps it: its primary subtag in lower case, as Twitter
   * writes codes and as {@link #detect} answers ({@code fr-FR}, {@code en_US}, {@code EN} → {@code fr},
   * {@code en}), or null when it says nothing ({@code und}, Twitter's {@code zxx} and {@code q*}, empty).
   */
  public static String given(String lang) {
    if (lang == null) return null;
    String l = lang.trim().toLowerCase(Locale.ROOT);
    int sub = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
    if (sub >= 0) l = l.substring(0, sub);
    return l.isEmpty() || ABSENT.contains(l) ? null : l;
  }

  /** The ISO 639-1 code of the text's language, or null when the text is too short to judge. */
  public static String detect(String text) {
    String t = judgeable(text);
    if (t == null) return null;
    Model m = Model.INSTANCE;
    Set<String> grams = new HashSet<>(3 * t.length());
    for (int len = 1; len <= 3; len++) {
      for (int i = 0; i + len <= t.length(); i++) grams.add(t.substring(i, i + len));
    }
    double[] score = new double[m.codes.length];
    boolean known = false;
    for (String g : grams) {
      Context c = m.weights.get(g);
      if (c == null) continue;
      known = true;
      int[] outcomes = c.getOutcomes();
      double[] w = c.getParameters();
      for (int k = 0; k < outcomes.length; k++) {
        int s = m.slot[outcomes[k]];
        if (s >= 0) score[s] += w[k];
      }
    }
    if (!known) return null;
    int best = 0;
    for (int s = 1; s < score.length; s++) if (score[s] > score[best]) best = s;
    return m.codes[best];
  }

  /**
   * The text normalised as the model expects, cut to {@link #MAX_CHARS}, or null with fewer than
   * {@link #MIN_LETTERS} letters.
   */
  static String judgeable(String text) {
    if (text == null) return null;
    int n = text.length();
    StringBuilder b = new StringBuilder(Math.min(n, MAX_CHARS));
    int letters = 0;
    char prev = ' ';
    int repeats = 0;
    int i = 0;
    while (i < n && b.length() < MAX_CHARS) {
      int end = i;
      while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
      if (end > i && !skipped(text, i, end)) {
        if (prev != ' ') {
          b.append(' ');
          prev = ' ';
        }
        for (int k = i; k < end && b.length() < MAX_CHARS; k++) {
          char c = text.charAt(k);
          c = Character.isDigit(c) || Character.isSurrogate(c) ? ' ' : Character.toLowerCase(c);
          if (c == prev) {
            if (c == ' ' || ++repeats >= 2) continue; // "soooo" -> "soo", as the model's normaliser does
          } else {
            repeats = 0;
          }
          if (Character.isLetter(c)) letters++;
          b.append(c);
          prev = c;
        }
      }
      i = end + 1;
    }
    int len = b.length();
    while (len > 0 && b.charAt(len - 1) == ' ') len--;
    return letters < MIN_LETTERS ? null : b.substring(0, len);
  }

  /** URLs, mentions, e-mail addresses and hashtags. */
  private static boolean skipped(String s, int start, int end) {
    char c = s.charAt(start);
    if (c == '#' || c == '@') return true;
    if (s.startsWith("http://", start) || s.startsWith("https://", start) || s.startsWith("www.", start)) return true;
    return s.lastIndexOf('@', end - 1) >= start; // an e-mail address, or a mention after punctuation
  }
}
