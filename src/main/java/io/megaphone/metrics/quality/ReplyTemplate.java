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

  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern SIGNATURE = Pattern.compile("(?:\\^|[-–—~]\\s?)\\p{Lu}[\\p{L}]{0,15}\\s*$");
  private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut",
      "coucou", "merci", "thanks", "thank", "hola", "hallo", "ciao");

  public static String skeleton(String text) {
    if (text == null) return "";
    String t = (ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC)).strip();
    // This runs on every brand reply: the patterns that match in most replies (URLs, handles, numbers) are
    // replaced by hand-written loops, the others run only when the text can hold a match (a search that cannot
    // match still tries every start position). ReplyTemplateTest checks the result equals the plain statement
    // (every pattern applied with replaceAll) on real texts.
    if (t.contains("http")) t = replaceUrls(t);
    if (mayHoldEmail(t)) t = EMAIL.matcher(t).replaceAll("<email>");
    if (t.indexOf('@') >= 0) t = replaceHandles(t);
    t = replaceSignature(t);
    if (hasNumber(t)) t = replaceNumbers(t);
    t = t.strip();
    StringBuilder out = new StringBuilder(t.length() + 8);
    char[] letters = new char[MAX_GREETING];
    boolean nameNext = false;
    boolean firstIsUser = false;
    int n = t.length();
    int word = 0;
    for (int i = 0; i < n; word++) {
      int j = i;
      while (j < n && !space(t.charAt(j))) j++;
      boolean comma = t.charAt(j - 1) == ',';
      if (word == 0) firstIsUser = j - i == USER.length() && t.startsWith(USER, i);
      boolean leading = word == 0 || (word == 1 && firstIsUser);
      boolean capitalised = Character.isUpperCase(t.codePointAt(i));
      boolean greeting = (!comma || (leading && capitalised && !nameNext)) && greeting(t, i, j, letters);
      if (out.length() > 0) out.append(' ');
      if ((nameNext && capitalised) || (leading && capitalised && comma && !greeting)) {
        out.append(comma ? "<name>," : "<name>");
      } else {
        out.append(t, i, j);
      }
      nameNext = greeting && !comma;
      while (j < n && space(t.charAt(j))) j++;
      i = j;
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static final String USER = "<user>";
  private static final int MAX_GREETING = 7;

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
    return true;
  }

  /** Whether the letters of {@code t[from, to)}, lower case, are a greeting (the letters kept in {@code buf}). */
  private static boolean greeting(String t, int from, int to, char[] buf) {
    int n = 0;
    for (int i = from; i < to; ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      int lower = Character.toLowerCase(cp);
      if (n == buf.length || lower > 0xFFFF) return false; // no greeting is longer, none is outside the BMP
      buf[n++] = (char) lower;
    }
    return n > 1 && GREETINGS.contains(new String(buf, 0, n));
  }

  /** {@code URL.matcher(t).replaceAll("<url>")}: {@code http://} or {@code https://}, then up to a white space. */
  private static String replaceUrls(String t) {
    return replaceFrom(t, "http", "<url>", (s, i) -> {
      int p = i + 4;
      if (p < s.length() && s.charAt(p) == 's') p++;
      if (!s.startsWith("://", p) || p + 3 >= s.length() || space(s.charAt(p + 3))) return -1;
      int e = p + 3;
      while (e < s.length() && !space(s.charAt(e))) e++;
      return e;
    });
  }

  /** {@code HANDLE.matcher(t).replaceAll("<user>")}: {@code @} then letters, digits, {@code _} and {@code .}. */
  private static String replaceHandles(String t) {
    return replaceFrom(t, "@", USER, (s, i) -> {
      int e = i + 1;
      while (e < s.length()) {
        int cp = s.codePointAt(e);
        if (!Character.isLetter(cp) && !number(cp) && cp != '_' && cp != '.') break;
        e += Character.charCount(cp);
      }
      return e > i + 1 ? e : -1;
    });
  }

  /** Where a match that starts at {@code start} ends (exclusive), or -1 when none starts there. */
  private interface MatchEnd {
    int at(String t, int start);
  }

  /**
   * {@code replaceAll} for a pattern whose matches start with {@code marker}: from the left, each match is
   * replaced and the search goes on after it; where none starts, at the next occurrence of the marker.
   */
  private static String replaceFrom(String t, String marker, String replacement, MatchEnd match) {
    StringBuilder sb = null;
    int last = 0;
    for (int i = t.indexOf(marker); i >= 0; ) {
      int e = match.at(t, i);
      if (e < 0) {
        i = t.indexOf(marker, i + 1);
        continue;
      }
      if (sb == null) sb = new StringBuilder(t.length());
      sb.append(t, last, i).append(replacement);
      last = e;
      i = t.indexOf(marker, e);
    }
    return sb == null ? t : sb.append(t, last, t.length()).toString();
  }

  /** {@code NUMBER.matcher(t).replaceAll("<n>")}: digits, and digits again after each of {@code . , : / -}. */
  private static String replaceNumbers(String t) {
    StringBuilder sb = new StringBuilder(t.length());
    int n = t.length();
    int i = 0;
    while (i < n) {
      int cp = t.codePointAt(i);
      if (!number(cp)) {
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int e = digits(t, i);
      while (e + 1 < n && ".,:/-".indexOf(t.charAt(e)) >= 0 && number(t.codePointAt(e + 1))) e = digits(t, e + 1);
      sb.append("<n>");
      i = e;
    }
    return sb.toString();
  }

  /** The end of the run of {@code \p{N}} starting at {@code from}. */
  private static int digits(String t, int from) {
    int e = from;
    while (e < t.length()) {
      int cp = t.codePointAt(e);
      if (!number(cp)) break;
      e += Character.charCount(cp);
    }
    return e;
  }

  /** {@code \p{N}}. */
  private static boolean number(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** An e-mail address needs an '@' right after a character of its local part. */
  private static boolean mayHoldEmail(String t) {
    for (int i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
      if (i == 0) continue;
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

  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
