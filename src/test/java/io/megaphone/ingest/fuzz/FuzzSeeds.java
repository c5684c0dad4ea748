package io.megaphone.ingest.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.megaphone.generate.ArchiveGenerator;
import io.megaphone.generate.GeneratorOptions;
import io.megaphone.ingest.SourceFiles;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.ingest.json.Json;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * Valid records of one format to mutate: a small generated archive when the generator writes the format,
 * and the files of {@code src/test/resources/fixtures/<format>/}. Each record ("unit") is measured alone
 * through the format's reader first (its baseline: how many rows the unmutated record makes), so that the
 * plausibility bound of the fuzz knows which records are expected to yield at least one row.
 */
final class FuzzSeeds {
  static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  static final long GENERATED_POSTS = 2_000;
  /** Units bigger than this (a page of 100 tweets) are shrunk to a few elements per array. */
  static final int SHRINK_ABOVE = 4_096;
  static final int FIXTURE_UNITS_MAX = 150;
  private static final Set<String> NOT_DATA = Set.of("md", "yaml", "yml", "properties", "txt", "html", "pdf", "png");
  private static final Set<String> BINARY = Set.of("parquet", "orc", "avro");
  private static final Map<String, FuzzSeeds> CACHE = new ConcurrentHashMap<>();

  enum Family {
    /** one JSON value per line */
    JSON_LINES,
    /** a JSON document spanning lines, mutated as a whole file */
    JSON_DOCUMENT,
    /** a CSV record under its file's header */
    CSV,
    /** an XML document, mutated as a whole file */
    XML
  }

  /** One seed record. */
  static final class Unit {
    final String origin;
    final Family family;
    /** data file extension, e.g. ".jsonl", ".json", ".csv", ".xml" */
    final String extension;
    /** the record as written in its file (a document keeps its line breaks) */
    final byte[] bytes;
    /** parsed JSON, or null (CSV, XML, JSON that does not parse) */
    final JsonNode tree;
    /** the CSV header of the record's file, else null */
    final String csvHeader;
    /** the CSV dialect of the record's file (separator, quote, encoding), else null */
    final CsvDialect dialect;
    final boolean generated;
    /** the input settings the record's file is read with */
    final Map<String, Object> settings;
    /** rows the reader makes of the unmutated record alone */
    long baseline = -1;

    Unit(String origin, Family family, String extension, byte[] bytes, JsonNode tree, String csvHeader,
        boolean generated, Map<String, Object> settings) {
      this(origin, family, extension, bytes, tree, csvHeader, null, generated, settings);
    }

    Unit(String origin, Family family, String extension, byte[] bytes, JsonNode tree, String csvHeader,
        CsvDialect dialect, boolean generated, Map<String, Object> settings) {
      this.dialect = dialect;
      this.origin = origin;
      this.family = family;
      this.extension = extension;
      this.bytes = bytes;
      this.tree = tree;
      this.csvHeader = csvHeader;
      this.generated = generated;
      this.settings = settings;
    }

