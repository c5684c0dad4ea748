package io.megaphone.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-8 and says whether the bytes were valid, so bad bytes quarantine a record instead of hiding in it. */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** The decoded text, with U+FFFD for bad bytes, and whether any byte was bad. */
  public record Decoded(String text, boolean valid) {}

  public static Decoded decode(byte[] bytes, int offset, int length) {
    // Fast path: the JDK's decoder replaces bad bytes with U+FFFD; without one in the result, the bytes were valid.
    String lenient = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) return new Decoded(stripBom(lenient), true);
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes, offset, length));
      return new Decoded(stripBom(cb.toString()), true);
    } catch (CharacterCodingException e) {
      return new Decoded(stripBom(new String(bytes, offset, length, StandardCharsets.UTF_8)), false);
    }
  }

  public static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
