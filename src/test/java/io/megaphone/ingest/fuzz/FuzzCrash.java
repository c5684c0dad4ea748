package io.megaphone.ingest.fuzz;

import io.megaphone.ingest.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads mutated files; when the reader fails, finds which files make it fail and says so. */
final class FuzzCrash {
  private FuzzCrash() {}

  static FuzzReads.Outcome read(SourceFormat format, List<String> files, Map<String, Object> settings,
      FuzzCorpus corpus) {
    try {
      return FuzzReads.read(format, files, settings);
    } catch (Exception e) {
      throw new AssertionError(format.name() + " failed on mutated files: " + rootCause(e) + "\n"
          + culprits(format, files, settings, corpus), e);
    }
  }

  /** The first few files that fail alone, with their mutations. */
  static String culprits(SourceFormat format, List<String> files, Map<String, Object> settings, FuzzCorpus corpus) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < files.size() && out.size() < 3; i++) {
      try {
        FuzzReads.read(format, List.of(files.get(i)), settings);
      } catch (Exception e) {
        FuzzCorpus.FuzzFile f = corpus.files.get(i);
        out.add("  " + f.path() + " (" + f.kind() + "): " + rootCause(e) + "\n    mutations: "
            + String.join(" | ", f.log().subList(0, Math.min(10, f.log().size()))));
      }
    }
    return out.isEmpty() ? "  (no file fails alone)" : String.join("\n", out);
  }

  static String rootCause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    StackTraceElement[] st = c.getStackTrace();
    String at = "";
    for (StackTraceElement s : st) {
      if (s.getClassName().startsWith("io.megaphone")) {
        at = " at " + s;
        break;
      }
    }
    return c + at;
  }
}