    /** The record on one line (a JSON document compacted), for line-based batches. */
    byte[] line() {
      if (family != Family.JSON_DOCUMENT || tree == null) return bytes;
      try {
        return Mutator.WRITER.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  final String format;
  final List<Unit> units = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  /** the distinct input settings of the units, in order of appearance: files are read per settings group */
  final List<Map<String, Object>> groups = new ArrayList<>();
  boolean generated;
  int fixtureFiles;

  private FuzzSeeds(String format) {
    this.format = format;
  }

  /** The index of a settings group. */
  int group(Map<String, Object> settings) {
    int i = groups.indexOf(settings);
    if (i < 0) {
      groups.add(settings);
      i = groups.size() - 1;
    }
    return i;
  }

  /** The seeds of a format, built once per test JVM (both fuzz tests share them). */
  static FuzzSeeds of(SourceFormat format, Path work) {
    return CACHE.computeIfAbsent(format.name(), n -> build(format, work.resolve("seeds").resolve(n)));
  }

  private static FuzzSeeds build(SourceFormat format, Path dir) {
    String name = format.name();
    FuzzSeeds s = new FuzzSeeds(name);
    Map<String, Object> defaults = FuzzSettings.defaults(format);
    Map<Path, Map<String, Object>> perFile = FuzzSettings.perFile(format);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      if (GeneratorOptions.FORMATS.contains(name)) {
        s.generated = true;
        Path out = dir.resolve("generated");
        ArchiveGenerator.run(TestSpark.session(), new GeneratorOptions(GENERATED_POSTS, name, 7, out.toString(),
            GENERATED_POSTS, 0, GeneratorOptions.DEFAULT_START, GeneratorOptions.DEFAULT_END, false, true));
        // the generated job file says how its data is read (the mapped format's mapping, a feed's platform)
        Map<String, Object> generatedSettings = FuzzSettings.ofGeneratedJob(format, out.resolve("job.yaml"));
        try (Stream<Path> files = Files.list(out.resolve("data"))) {
          for (Path f : files.sorted().toList()) {
            s.addFile(f, "generated/" + f.getFileName(), true, Integer.MAX_VALUE, generatedSettings);
          }
        }
      }
      List<Path> files = new ArrayList<>();
      for (Path folder : fixtureFolders(name)) {
        try (Stream<Path> w = Files.walk(folder)) {
          files.addAll(w.filter(Files::isRegularFile).sorted().toList());
        }
      }
      if (!files.isEmpty()) {
        List<Path> data = new ArrayList<>();
        for (Path f : files) {
          String fn = f.getFileName().toString().toLowerCase(Locale.ROOT);
          if (fn.startsWith(".") || fn.startsWith("readme") || fn.startsWith("brands") || fn.startsWith("fuzz")
              || NOT_DATA.contains(ext(fn))) {
            continue;
          }
          data.add(f);
        }
        int perFixtureFile = Math.max(5, FIXTURE_UNITS_MAX / Math.max(1, data.size()));
        for (Path f : data) {
          Map<String, Object> settings = perFile.getOrDefault(f.toAbsolutePath().normalize(), defaults);
          if (settings == null || !FuzzSettings.accepted(format, settings)) {
            s.notes.add(FIXTURES.relativize(f) + ": no input settings the format accepts (name the file in a job"
                + " file of its fixture folder, or write " + FuzzSettings.FILE + "), not mutated");
            continue;
          }
          s.fixtureFiles++;
          s.addFile(f, FIXTURES.relativize(f).toString(), false, perFixtureFile, settings);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!s.units.isEmpty()) FuzzReads.measureBaselines(format, s, dir.resolve("baseline"));
    return s;
  }

  /**
   * {@code fixtures/<format>/} and the variants {@code fixtures/<format>-<variant>/} (e.g. twitter-v2-csv)
   * whose name is not itself a registered format.
   */
  static List<Path> fixtureFolders(String format) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(FIXTURES)) return out;
    try (Stream<Path> l = Files.list(FIXTURES)) {
      for (Path d : l.filter(Files::isDirectory).sorted().toList()) {
        String n = d.getFileName().toString();
        if (n.equals(format) || n.startsWith(format + "-") && !io.megaphone.ingest.SourceFormats.all().containsKey(n)) {
          out.add(d);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Splits a seed file into units; compressed files are read decompressed, binary ones skipped. */
  private void addFile(Path f, String origin, boolean generated, int maxUnits, Map<String, Object> settings)
      throws IOException {
    String fn = f.getFileName().toString().toLowerCase(Locale.ROOT);
    String inner = fn.replaceFirst("\\.(gz|bz2|zst|zstd)$", "");
    if (BINARY.contains(ext(inner))) {
      notes.add(origin + ": binary, not mutated");
      return;
    }
    byte[] bytes;
    try (InputStream in = SourceFiles.open(f.toUri().toString(), new Configuration())) {
      bytes = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      notes.add(origin + ": unreadable (" + e.getClass().getSimpleName() + "), not mutated");
      return;
    }
    String extension = "." + ext(inner);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String head = text.replace("\uFEFF", "").stripLeading();
    List<Unit> found = new ArrayList<>();
    if (extension.equals(".csv") || extension.equals(".tsv")) {
      CsvDialect d;
      try {
        d = CsvDialect.of(settings, "fuzz", extension.equals(".tsv") ? new CsvDialect('\t', '"', "UTF-8")
            : CsvDialect.RFC4180);
      } catch (RuntimeException e) {
        notes.add(origin + ": CSV dialect settings not usable (" + e.getMessage() + "), not mutated");
        return;
      }
      List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, d.charset()).split("\n", -1)));
      if (lines.isEmpty()) return;
      String header = lines.remove(0);
      int i = 0;
      for (String r : Mutator.Csv.records(lines, d)) {
        found.add(new Unit(origin + " record " + (++i), Family.CSV, extension, r.getBytes(d.charset()), null, header,
            d, generated, settings));
      }
    } else if (head.startsWith("<") || Set.of(".xml", ".rss", ".atom").contains(extension)) {
      List<byte[]> docs = bytes.length > SHRINK_ABOVE * 4 ? XmlWindows.windows(bytes, 3, 20) : List.of(bytes);
      for (int i = 0; i < docs.size(); i++) {
        found.add(new Unit(origin + (docs.size() > 1 ? " window " + (i + 1) : ""), Family.XML, extension, docs.get(i),
            null, null, generated, settings));
      }
    } else if (!head.isEmpty()) {
      String[] lines = text.split("\n");
      List<JsonNode> trees = new ArrayList<>();
      int complete = 0;
      int nonBlank = 0;
      for (String l : lines) {
        if (l.isBlank()) continue;
        nonBlank++;
        JsonNode t = parseLine(l);
        trees.add(t);
        if (t != null) complete++;
      }
      if (complete == nonBlank || complete * 2 >= nonBlank && complete > 1) {
        int i = 0;
        int k = 0;
        for (String l : lines) {
          if (l.isBlank()) continue;
          JsonNode t = trees.get(k++);
          byte[] b = Mutator.utf8(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
          if (t != null && b.length > SHRINK_ABOVE) {
            t = Mutator.shrink(t, 3);
            b = Mutator.WRITER.writeValueAsBytes(t);
          }
          found.add(new Unit(origin + " line " + (++i), Family.JSON_LINES, extension, b, t, null, generated,
              settings));
        }
      } else {
        List<JsonNode> docs = documents(text);
        if (docs.size() == 1) {
          JsonNode t = docs.get(0);
          byte[] b = bytes;
          if (b.length > SHRINK_ABOVE * 4) {
            t = Mutator.shrink(t, 3);
            b = Mutator.WRITER.writerWithDefaultPrettyPrinter().writeValueAsBytes(t);
          }
          found.add(new Unit(origin, Family.JSON_DOCUMENT, extension, b, t, null, generated, settings));
        } else if (docs.size() > 1) {
          int i = 0;
          for (JsonNode d : docs) {
            JsonNode t = d.toString().length() > SHRINK_ABOVE ? Mutator.shrink(d, 3) : d;
            found.add(new Unit(origin + " document " + (++i), Family.JSON_DOCUMENT, extension,
                Mutator.WRITER.writerWithDefaultPrettyPrinter().writeValueAsBytes(t), t, null, generated, settings));
          }
        } else {
          // not JSON at all (a fixture of broken input): its bytes are still worth mutating
          found.add(new Unit(origin, Family.JSON_DOCUMENT, extension, bytes, null, null, generated, settings));
        }
      }
    }
    if (found.size() > maxUnits) {
      List<Unit> sampled = new ArrayList<>();
      for (int i = 0; i < maxUnits; i++) sampled.add(found.get((int) ((long) i * found.size() / maxUnits)));
      found = sampled;
    }
    for (Unit u : found) group(u.settings);
    units.addAll(found);
  }

  /** The value of a line when it holds exactly one complete JSON value, else null. */
  static JsonNode parseLine(String line) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(line)) {
      JsonNode n = Json.MAPPER.readTree(p);
      return n != null && p.nextToken() == null ? n : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<JsonNode> documents(String text) {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
      MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(p);
      while (it.hasNextValue()) out.add(it.nextValue());
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  List<Unit> generatedUnits() {
    return units.stream().filter(u -> u.generated).toList();
  }

  List<Unit> fixtureUnits() {
    return units.stream().filter(u -> !u.generated).toList();
  }

  /** Units per family, for the report. */
  Map<Family, Long> families() {
    Map<Family, Long> m = new LinkedHashMap<>();
    for (Unit u : units) m.merge(u.family, 1L, Long::sum);
    return m;
  }

  static String ext(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> w = Files.walk(dir)) {
      for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
