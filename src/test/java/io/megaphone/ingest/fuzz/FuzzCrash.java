package io.megaphone.ingest.fuzz;

import io.megaphone.ingest.SourceFormat;
import java.util.ArrayList;
import java.util.List;

/** Reads mutated files; when the reader fails, finds which files make it fail and says so. */
final class FuzzCrash {
  private FuzzCrash() {}

  /** The files of a corpus as the job lists them (qualified paths), in the corpus's order. */
  static List<String> files(FuzzCorpus corpus) {
    return FuzzReads.qualified(corpus.files.stream().map(f -> f.path().toUri().toString()).toList());
  }

  static FuzzReads.Outcome read(SourceFormat format, FuzzSeeds seeds, FuzzCorpus corpus) {
    List<String> files = files(corpus);
    List<List<String>> byGroup = new ArrayList<>();
    for (int g = 0; g < seeds.groups.size(); g++) byGroup.add(new ArrayList<>());
    for (int i = 0; i < files.size(); i++) byGroup.get(corpus.files.get(i).group()).add(files.get(i));
    try {
      return FuzzReads.readGroups(format, byGroup, seeds.groups);
    } catch (Exception e) {
      throw new AssertionError(format.name() + " failed on mutated files: " + rootCause(e) + "\n"
          + culprits(format, seeds, corpus), e);
    }
  }

  /** The first few files that fail alone, with their mutations. */
  static String culprits(SourceFormat format, FuzzSeeds seeds, FuzzCorpus corpus) {
    List<String> files = files(corpus);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < files.size() && out.size() < 3; i++) {
      FuzzCorpus.FuzzFile f = corpus.files.get(i);
      try {
        FuzzReads.read(format, List.of(files.get(i)), seeds.groups.get(f.group()));
      } catch (Exception e) {
        out.add("  " + f.path() + " (" + f.kind() + "): " + rootCause(e) + "\n    mutations: "
            + String.join(" | ", f.log().subList(0, Math.min(10, f.log().size()))));
      }
    }
    return out.isEmpty() ? "  (no file fails alone)" : String.join("\n", out);
  }

  static String rootCause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    String at = "";
    for (StackTraceElement s : c.getStackTrace()) {
      if (s.getClassName().startsWith("io.megaphone")) {
        at = " at " + s;
        break;
      }
    }
    return c + at;
  }
}
