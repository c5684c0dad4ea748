package io.megaphone.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generates archives in the shared test session (never through the CLI, which starts and stops its own). */
final class GeneratedArchives {
  static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedArchives() {}

  static GeneratorOptions options(Path out, long posts, String format, long seed, long postsPerFile, boolean labels) {
    return new GeneratorOptions(posts, format, seed, out.toString(), postsPerFile, 0, GeneratorOptions.DEFAULT_START,
        GeneratorOptions.DEFAULT_END, labels, false);
  }

  static ArchiveGenerator.Result generate(GeneratorOptions o) {
    return ArchiveGenerator.run(TestSpark.session(), o);
  }

  static ArchiveGenerator.Result generate(Path out, long posts, String format, long seed, long postsPerFile,
      boolean labels) {
    return generate(options(out, posts, format, seed, postsPerFile, labels));
  }

  /** Every regular file under {@code root}, by path relative to it (with '/' separators), in name order. */
  static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** DIR/data/part-* in name order. */
  static List<Path> dataFiles(Path root) {
    try (Stream<Path> s = Files.list(root.resolve("data"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data files concatenated in name order; with {@code dropHeader}, each file's first line is left out. */
  static byte[] concatenatedData(Path root, boolean dropHeader) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Path p : dataFiles(root)) {
      try {
        byte[] b = Files.readAllBytes(p);
        int from = 0;
        if (dropHeader) {
          while (from < b.length && b[from] != '\n') from++;
          from = Math.min(b.length, from + 1);
        }
        all.write(b, from, b.length - from);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toByteArray();
  }

  static JsonNode truth(Path root) {
    try {
      return JSON.readTree(root.resolve("truth.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
