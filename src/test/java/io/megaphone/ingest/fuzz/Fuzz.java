package io.megaphone.ingest.fuzz;

import io.megaphone.generate.GeneratorOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.SourceFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What both fuzz tests share: the formats (every registered one), the check that each has seeds, the seed
 * of the random mutations and the report. Replay or widen a run with {@code -Dfuzz.seed=N},
 * {@code -Dfuzz.formats=a,b} and the tests' own size properties.
 */
final class Fuzz {
  static final Path WORK = Path.of("target", "fuzz");
  static final long SEED = Long.getLong("fuzz.seed", 20_240_601L);

  private Fuzz() {}

  /** Every registered format, or those of {@code -Dfuzz.formats}. */
  static List<SourceFormat> formats() {
    String only = System.getProperty("fuzz.formats", "");
    List<SourceFormat> out = new ArrayList<>();
    for (SourceFormat f : SourceFormats.all().values()) {
      if (only.isBlank() || List.of(only.split(",")).contains(f.name())) out.add(f);
    }
    return out;
  }

  /** Registered formats that the generator cannot write and that have no fixture folder: nothing to mutate. */
  static List<String> formatsWithoutSeeds() {
    List<String> missing = new ArrayList<>();
    for (String name : SourceFormats.all().keySet()) {
      if (!GeneratorOptions.FORMATS.contains(name) && FuzzSeeds.fixtureFolders(name).isEmpty()) {
        missing.add(name);
      }
    }
    return missing;
  }

  static String noSeedsMessage(List<String> missing) {
    return "format(s) " + missing + " have neither a generator entry (generate/GeneratedFormat) nor a fixture"
        + " folder " + FuzzSeeds.FIXTURES + "/<format>/: the fuzz has no valid record of them to mutate";
  }

  static long seedFor(String format) {
    return SEED * 31 + format.hashCode();
  }

  /** Appends a line to target/fuzz/<test>.md and prints it. */
  static void report(String test, String line) {
    System.out.println("[fuzz] " + line);
    try {
      Files.createDirectories(WORK);
      Files.writeString(WORK.resolve(test + ".md"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void resetReport(String test) {
    try {
      Files.deleteIfExists(WORK.resolve(test + ".md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String seedsLine(FuzzSeeds s) {
    return s.units.size() + " seed records (" + s.generatedUnits().size() + " generated, " + s.fixtureUnits().size()
        + " from " + s.fixtureFiles + " fixture file(s); " + s.families() + ")"
        + (s.notes.isEmpty() ? "" : "; " + String.join("; ", s.notes));
  }

  static String top(Map<String, Long> ops, int n) {
    return ops.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(n)
        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
  }
}
