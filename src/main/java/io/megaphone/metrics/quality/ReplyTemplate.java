package io.megaphone.metrics.quality;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The skeleton of a brand reply, for the templated-reply rule (the robot): what stays when what changes from
 * one customer to the next is masked — handles, URLs, e-mail addresses, numbers, signatures ({@code ^AB},
 * {@code -Julie}), and the customer's name (the word after a greeting, or a first word followed by a comma).
 * Two replies with the same skeleton come from one template.
 */
public final class ReplyTemplate {
  private ReplyTemplate() {}

  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.]+");
  private static final Pattern SIGNATURE = Pattern.compile("(?:\\^|[-–—~]\\s?)\\p{Lu}[\\p{L}]{0,15}\\s*$");
  private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,:/-]\\p{N}+)*");
  private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut",
      "coucou", "merci", "thanks", "thank", "hola", "hallo", "ciao");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public static String skeleton(String text) {
    if (text == null) return "";
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    t = URL.matcher(t).replaceAll("<url>");
    t = EMAIL.matcher(t).replaceAll("<email>");
    t = HANDLE.matcher(t).replaceAll("<user>");
    t = SIGNATURE.matcher(t).replaceAll("<sig>");
    t = NUMBER.matcher(t).replaceAll("<n>");
    String[] words = SPACES.split(t.strip());
    StringBuilder out = new StringBuilder();
    boolean nameNext = false;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      String bare = letters(w);
      boolean leading = i == 0 || (i == 1 && words[0].equals("<user>"));
      boolean capitalised = !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
      if ((nameNext && capitalised) || (leading && capitalised && w.endsWith(",") && !GREETINGS.contains(bare))) {
        w = "<name>" + (w.endsWith(",") ? "," : "");
      }
      nameNext = GREETINGS.contains(bare) && !w.endsWith(",");
      if (out.length() > 0) out.append(' ');
      out.append(w);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The word's letters, lower case (no regular expression: this runs on every brand reply). */
  private static String letters(String w) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      if (Character.isLetter(cp)) b.appendCodePoint(Character.toLowerCase(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }
}
