package io.megaphone.ingest;

import org.apache.commons.text.StringEscapeUtils;

/**
 * The cleanup every post's text gets, whatever its format ({@link PostRecord#toRow}). In this order:
 * <ol>
 *   <li>HTML entities are decoded ({@code &amp;amp;} {@code &amp;lt;} {@code &amp;#39;} {@code &amp;#x1F600;} ...):
 *       Twitter, Reddit and YouTube escape their texts, and an analyst wants the text as written;</li>
 *   <li>NUL characters are dropped (broken exports; they mean nothing in a text);</li>
 *   <li>a lone UTF-16 surrogate (a JSON {@code "\ud83d"} escape without its pair, half an emoji cut by a
 *       tool) becomes U+FFFD: it cannot be written as UTF-8 and would come out of Parquet as {@code ?};</li>
 *   <li><b>mojibake</b> is repaired: UTF-8 bytes once decoded as Windows-1252 or Latin-1 ({@code Itâ€™s},
 *       {@code Ã©tÃ©}, {@code ðŸ˜€}) are turned back into the characters they encoded, in at most two rounds
 *       (double-encoded text).</li>
 * </ol>
 * A text with none of {@code &}, NUL, a lone surrogate or a possible mojibake pair (a character from Â to ô
 * followed by one that Windows-1252 gives to a UTF-8 continuation byte) is returned as is after one scan:
 * plain ASCII, French or emoji text costs one pass over its characters.
 *
 * <p>How mojibake is repaired without damaging correct text. Each maximal run of non-ASCII characters is
 * mapped back to the bytes Windows-1252 gives them (the five bytes it leaves undefined, 0x81 0x8D 0x8F 0x90
 * 0x9D, come back from the C1 controls Latin-1 maps them to; a U+FFFD a decoder put in their place is handled
 * by {@link #lostByteGuess}) and decoded as UTF-8. The run is replaced only if every character maps to a
 * byte, the bytes are valid UTF-8, and each character they decode to is plausible:
 * <ul>
 *   <li>two bytes: a Latin, Greek, Cyrillic, Armenian, Hebrew or Arabic letter ({@code É’} in "CAFÉ’S"
 *       would give an IPA letter: left alone);</li>
 *   <li>three bytes: punctuation or an emoji-like symbol, or a CJK, kana, Hangul, Indic or Thai character
 *       if the run gives two or more of them (French {@code é »}, E9 A0 BB, would give one CJK character);
 *       never Braille or private use ({@code â »}, {@code ï »});</li>
 *   <li>four bytes: an emoji or another supplementary character.</li>
 * </ul>
 * A run of two characters at the end of a word is weak evidence and is repaired only when the text has other
 * mojibake, unless it starts with {@code Ã} or {@code Â} (the mojibake of Latin-1 letters and of the
 * no-break space) and does not end with a closing quote: upper-case {@code OÙ} before a no-break space would
 * give an Arabic digit, Portuguese {@code IRMÃ”} {@code IRMÔ}. Correct accented text ({@code Ça coûte 5 €},
 * {@code naïve}, {@code Größe}) never forms valid UTF-8 this way: an accented letter followed by a letter or an
 * ASCII space is not a lead byte followed by continuation bytes. {@code Ã} followed by an ASCII space (the
 * no-break space of {@code à} turned into a space on the way) becomes {@code à} when the text had other
 * mojibake repaired.
 */
