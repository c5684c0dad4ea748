package io.megaphone.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Physical lines of a byte stream (LF or CRLF), each decoded as UTF-8 with a validity flag, or in a
 * declared charset. NUL bytes are dropped: they come from broken exports and mean nothing in text. A line
 * longer than {@link PostRecord#MAX_RECORD_BYTES} is not kept whole: it comes back {@link Line#tooLong()}, with
 * its first bytes as text (for the quarantine) and {@code validUtf8} false, so a reader that does not look
 * at {@code tooLong} still rejects it rather than accept a cut record.
 */
public final class ByteLines implements AutoCloseable {
  /**
   * One physical line; {@code validUtf8} is false when bytes could not be decoded; {@code bytes} is its
   * length in the stream (without the line end).
   */
  public record Line(long number, String text, boolean validUtf8, long bytes) {
    public Line(long number, String text, boolean validUtf8) {
      this(number, text, validUtf8, text.length());
    }

    /** Longer than {@link PostRecord#MAX_RECORD_BYTES}: {@code text} holds only its beginning. */
    public boolean tooLong() {
      return bytes > MAX_BYTES;
    }
  }

  private static final int PREFIX_KEPT = 4000;
  private static final long MAX_BYTES = PostRecord.MAX_RECORD_BYTES;

  private final InputStream in;
  /** null for UTF-8 (checked strictly), else a single-byte or other declared charset */
  private final java.nio.charset.Charset charset;
  private byte[] buf = new byte[8192];
  private long number;
  private boolean eof;

  public ByteLines(InputStream in) {
    this(in, null);
  }

  /** @param charset null or UTF-8 for strict UTF-8, else the source's declared encoding */
  public ByteLines(InputStream in, java.nio.charset.Charset charset) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.charset = charset == null || charset.equals(java.nio.charset.StandardCharsets.UTF_8) ? null : charset;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (eof) return null;
    int len = 0;
    long total = 0;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      total++;
      if (total > MAX_BYTES) continue; // past the limit: count, do not keep
      if (len == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(MAX_BYTES, (long) buf.length * 2));
      buf[len++] = (byte) b;
    }
    if (b == -1) {
      eof = true;
      if (total == 0) return null;
    }
    number++;
    if (total > MAX_BYTES) {
      String prefix = new String(buf, 0, Math.min(len, PREFIX_KEPT), charset == null
          ? java.nio.charset.StandardCharsets.UTF_8 : charset);
      if (buf.length > 1 << 20) buf = new byte[8192]; // do not hold the big buffer for the next lines
      return new Line(number, prefix.replace("\0", ""), false, total);
    }
    if (len > 0 && buf[len - 1] == '\r') {
      len--;
      total--;
    }
    StrictUtf8.Decoded d = charset == null ? StrictUtf8.decode(buf, 0, len)
        : new StrictUtf8.Decoded(StrictUtf8.stripBom(new String(buf, 0, len, charset)), true);
    String text = d.text().indexOf('\0') >= 0 ? d.text().replace("\0", "") : d.text();
    return new Line(number, text, d.valid(), total);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
