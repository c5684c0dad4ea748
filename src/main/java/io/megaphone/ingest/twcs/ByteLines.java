package io.megaphone.ingest.twcs;

import io.megaphone.ingest.StrictUtf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Physical lines of a byte stream (LF or CRLF), each decoded as UTF-8 with a validity flag. */
final class ByteLines implements AutoCloseable {
  record Line(long number, String text, boolean validUtf8) {}

  private final InputStream in;
  private byte[] buf = new byte[8192];
  private long number;
  private boolean eof;

  ByteLines(InputStream in) {
    this.in = new BufferedInputStream(in, 1 << 16);
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
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
    StrictUtf8.Decoded d = StrictUtf8.decode(buf, 0, len);
    String text = d.text().indexOf('\0') >= 0 ? d.text().replace("\0", "") : d.text();
    return new Line(number, text, d.valid());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
