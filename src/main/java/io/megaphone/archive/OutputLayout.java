package io.megaphone.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output folder of a run (SPEC §4) on any Hadoop file system: {@code archive/}, {@code quarantine/},
 * {@code metrics/}, {@code reports/}, {@code manifest.json}.
 */
public final class OutputLayout {
  private final Path root;
  private final Configuration conf;

  public OutputLayout(String out, Configuration conf) {
    this.conf = conf;
    try {
      Path p = new Path(out);
      this.root = p.getFileSystem(conf).makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String root() {
    return root.toString();
  }

  public String archive() {
    return child("archive");
  }

  public String quarantine() {
    return child("quarantine");
  }

  /** Parquet folder of a metrics table. */
  public String metricsTable(String name) {
    return child("metrics/" + name);
  }

  public String metricsCsv(String name) {
    return child("metrics/" + name + ".csv");
  }

  public String reports() {
    return child("reports");
  }

  public String manifest() {
    return child("manifest.json");
  }

  public String child(String relative) {
    return new Path(root, relative).toString();
  }

  public boolean exists(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Local files without the {@code file:} scheme, as users write them; other file systems as they are. */
  public static String displayPath(String qualified) {
    return qualified.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(qualified)).toString() : qualified;
  }

  public boolean isLocal() {
    return "file".equals(root.toUri().getScheme());
  }

  public void writeText(String path, String content) {
    Path p = new Path(path);
    try (OutputStream os = p.getFileSystem(conf).create(p, true)) {
      os.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  public String readText(String path) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Copies a local file into the output folder (reports rendered locally, then published). */
  public void copyFromLocal(java.nio.file.Path local, String target) {
    try {
      Path t = new Path(target);
      t.getFileSystem(conf).copyFromLocalFile(false, true, new Path(local.toUri()), t);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy to " + target, e);
    }
  }

  /** Deletes a folder or file of the output, if there. */
  public void delete(String path) {
    try {
      Path p = new Path(path);
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  public void deleteCrcFiles(String dir) {
    // the local file system writes .crc side files next to everything; they are noise for readers
    try {
      Path d = new Path(dir);
      FileSystem fs = d.getFileSystem(conf);
      if (!isLocal() || !fs.exists(d)) return;
      var it = fs.listFiles(d, true);
      while (it.hasNext()) {
        Path f = it.next().getPath();
        if (f.getName().endsWith(".crc")) fs.delete(f, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
