package io.megaphone.ingest.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 text of a stream for reading JSON documents: a leading byte-order mark is dropped, and each invalid
 * byte sequence becomes U+FFFD with its character offset recorded, so that the document holding it can be
 * quarantined as invalid_encoding instead of entering the archive with replacement characters.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
  /** offsets (in characters decoded, the byte-order mark included) of replaced invalid sequences */
  private final List<Long> invalidAt = new ArrayList<>();
  /** characters decoded before the current buffer */
  private long decoded;
  /** 1 when a leading byte-order mark was dropped */
  private int skipped;
  private boolean eof;
  private boolean finished;
  private boolean started;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  /** Whether an invalid byte sequence was replaced at a character offset in [from, to). */
  boolean invalidBetween(long from, long to) {
    for (long at : invalidAt) if (at - skipped >= from && at - skipped < to) return true;
    return false;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (!chars.hasRemaining()) {
      if (!fill()) return -1;
    }
    if (!started) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
        skipped = 1;
        if (!chars.hasRemaining()) return read(cbuf, off, len);
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes more characters; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (finished) return false;
    chars.clear();
    while (chars.position() == 0) {
      if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
        if (!eof) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) eof = true;
          else bytes.position(bytes.position() + n);
          bytes.flip();
        }
      }
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        bytes.position(bytes.position() + r.length());
        invalidAt.add(decoded + chars.position());
        chars.put('\uFFFD');
      } else if (r.isUnderflow() && eof) {
        decoder.flush(chars);
        finished = true;
        break;
      } else if (r.isOverflow()) {
        break;
      }
    }
    chars.flip();
    decoded += chars.remaining();
    return chars.hasRemaining();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
