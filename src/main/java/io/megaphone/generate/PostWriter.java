package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes blocks of generated posts in one source format. */
interface PostWriter extends AutoCloseable {
  void write(List<SyntheticPost> block) throws IOException;

  @Override
  void close() throws IOException;

  static PostWriter open(String format, OutputStream out, World world) throws IOException {
    return GeneratedFormat.byName(format).orElseThrow(() -> new IllegalArgumentException(format))
        .writer.open(out, world);
  }
}
