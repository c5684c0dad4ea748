package io.megaphone.metrics.duplication;

import java.text.Normalizer;
import java.util.Locale;

/**
 * SPEC §3.2 normalisation, in the SPEC's order: NFKC; lower case; URLs ({@code http://} or {@code https://} up to
 * the next white space) and mentions ({@code @} followed by letters, digits or {@code _}) removed; every character
 * that is not a letter, a digit or white space replaced by a space; white space collapsed to single spaces and
 * trimmed. Hand-written passes instead of regular expressions: it runs on every original post of the archive.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String normalize(String text) {
    if (text == null) return "";
    String t = withoutUrls(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder(t.length());
    int n = t.length();
    int i = 0;
    boolean pendingSpace = false;
    while (i < n) {
      int cp = t.codePointAt(i);
      if (cp == '@' && i + 1 < n && isMentionChar(t.codePointAt(i + 1))) {
        i++;
        while (i < n && isMentionChar(t.codePointAt(i))) i += Character.charCount(t.codePointAt(i));
        pendingSpace = true;
        continue;
      }
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) out.append(' ');
        pendingSpace = false;
        out.appendCodePoint(cp);
      } else {
        pendingSpace = true; // white space, punctuation, symbols, emoji: all become one separating space
      }
    }
    return out.toString();
  }

  /** URLs first, as the SPEC orders it: {@code @foohttps://x} loses the URL, then the mention. */
  private static String withoutUrls(String t) {
    int at = t.indexOf("http");
    if (at < 0) return t;
    StringBuilder out = new StringBuilder(t.length());
    int i = 0;
    int n = t.length();
    while (at >= 0) {
      if (t.startsWith("http://", at) || t.startsWith("https://", at)) {
        out.append(t, i, at).append(' ');
        i = at;
        while (i < n && !isSpace(t.codePointAt(i))) i += Character.charCount(t.codePointAt(i));
        at = t.indexOf("http", i);
      } else {
        at = t.indexOf("http", at + 4);
      }
    }
    return out.append(t, i, n).toString();
  }

  /** Words of a normalised text (its space-separated tokens). */
  public static int words(String normalized) {
    if (normalized.isEmpty()) return 0;
    int w = 1;
    for (int i = 0; i < normalized.length(); i++) if (normalized.charAt(i) == ' ') w++;
    return w;
  }

  private static boolean isMentionChar(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }
}
