package io.megaphone.report;

/**
 * Makes arbitrary text safe to put into an XML 1.0 document. Escaping is the template engine's job;
 * this only removes the characters that XML 1.0 cannot carry at all (escaped or not), such as NUL,
 * ESC or lone surrogates, which would otherwise make the XHTML unparseable.
 */
public final class XmlText {

  private XmlText() {}

  /** {@code text} without the characters XML 1.0 forbids; {@code null} becomes the empty string. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    int firstBad = firstInvalidIndex(text);
    if (firstBad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, firstBad);
    int i = firstBad;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isAllowed(cp)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * Whether XML 1.0 allows the code point: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
   * U+10000–U+10FFFF. A lone surrogate reaches this method as its own code point and is rejected.
   */
  public static boolean isAllowed(int codePoint) {
    return codePoint == 0x9
        || codePoint == 0xA
        || codePoint == 0xD
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }

  private static int firstInvalidIndex(String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!isAllowed(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }
}
