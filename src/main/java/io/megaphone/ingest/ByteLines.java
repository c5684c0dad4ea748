package io.megaphone.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Physical lines of a byte stream (LF or CRLF), each decoded as UTF-8 with a validity flag, or in a
 * declared charset. NUL bytes are dropped: they come from broken exports and mean nothing in text.
 */
public final class ByteLines implements AutoCloseable {
  /** One physical line; {@code validUtf8} is false when bytes could not be decoded. */
  public record Line(long number, String text, boolean validUtf8) {}

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
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
      buf[len++] = (byte) b;
    }
    if (b == -1) {
      eof = true;
      if (len == 0) return null;
    }
    if (len > 0 && buf[len - 1] == '\r') len--;
    number++;
    StrictUtf8.Decoded d = charset == null ? StrictUtf8.decode(buf, 0, len)
        : new StrictUtf8.Decoded(StrictUtf8.stripBom(new String(buf, 0, len, charset)), true);
    String text = d.text().indexOf('\0') >= 0 ? d.text().replace("\0", "") : d.text();
    return new Line(number, text, d.valid());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
