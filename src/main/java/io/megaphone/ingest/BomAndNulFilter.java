package io.megaphone.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A UTF-8 byte stream without its byte-order mark (EF BB BF at the start) and without NUL bytes, for readers
 * that hand a whole file to a parser (JSON documents): a BOM or a NUL would otherwise make the file
 * unparseable from that point. A NUL byte is never part of a multi-byte UTF-8 character, so dropping it
 * cannot damage one.
 */
public final class BomAndNulFilter extends FilterInputStream {
  private boolean started;

  public BomAndNulFilter(InputStream in) {
    super(in.markSupported() ? in : new java.io.BufferedInputStream(in, 1 << 16));
  }

  private void skipBom() throws IOException {
    if (started) return;
    started = true;
    in.mark(3);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) in.reset();
  }

  @Override
  public int read() throws IOException {
    skipBom();
    int b;
    do {
      b = in.read();
    } while (b == 0);
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    skipBom();
    while (true) {
      int n = in.read(buf, off, len);
      if (n <= 0) return n;
      int w = off;
      for (int i = off; i < off + n; i++) if (buf[i] != 0) buf[w++] = buf[i];
      if (w > off) return w - off;
      // only NULs read: read again rather than return 0
    }
  }

  @Override
  public long skip(long n) throws IOException {
    skipBom();
    return in.skip(n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
