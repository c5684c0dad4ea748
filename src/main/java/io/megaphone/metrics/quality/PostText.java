package io.megaphone.metrics.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A post's text normalised once and cut into tokens, the way lexicon entries are cut too.
 *
 * <p>Normalisation: NFKC (so no-break spaces become spaces, full-width letters become plain ones), lower case
 * (Locale.ROOT), accents stripped (NFD then combining marks removed), typographic apostrophes are separators
 * like {@code '}. Tokens, in order:
 * <ul>
 *   <li>a <b>word</b>: a run of letters and digits ({@code l'engagement} gives {@code l}, {@code engagement};
 *       {@code week-end} gives {@code week}, {@code end}); a {@code .} or {@code ,} between two digits stays inside
 *       the word, so {@code 9,99} and {@code 12.000} are one number;</li>
 *   <li>the parts of a <b>hashtag</b> ({@code #tag_a_friend} gives {@code tag}, {@code a}, {@code friend}): they
 *       match lexicon entries but are not words for link-only and empty;</li>
 *   <li>a <b>symbol</b>: {@code %}, a currency sign, an emoji or other pictograph (one token each), and
 *       {@code -} when it stands right before a number ({@code -30 %} gives {@code -}, {@code 30}, {@code %}).</li>
 * </ul>
 * URLs (a chunk starting {@code http://}, {@code https://} or {@code www.}) and mentions ({@code @name}) are
 * dropped; a hashtag or mention is recognised as {@code TextEntities} does.
 */
final class PostText {
  static final byte WORD = 0;
  static final byte TAG = 1;
  static final byte SYMBOL = 2;

  final List<String> tokens = new ArrayList<>(32);
  /** the kind of each token: {@link #WORD}, {@link #TAG} or {@link #SYMBOL} */
  private byte[] kinds = new byte[32];
  /** normalised hashtag bodies as written (underscores kept) */
  final List<String> hashtags = new ArrayList<>(2);
  boolean hasUrl;
  int words;

  private PostText() {}

  /**
   * Characters normalised one by one from a table: Latin-1, Latin Extended-A, and the punctuation, currency,
   * letter-like, arrow, symbol and dingbat blocks plus the emoji variation selectors — all starters that compose
   * with nothing, so their normalisation does not depend on their neighbours. Null: not in the table.
   */
  private static final String[] TABLE = new String[0x10000];
  private static final int[][] TABLE_BLOCKS = {{0, 0x180}, {0x2000, 0x2070}, {0x20A0, 0x20D0}, {0x2100, 0x2150},
      {0x2190, 0x2200}, {0x2600, 0x27C0}, {0xFE0E, 0xFE10}};
  /** Emoji blocks (Miscellaneous Symbols and Pictographs to Symbols and Pictographs Extended-A): kept as they are. */
  private static final int EMOJI_FROM = 0x1F300;
  private static final int EMOJI_UNTIL = 0x1FB00;

  static {
    for (int[] b : TABLE_BLOCKS) for (int c = b[0]; c < b[1]; c++) TABLE[c] = normaliseFully(String.valueOf((char) c));
  }

  /**
   * NFKC, lower case, accents stripped. A text made of table characters and emoji (most posts, accented, with
   * typographic quotes, dashes and emoji) is normalised char by char, which equals the full computation
   * ({@code PostTextTest} checks it on real texts and random strings) at a fraction of its cost.
   */
  static String normalise(String s) {
    if (s == null || s.isEmpty()) return "";
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) continue;
      ascii = false;
      if (TABLE[c] != null) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(i + 1));
        if (cp >= EMOJI_FROM && cp < EMOJI_UNTIL) {
          i++;
          continue;
        }
      }
      return normaliseFully(s);
    }
    if (ascii) return s.toLowerCase(Locale.ROOT);
    int size = 0;
    for (int i = 0; i < n; i++) {
      String m = TABLE[s.charAt(i)];
      size += m != null ? m.length() : 1; // a surrogate of an emoji, kept
    }
    char[] out = new char[size];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String m = TABLE[c];
      if (m == null) {
        out[k++] = c;
      } else if (m.length() == 1) {
        out[k++] = m.charAt(0);
      } else {
        m.getChars(0, m.length(), out, k);
        k += m.length();
      }
    }
    return new String(out);
  }

  static String normaliseFully(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = Normalizer.normalize(t, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  static PostText of(String text) {
    PostText p = new PostText();
    p.scan(normalise(text));
    return p;
  }

  int size() {
    return tokens.size();
  }

  byte kind(int i) {
    return kinds[i];
  }

  private static boolean wordChar(int c) {
    return alnum(c) || c == '_';
  }

  /** {@link Character#isLetterOrDigit(int)}, from a table below 128 (most characters of most posts). */
  private static boolean alnum(int c) {
    return c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
  }

  private static final boolean[] ASCII_ALNUM = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
  }

  private void add(String token, byte kind) {
    if (tokens.size() == kinds.length) kinds = java.util.Arrays.copyOf(kinds, kinds.length * 2);
    kinds[tokens.size()] = kind;
    tokens.add(token);
  }

  private void scan(String s) {
    int len = s.length();
    int i = 0;
    int prev = ' ';
    while (i < len) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      if (Character.isWhitespace(c)) {
        prev = c;
        i += n;
        continue;
      }
      if (!alnum(prev) && (s.startsWith("http://", i) || s.startsWith("https://", i)
          || s.startsWith("www.", i))) {
        hasUrl = true;
        while (i < len && !Character.isWhitespace(s.charAt(i))) i++;
        prev = ' ';
        continue;
      }
      if ((c == '@' || c == '#') && i + 1 < len && wordChar(s.codePointAt(i + 1))
          && !wordChar(prev) && prev != '@' && !(c == '#' && (prev == '&' || prev == '#'))) {
        int j = i + 1;
        while (j < len && wordChar(s.codePointAt(j))) j += Character.charCount(s.codePointAt(j));
        if (c == '#') {
          String body = s.substring(i + 1, j);
          hashtags.add(body);
          for (String part : body.split("_")) if (!part.isEmpty()) add(part, TAG);
        }
        prev = s.codePointBefore(j);
        i = j;
        continue;
      }
      if (alnum(c)) {
        int j = i;
        while (j < len) {
          int d = s.codePointAt(j);
          if (alnum(d)) {
            j += Character.charCount(d);
          } else if ((d == '.' || d == ',') && j + 1 < len && Character.isDigit(s.charAt(j + 1))
              && Character.isDigit(s.codePointBefore(j))) {
            j++; // a decimal or thousands separator inside a number: 9,99 and 12.000 are one token
          } else {
            break;
          }
        }
        add(s.substring(i, j), WORD);
        words++;
        prev = s.codePointBefore(j);
        i = j;
        continue;
      }
      if ((c == '-' || c == '\u2212') && i + 1 < len && Character.isDigit(s.charAt(i + 1))
          && !alnum(prev)) {
        add("-", SYMBOL);
      } else if (c == '%' || isSymbol(c)) {
        add(new String(Character.toChars(c)), SYMBOL);
      }
      prev = c;
      i += n;
    }
  }

  static boolean isSymbol(int c) {
    int type = Character.getType(c);
    return type == Character.CURRENCY_SYMBOL || type == Character.OTHER_SYMBOL;
  }

  /** Digits, with . or , between digits (9,99 and 1.000.000 are numbers). */
  static boolean isNumber(String token) {
    if (token.isEmpty() || !Character.isDigit(token.charAt(0))) return false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',') return false;
    }
    return true;
  }

  static boolean hasLetter(String token) {
    for (int i = 0; i < token.length(); i++) if (Character.isLetter(token.charAt(i))) return true;
    return false;
  }
}
