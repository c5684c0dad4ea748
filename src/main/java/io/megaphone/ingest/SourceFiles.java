package io.megaphone.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Expands an input path (file, folder or glob, any Hadoop file system) and opens files, decompressing by extension. */
public final class SourceFiles {
  private SourceFiles() {}

  /** Data files under the path, sorted; names starting with '.' or '_' (checksums, _SUCCESS) are skipped. */
  public static List<FileStatus> expand(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      TreeSet<String> seen = new TreeSet<>();
      List<FileStatus> out = new ArrayList<>();
      if (matches == null) return out;
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (!hidden(f.getPath()) && seen.add(f.getPath().toString())) out.add(f);
          }
        } else if (seen.add(m.getPath().toString())) {
          out.add(m);
        }
      }
      out.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private static boolean hidden(Path p) {
    String n = p.getName();
    return n.startsWith(".") || n.startsWith("_");
  }

  /**
   * Opens a file, decompressing {@code .gz}, {@code .bz2} (Hadoop's codecs) and {@code .zst}. Zstandard goes
   * through zstd-jni (Spark's own dependency) rather than Hadoop's codec, which needs native libhadoop; the
   * window limit is raised to 2^31 because Pushshift and Arctic Shift dumps are compressed with --long=31.
   */
  public static InputStream open(String file, Configuration conf) throws IOException {
    Path p = new Path(file);
    InputStream in = p.getFileSystem(conf).open(p);
    if (isZstd(file)) {
      try {
        return new com.github.luben.zstd.ZstdInputStream(in).setLongMax(31);
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    }
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    return codec == null ? in : codec.createInputStream(in);
  }

  public static boolean isZstd(String file) {
    String f = file.toLowerCase(java.util.Locale.ROOT);
    return f.endsWith(".zst") || f.endsWith(".zstd");
  }
}
