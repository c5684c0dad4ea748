package io.megaphone.generate;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC §3.2 normalisation and 5-gram Jaccard, written here on its own (not shared with the metric) so the
 * truth the generator plants is an independent statement of what the duplication metric must find.
 */
final class NearDuplicate {
  private NearDuplicate() {}

  private static final Pattern URL = Pattern.compile("https?://\\S*");
  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_]+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static String normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = URL.matcher(t).replaceAll(" ");
    t = MENTION.matcher(t).replaceAll(" ");
    t = NON_WORD.matcher(t).replaceAll(" ");
    return SPACES.matcher(t).replaceAll(" ").trim();
  }

  static int words(String normalised) {
    return normalised.isEmpty() ? 0 : normalised.split(" ").length;
  }

  static Set<String> shingles(String normalised) {
    Set<String> s = new HashSet<>();
    if (normalised.length() < 5) {
      s.add(normalised);
      return s;
    }
    for (int i = 0; i + 5 <= normalised.length(); i++) s.add(normalised.substring(i, i + 5));
    return s;
  }

  static double jaccard(String normA, String normB) {
    Set<String> a = shingles(normA);
    Set<String> b = shingles(normB);
    int inter = 0;
    for (String x : a) if (b.contains(x)) inter++;
    int union = a.size() + b.size() - inter;
    return union == 0 ? 1.0 : (double) inter / union;
  }
}
