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

  public static String skeleton(String text) {
    if (text == null) return "";
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    // each pattern runs only when the text can hold a match: a search that cannot match still tries every start
    // position, and this runs on every brand reply (ReplyTemplateTest checks the result equals the plain statement)
    if (t.contains("http")) t = URL.matcher(t).replaceAll("<url>");
    if (mayHoldEmail(t)) t = EMAIL.matcher(t).replaceAll("<email>");
    if (t.indexOf('@') >= 0) t = HANDLE.matcher(t).replaceAll("<user>");
    t = replaceSignature(t);
    if (hasNumber(t)) t = NUMBER.matcher(t).replaceAll("<n>");
    String[] words = words(t.strip());
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

  /** An e-mail address needs an '@' right after a character of its local part. */
  private static boolean mayHoldEmail(String t) {
    for (int i = t.indexOf('@'); i > 0; i = t.indexOf('@', i + 1)) {
      int c = t.codePointBefore(i);
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
          || Character.getType(c) == Character.LETTER_NUMBER || Character.getType(c) == Character.OTHER_NUMBER) {
        return true;
      }
    }
    return false;
  }

  /** A signature ends the text: at most 18 characters before the trailing white space, so search only there. */
  private static String replaceSignature(String t) {
    int end = t.length();
    while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) end--;
    java.util.regex.Matcher m = SIGNATURE.matcher(t).region(Math.max(0, end - 20), t.length());
    return m.find() ? t.substring(0, m.start()) + "<sig>" + t.substring(m.end()) : t;
  }

  private static boolean hasNumber(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') return true;
      if (c >= 128) {
        int type = Character.getType(c);
        if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
            || type == Character.OTHER_NUMBER || Character.isSurrogate(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code t.split("\\s+")} ({@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return). */
  private static String[] words(String t) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0;
    int n = t.length();
    while (i < n) {
      int j = i;
      while (j < n && !space(t.charAt(j))) j++;
      out.add(t.substring(i, j));
      while (j < n && space(t.charAt(j))) j++;
      i = j;
    }
    if (out.isEmpty()) out.add(t);
    return out.toArray(String[]::new);
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