public final class TextRepair {
  /** The character Windows-1252 decodes from bytes 0x80..0x9F (undefined ones: the C1 control, as Latin-1 does). */
  private static final char[] CP1252_HIGH = {
      '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
      '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
      '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
      '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};
  /** Rounds of repair: twice undoes double encoding ({@code ÃƒÂ©} → {@code Ã©} → {@code é}). */
  private static final int MAX_ROUNDS = 2;

  private TextRepair() {}

  /** The cleaned text; null stays null. */
  public static String clean(String s) {
    if (s == null || s.isEmpty()) return s;
    int flags = scan(s);
    if (flags == 0) return s;
    if ((flags & AMP) != 0) {
      s = StringEscapeUtils.unescapeHtml4(s);
      flags = scan(s); // entities can produce NULs, lone surrogates or mojibake
    }
    if ((flags & (NUL | SURROGATE)) != 0) s = dropNulsAndLoneSurrogates(s);
    if ((flags & MOJIBAKE) != 0) s = repairMojibake(s);
    return s;
  }

  private static final int AMP = 1;
  private static final int NUL = 2;
  private static final int SURROGATE = 4;
  private static final int MOJIBAKE = 8;

  /** One pass: which of the repairs the text may need. */
  static int scan(String s) {
    int flags = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '&') flags |= AMP;
        else if (c == 0) flags |= NUL;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
        else flags |= SURROGATE; // a lone one
      } else if (c >= '\u00C2' && c <= '\u00F4' && i + 1 < n && isContinuation(s.charAt(i + 1))) {
        flags |= MOJIBAKE;
      }
    }
    return flags;
  }

  /** Whether {@code c} is what Windows-1252 or Latin-1 decode from a UTF-8 continuation byte (0x80..0xBF). */
  private static boolean isContinuation(char c) {
    return c >= '\u0080' && c <= '\u00BF' || c == '\uFFFD' || c > '\u00FF' && byteOf(c) >= 0;
  }

  /** The byte Windows-1252 (or Latin-1 for 0x80..0x9F) decodes to {@code c}, or -1. */
  static int byteOf(char c) {
    if (c <= '\u00FF') return c;
    for (int i = 0; i < CP1252_HIGH.length; i++) if (CP1252_HIGH[i] == c) return 0x80 + i;
    return -1;
  }

  /** Drops NULs; a surrogate not part of a valid pair becomes U+FFFD. */
  private static String dropNulsAndLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String repairMojibake(String s) {
    boolean repaired = false;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String r = repairRuns(s, repaired);
      if (r == null) break;
      s = r;
      repaired = true;
      if ((scan(s) & MOJIBAKE) == 0) break;
    }
    if (repaired && s.indexOf("\u00C3 ") >= 0) s = s.replace("\u00C3  ", "\u00E0 ").replace("\u00C3 ", "\u00E0 ");
    return s;
  }

  /** A run of non-ASCII characters that decodes as mojibake. */
  private record Run(int start, int end, String fixed, boolean weak) {}

  /**
   * The text with each mojibake run replaced, or null when there is none. Weak runs ({@link #isWeak}) are
   * replaced only when the text has a strong one or was repaired in an earlier round.
   */
  private static String repairRuns(String s, boolean confirmed) {
    java.util.List<Run> runs = new java.util.ArrayList<>();
    boolean strong = confirmed;
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (s.charAt(i) < 0x80) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && s.charAt(i) >= 0x80) i++;
      String fixed = decodeRun(s, start, i);
      if (fixed == null) continue;
      boolean weak = isWeak(s, start, i);
      strong |= !weak;
      runs.add(new Run(start, i, fixed, weak));
    }
    StringBuilder out = new StringBuilder(n);
    int copied = 0;
    for (Run r : runs) {
      if (r.weak && !strong) continue;
      out.append(s, copied, r.start).append(r.fixed);
      copied = r.end;
    }
    if (copied == 0) return null;
    return out.append(s, copied, n).toString();
  }

  /**
   * A run of two characters (one two-byte sequence) at the end of a word is weak evidence unless it is the
   * mojibake of a Latin-1 letter ({@code Ã} or {@code Â} then a sign) that a closing quote does not end:
   * {@code OÙ} and a no-break space (French before {@code ?}) would decode to an Arabic digit, {@code IRMÃ”}
   * (Portuguese before a quote) to {@code IRMÔ}.
   */
  private static boolean isWeak(String s, int start, int end) {
    if (end - start != 2 || end < s.length() && Character.isLetter(s.charAt(end))) return false;
    char lead = s.charAt(start);
    char q = s.charAt(start + 1);
    boolean closing = q == '\u2019' || q == '\u201D' || q == '\u00BB';
    return closing || lead != '\u00C3' && lead != '\u00C2';
  }

  /** A byte that a decoder replaced with U+FFFD (one of 0x81 0x8D 0x8F 0x90 0x9D). */
  private static final int LOST = 0x1FF;

  /**
   * A sequence with a lost byte: {@code â€}+U+FFFD is {@code ”} (E2 80 9D, by far the most frequent) and
   * {@code ï¸}+U+FFFD the emoji variation selector U+FE0F (EF B8 8F); another symbol (lead E2) or an emoji
   * (lead F0) cannot be told and becomes U+FFFD: the character is lost, its mojibake removed. Anything else
   * (a letter: {@code Ã}+U+FFFD could be Á Í Ï Ð Ý) is left alone.
   */
  private static String lostByteGuess(int[] bytes, int k, int n) {
    int b0 = bytes[k];
    if (n == 3 && b0 == 0xE2 && bytes[k + 1] == 0x80 && bytes[k + 2] == LOST) return "\u201D";
    if (n == 3 && b0 == 0xEF && bytes[k + 1] == 0xB8 && bytes[k + 2] == LOST) return "\uFE0F";
    if (n == 3 && b0 == 0xE2 || n == 4 && b0 == 0xF0) return "\uFFFD";
    return null;
  }

  /**
   * The UTF-8 text the run's Windows-1252 bytes encode, if they are valid and plausible; else null. A U+FFFD
   * in the run stands for a byte Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) that a decoder
   * replaced; see {@link #lostByteGuess}.
   */
  static String decodeRun(String s, int start, int end) {
    int len = end - start;
    int[] bytes = new int[len];
    boolean lead = false;
    for (int k = 0; k < len; k++) {
      char c = s.charAt(start + k);
      int b = c == '\uFFFD' ? LOST : byteOf(c);
      if (b == -1) return null;
      if (b >= 0xC2 && b <= 0xF4) lead = true;
      bytes[k] = b;
    }
    if (!lead) return null;
    StringBuilder out = new StringBuilder(len);
    int scriptChars = 0;
    int k = 0;
    while (k < len) {
      int b0 = bytes[k];
      int n = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
      if (n == 0 || k + n > len) return null; // a continuation byte, a lost byte or an invalid lead first
      int cp = b0 & (0xFF >> (n + 1));
      boolean lost = false;
      for (int j = 1; j < n; j++) {
        int b = bytes[k + j];
        if (b == LOST) {
          lost = true;
        } else if (b < 0x80 || b > 0xBF) {
          return null;
        }
        cp = (cp << 6) | (b & 0x3F);
      }
      if (lost) {
        String guess = lostByteGuess(bytes, k, n);
        if (guess == null) return null;
        out.append(guess);
      } else {
        if (n == 2 && !plausibleTwoByte(cp)) return null;
        if (n == 3) {
          int kind = threeByteKind(cp);
          if (kind == IMPLAUSIBLE) return null;
          if (kind == SCRIPT) scriptChars++;
        }
        // emoji and other supplementary characters; tags only after one (subdivision flags)
        if (n == 4 && !(cp >= 0x10000 && cp <= 0x3FFFF || cp >= 0xE0000 && cp <= 0xE01EF && out.length() > 0)) {
          return null;
        }
        out.appendCodePoint(cp);
      }
      k += n;
    }
    // One lone CJK, Hangul or Indic character is what a French "é »" (E9 A0 BB) would give: not enough.
    if (scriptChars == 1) return null;
    return out.toString();
  }

  /**
   * Latin-1 supplement, Latin extended A and B, Greek, Cyrillic, Armenian, Hebrew and Arabic letters; and
   * the two Windows-1252 modifier letters (ˆ ˜), which a first round yields from double-encoded text.
   */
  private static boolean plausibleTwoByte(int c) {
    return c <= 0x24F || c >= 0x370 && c <= 0x587 || c >= 0x5D0 && c <= 0x5F4 || c >= 0x600 && c <= 0x6FF
        || c == 0x2C6 || c == 0x2DC;
  }

  private static final int IMPLAUSIBLE = 0;
  private static final int SYMBOL = 1;
  private static final int SCRIPT = 2;

  /**
   * Three-byte sequences: punctuation, currency, letter-like signs, arrows, technical signs, geometric shapes,
   * miscellaneous symbols, dingbats, variation selectors and the BOM are symbols (the emoji-like ones); Indic, Thai, CJK, kana, Hangul and full-width forms are script characters; the rest
   * (Braille, private use, rare scripts) is not what mojibake hides. {@code é »} gives U+983B, a lone CJK
   * character; {@code â »} gives Braille.
   */
  private static int threeByteKind(int c) {
    if (c >= 0x2000 && c <= 0x214F || c >= 0x2190 && c <= 0x245F || c == 0x24C2 || c >= 0x25A0 && c <= 0x27BF
        || c >= 0x2900 && c <= 0x297F || c >= 0x2B00 && c <= 0x2BFF || c >= 0xFE00 && c <= 0xFE0F || c == 0xFEFF
        || c == 0xFFFD) {
      return SYMBOL;
    }
    if (c >= 0x800 && c <= 0x1FFF || c >= 0x3000 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7AF
        || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF) {
      return SCRIPT;
    }
    return IMPLAUSIBLE;
  }
}
