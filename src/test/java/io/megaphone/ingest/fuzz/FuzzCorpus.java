package io.megaphone.ingest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.ingest.fuzz.FuzzSeeds.Family;
import io.megaphone.ingest.fuzz.FuzzSeeds.Unit;
import io.megaphone.ingest.fuzz.Mutator.Mutation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Mutated files of one format, built deterministically from its seeds: line-based records (JSON Lines, CSV
 * records under their header) are batched many to a file with some unmutated records between them (a quarter);
 * documents (multi-line JSON, XML) get a file each. Besides, whole-file cases: CSV header mutations, empty and
 * blank files, truncated and corrupted compressed files (.gz, .zst, .bz2). Files read with different input
 * settings (the mapped format's mappings) go to different folders, one input each.
 *
 * <p>What the plausibility check asserts, per family (a record's "baseline" is what the reader made of the
 * unmutated record alone; a record whose baseline is 0 is never required to give a row):
 * <ul>
 *   <li>JSON Lines batch, per record (rows positioned at its bytes or lines): unmutated, its baseline; mutated on
 *       the tree, at least 1 unless the mutation may empty it (a value set to null, [] or {}, a container
 *       dropped); mutated on the bytes, at least 1 per LF- or CR-separated non-blank line that no longer parses
 *       as one JSON value (read as the reader reads it: NULs dropped, strict UTF-8), its baseline for a line
 *       that parses to the unchanged value, and nothing for one that parses to another value (a page whose
 *       records key lost a letter is an empty page to some formats); a duplicated line twice its baseline.
 *   <li>CSV batch, per record: an unmutated record with the header's field count gives at least 1 row, whatever
 *       the mutated records around it. Mutated records that end inside an open quoted field go to batches of
 *       their own, where only the file must give a row: how far a stray quote reaches is the reader's guess.
 *   <li>Document file: at least 1 row, unless the mutated JSON document still parses to another value.
 *   <li>Whole files: empty, blank, BOM-only and NUL-only files may give nothing; garbage at least 1 row (JSON,
 *       XML); a cut or corrupted compressed file at least 1 (a "truncated" record at the least); CSV files with
 *       a mutated header at least 1, or one per record when the header is only written differently (BOM, CR LF,
 *       repeated).
 * </ul>
 * Rows are counted per record only when every row of the file is positioned by "byte N", "line N" or "lines
 * N-M" (feed items are positioned otherwise: their files get the per-file bound only).
 */
final class FuzzCorpus {
  /** Batches close at this many records or bytes. */
  static final int BATCH_RECORDS = 400;
  static final int BATCH_BYTES = 4 << 20;
  /** Share of records written unmutated between the mutated ones. */
  static final double CONTEXT = 0.25;

  /**
   * A mutated file, the mutations in it, the fewest rows a reader may make of it, and where each record of a
   * batch starts with the fewest rows that must carry a position inside it (empty for whole-file cases).
   */
  record FuzzFile(Path path, String kind, int mutations, long minRows, List<String> log, List<Span> spans,
      int group) {
    FuzzFile(Path path, String kind, int mutations, long minRows, List<String> log, int group) {
      this(path, kind, mutations, minRows, log, List.of(), group);
    }
  }

  /**
   * Records batched together: same settings group, same kind of file, same extension, CSV header and dialect.
   * CSV records that end inside an open quoted field go to batches of their own ({@code openQuote}): how far
   * such a quote reaches is the reader's guess, so no record after them is required to survive.
   */
  private record BatchKey(int group, boolean csv, String ext, String header, CsvDialect dialect, boolean openQuote) {}

  /** CSV records ending inside an open quote, per file. */
  static final int OPEN_QUOTE_BATCH = 20;

  /** A record of a batch: its first byte and line, and the fewest rows positioned inside it. */
  record Span(long startByte, long firstLine, long min, String log) {}

  /** One record written into a batch: {@code min} is its share of the file's lower bound. */
  private record Piece(byte[] bytes, long min, boolean mutated, String log) {}

  final List<FuzzFile> files = new ArrayList<>();
  final Map<String, Long> ops = new LinkedHashMap<>();
  int mutations;
  private final FuzzSeeds seeds;
  private final Path dir;
  private final Mutator m;
  private final Random rnd;
  private final int docFileCap;
  private final Map<BatchKey, List<Piece>> open = new LinkedHashMap<>();
  private final Map<BatchKey, Long> openBytes = new LinkedHashMap<>();
  private int docFiles;
  private int fileNo;

  private FuzzCorpus(FuzzSeeds seeds, Path dir, long seed, int docFileCap) {
    this.seeds = seeds;
    this.dir = dir;
    this.m = new Mutator(seed);
    this.rnd = m.random();
    this.docFileCap = docFileCap;
  }

  /**
   * @param budget mutated records to write (whole-file cases come on top)
   * @param docFileCap most files of one mutated document each (documents beyond go to line batches when they
   *     are JSON; XML formats get at most this many mutations)
   */
  static FuzzCorpus build(FuzzSeeds seeds, Path dir, long seed, int budget, int docFileCap) {
    FuzzCorpus c = new FuzzCorpus(seeds, dir, seed, docFileCap);
    try {
      FuzzSeeds.deleteRecursively(dir);
      Files.createDirectories(dir);
      c.run(budget);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  private void run(int budget) throws IOException {
    List<Unit> gen = seeds.generatedUnits();
    List<Unit> fix = seeds.fixtureUnits();
    boolean onlyDocuments = seeds.units.stream().allMatch(u -> u.family == Family.XML
        || u.family == Family.JSON_DOCUMENT && u.tree == null);
    if (onlyDocuments) budget = Math.min(budget, docFileCap);
    for (int i = 0; i < budget; i++) {
      Unit u = fix.isEmpty() || !gen.isEmpty() && rnd.nextBoolean() ? m.pick(gen) : m.pick(fix);
      mutate(u);
    }
    for (BatchKey key : new ArrayList<>(open.keySet())) flush(key);
    wholeFileCases();
  }

  private void mutate(Unit u) throws IOException {
    switch (u.family) {
      case CSV -> csv(u);
      case XML -> document(u);
      case JSON_DOCUMENT -> {
        if (u.tree == null || docFiles < docFileCap && rnd.nextBoolean()) document(u);
        else jsonLine(u);
      }
      default -> jsonLine(u);
    }
  }

  // ------------------------------------------------------------ JSON Lines

  private void jsonLine(Unit u) throws IOException {
    BatchKey key = new BatchKey(seeds.group(u.settings), false, u.extension, null, null, false);
    byte[] line = u.line();
    int kind = rnd.nextInt(100);
    if (kind < 5 && u.baseline > 0) {
      // line-level: a record duplicated, two records joined on one line, CR LF endings, blank lines around, two
      // records swapped
      int k = rnd.nextInt(5);
      Unit other = m.pick(sameShape(u));
      Piece p = switch (k) {
        case 0 -> new Piece(Mutator.concat(Mutator.concat(line, new byte[] {'\n'}), line), 2 * u.baseline, true,
            "duplicate line");
        case 1 -> new Piece(Mutator.concat(line, u.line()), 1, true, "two records on one line");
        case 2 -> new Piece(Mutator.concat(line, "\r".getBytes(StandardCharsets.UTF_8)), u.baseline, true,
            "CR LF ending");
        case 3 -> new Piece(Mutator.concat(Mutator.concat(other.line(), new byte[] {'\n'}), line),
            u.baseline + Math.max(0, other.baseline), true, "swap lines with " + other.origin);
        default -> new Piece(Mutator.concat(Mutator.concat("\n \n\t\n".getBytes(StandardCharsets.UTF_8), line),
            "\n\r\n".getBytes(StandardCharsets.UTF_8)), u.baseline, true, "blank lines around");
      };
      add(key, p, u);
      return;
    }
    Mutation mu = u.tree != null && kind < 55 ? m.jsonTree(u.tree) : m.bytes(line, Family.JSON_LINES);
    long min;
    if (u.baseline <= 0) min = 0;
    else if (u.tree != null && kind < 55) min = mu.emptying() ? 0 : 1;
    else min = byteMutatedJsonMin(mu.bytes(), u.tree, u.baseline);
    add(key, new Piece(mu.bytes(), min, true, mu.op()), u);
  }

  // ------------------------------------------------------------ CSV

  private void csv(Unit u) throws IOException {
    int kind = rnd.nextInt(100);
    Mutation mu;
    if (kind < 35) {
      mu = m.csvFields(u.bytes, Mutator.Csv.split(u.csvHeader, u.dialect), u.dialect);
    } else if (kind < 85) {
      mu = m.bytes(u.bytes, Family.CSV);
    } else {
      int k = rnd.nextInt(4);
      mu = switch (k) {
        case 0 -> new Mutation(Mutator.concat(Mutator.concat(u.bytes, new byte[] {'\n'}), u.bytes), "duplicate line",
            false);
        case 1 -> new Mutation(Mutator.concat(u.bytes, m.pick(seeds.units).bytes), "two records on one line", false);
        case 2 -> new Mutation(Mutator.concat(u.bytes, "\r".getBytes(StandardCharsets.UTF_8)), "CR LF ending",
            false);
        default -> swapLines(u);
      };
    }
    boolean open = Mutator.Csv.endsOpen(new String(mu.bytes(), u.dialect.charset()) + "\n", u.dialect);
    BatchKey key = new BatchKey(seeds.group(u.settings), true, u.extension, u.csvHeader, u.dialect, open);
    add(key, new Piece(mu.bytes(), 0, true, mu.op()), u);
  }

  /** The first two physical lines of a multi-line record swapped, else the record after another one. */
  private Mutation swapLines(Unit u) {
    String text = new String(u.bytes, u.dialect.charset());
    int nl = text.indexOf('\n');
    if (nl >= 0) {
      int end = text.indexOf('\n', nl + 1);
      String second = end < 0 ? text.substring(nl + 1) : text.substring(nl + 1, end);
      String rest = end < 0 ? "" : text.substring(end);
      return new Mutation((second + "\n" + text.substring(0, nl) + rest).getBytes(u.dialect.charset()),
          "swap the lines of a multi-line record", false);
    }
    Unit other = m.pick(sameShape(u));
    return new Mutation(Mutator.concat(Mutator.concat(other.bytes, new byte[] {'\n'}), u.bytes), "swap lines with "
        + other.origin, false);
  }

  // ------------------------------------------------------------ documents

  private void document(Unit u) throws IOException {
    Mutation mu;
    long min;
    if (u.tree != null && rnd.nextInt(3) == 0) {
      mu = m.jsonTree(u.tree);
      min = u.baseline > 0 && !mu.emptying() ? 1 : 0;
    } else {
      mu = m.bytes(u.bytes, u.family);
      if (u.baseline <= 0 || nonBlankLines(mu.bytes()) == 0) min = 0;
      else if (u.family == Family.XML) min = 1;
      else min = byteMutatedDocumentMin(mu.bytes(), u.tree);
    }
    docFiles++;
    mutations++;
    count(mu.op());
    int group = seeds.group(u.settings);
    Path f = groupDir(group).resolve(String.format("doc-%05d%s", fileNo++, u.extension));
    Files.write(f, mu.bytes());
    files.add(new FuzzFile(f, "document", 1, min, List.of(u.origin + ": " + mu.op()), group));
  }

  // ------------------------------------------------------------ batches

  private void add(BatchKey key, Piece p, Unit u) throws IOException {
    List<Piece> batch = open.computeIfAbsent(key, k -> new ArrayList<>());
    batch.add(new Piece(p.bytes(), p.min(), true, u.origin + ": " + p.log()));
    mutations++;
    count(p.log());
    // unmutated records between the mutated ones, as in a real file that has a few bad records
    while (rnd.nextDouble() < CONTEXT) {
      Unit c = m.pick(sameShape(u));
      long min = Math.max(0, c.baseline);
      batch.add(new Piece(key.csv() ? c.bytes : c.line(), min, false, c.origin + ": unmutated"));
    }
    openBytes.merge(key, (long) p.bytes().length, Long::sum);
    if (batch.size() >= (key.openQuote() ? OPEN_QUOTE_BATCH : BATCH_RECORDS) || openBytes.get(key) >= BATCH_BYTES) {
      flush(key);
    }
  }

  private List<Unit> sameShape(Unit u) {
    List<Unit> same = seeds.units.stream().filter(x -> x.family == u.family && x.extension.equals(u.extension)
        && java.util.Objects.equals(x.csvHeader, u.csvHeader) && x.settings.equals(u.settings)
        && (x.family != Family.JSON_DOCUMENT || x.tree != null))
        .toList();
    return same.isEmpty() ? List.of(u) : same;
  }

  private void flush(BatchKey key) throws IOException {
    List<Piece> batch = open.remove(key);
    openBytes.remove(key);
    if (batch == null || batch.isEmpty()) return;
    boolean csv = key.csv();
    String ext = key.ext();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    List<String> log = new ArrayList<>();
    long min = 0;
    int muts = 0;
    if (csv) {
      b.writeBytes((key.header() + "\n").getBytes(key.dialect().charset()));
      log.add("line 1: header");
    }
    int line = csv ? 2 : 1;
    int headerSize = csv ? Mutator.Csv.split(key.header(), key.dialect()).size() : 0;
    List<Span> spans = new ArrayList<>();
    for (Piece p : batch) {
      long pieceMin;
      if (csv) {
        // an unmutated record with the header's field count gives its row: no record before it leaves a quote
        // open (see BatchKey), and a whole record is never taken for the rest of a short one before it (a short
        // one, a seed row broken by a raw newline, may be)
        pieceMin = !p.mutated() && !key.openQuote() && p.min() > 0
            && Mutator.Csv.split(new String(p.bytes(), key.dialect().charset()), key.dialect()).size() == headerSize
            ? 1 : 0;
      } else {
        pieceMin = p.min();
      }
      min += pieceMin;
      spans.add(new Span(b.size(), line, pieceMin, Mutator.printable(p.log())));
      if (p.mutated()) muts++;
      if (p.mutated()) log.add("line " + line + ": " + Mutator.printable(p.log()));
      b.writeBytes(p.bytes());
      b.write('\n');
      for (byte x : p.bytes()) if (x == '\n') line++;
      line++;
    }
    Path f = groupDir(key.group()).resolve(String.format("%s-%05d%s", key.openQuote() ? "open-quotes" : "batch",
        fileNo++, ext));
    Files.write(f, b.toByteArray());
    if (key.openQuote()) min = 1; // at least one row says something is wrong
    files.add(new FuzzFile(f, csv ? key.openQuote() ? "csv open-quote batch" : "csv batch" : "json-lines batch", muts,
        min, log, spans, key.group()));
  }

  /** Files read with the same input settings go in one folder: DIR/g0, DIR/g1, … */
  Path groupDir(int group) throws IOException {
    return Files.createDirectories(dir.resolve("g" + group));
  }

  // ------------------------------------------------------------ whole files

  private void wholeFileCases() throws IOException {
    Unit firstUnit = seeds.units.get(0);
    String ext = firstUnit.extension;
    boolean csvFormat = firstUnit.family == Family.CSV;
    int edgeGroup = seeds.group(firstUnit.settings);
    edge(edgeGroup, "empty" + ext, new byte[0], 0);
    edge(edgeGroup, "blank" + ext, Mutator.utf8(" \n\r\n\t\n\n"), 0);
    edge(edgeGroup, "bom-only" + ext, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0);
    edge(edgeGroup, "nul-only" + ext, new byte[64], 0);
    edge(edgeGroup, "garbage" + ext, Mutator.utf8("\u0001\u0002 not a record at all \u00ff"), csvFormat ? 0 : 1);
    // CSV: the header removed, renamed, cut, reordered, doubled
    List<Unit> csv = seeds.units.stream().filter(u -> u.family == Family.CSV && u.baseline > 0).toList();
    if (!csv.isEmpty()) {
      Unit u = csv.get(0);
      List<String> h = Mutator.Csv.split(u.csvHeader, u.dialect);
      List<Unit> rows = csv.stream().filter(x -> x.csvHeader.equals(u.csvHeader) && x.settings.equals(u.settings))
          .limit(20).toList();
      int g = seeds.group(u.settings);
      List<String> renamed = new ArrayList<>(h);
      renamed.set(rnd.nextInt(h.size()), "renamed");
      List<String> reordered = new ArrayList<>(h);
      java.util.Collections.reverse(reordered);
      List<String> shorter = new ArrayList<>(h.subList(0, Math.max(1, h.size() - 1)));
      List<String> longer = new ArrayList<>(h);
      longer.add("extra");
      CsvDialect d = u.dialect;
      headerCase(g, d, "no-header", null, rows, 1);
      headerCase(g, d, "renamed-column", Mutator.Csv.join(renamed, u.dialect), rows, 1);
      headerCase(g, d, "reordered-header", Mutator.Csv.join(reordered, u.dialect), rows, 1);
      headerCase(g, d, "header-one-short", Mutator.Csv.join(shorter, u.dialect), rows, 1);
      headerCase(g, d, "header-one-long", Mutator.Csv.join(longer, u.dialect), rows, 1);
      headerCase(g, d, "upper-case-header", u.csvHeader.toUpperCase(java.util.Locale.ROOT), rows, 1);
      headerCase(g, d, "bom-crlf-header", "\uFEFF" + u.csvHeader + "\r", rows, rows.size());
      headerCase(g, d, "header-only", u.csvHeader, List.of(), 0);
      headerCase(g, d, "header-twice", u.csvHeader + "\n" + u.csvHeader, rows, rows.size());
    }
    // compressed files cut short or corrupted (an interrupted download)
    FuzzFile first = files.stream().filter(f -> f.kind().endsWith("batch")).findFirst().orElse(null);
    if (first != null) {
      byte[] plain = Files.readAllBytes(first.path());
      String name = first.path().getFileName().toString();
      byte[] gz = gzip(plain);
      compressed(first.group(), name + ".gz", Mutator.slice(gz, 0, gz.length * 2 / 3), "gzip cut at 2/3");
      compressed(first.group(), name + ".gz", Mutator.slice(gz, 0, 10), "gzip header only");
      byte[] flipped = gz.clone();
      for (int i = gz.length / 3; i < gz.length / 3 + 8; i++) flipped[i] ^= (byte) 0x5A;
      compressed(first.group(), name + ".gz", flipped, "gzip with corrupted bytes");
      byte[] zst = com.github.luben.zstd.Zstd.compress(plain);
      compressed(first.group(), name + ".zst", Mutator.slice(zst, 0, zst.length / 2), "zstd cut at 1/2");
      byte[] bz = bzip2(plain);
      compressed(first.group(), name + ".bz2", Mutator.slice(bz, 0, bz.length / 2), "bzip2 cut at 1/2");
    }
  }

  private void edge(int group, String name, byte[] bytes, long min) throws IOException {
    Path f = groupDir(group).resolve(String.format("edge-%05d-%s", fileNo++, name));
    Files.write(f, bytes);
    files.add(new FuzzFile(f, "edge", 1, min, List.of(name), group));
    mutations++;
    count("edge-" + name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.')));
  }

  private void headerCase(int group, CsvDialect d, String name, String header, List<Unit> rows, long min)
      throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (header != null) b.writeBytes((header + "\n").getBytes(d.charset()));
    for (Unit r : rows) {
      b.writeBytes(r.bytes);
      b.write('\n');
    }
    Path f = groupDir(group).resolve(String.format("header-%05d-%s%s", fileNo++, name, rows.isEmpty() && header != null
        ? seeds.units.get(0).extension : rows.isEmpty() ? ".csv" : rows.get(0).extension));
    Files.write(f, b.toByteArray());
    files.add(new FuzzFile(f, "csv header", 1, rows.isEmpty() ? 0 : min, List.of(name), group));
    mutations++;
    count("header-" + name);
  }

  private void compressed(int group, String name, byte[] bytes, String what) throws IOException {
    Path f = groupDir(group).resolve(String.format("compressed-%05d-%s", fileNo++, name));
    Files.write(f, bytes);
    // a cut or corrupted file must at least be reported: one row (a quarantined "truncated" record) or more
    files.add(new FuzzFile(f, "compressed", 1, 1, List.of(what), group));
    mutations++;
    count(what.split(" ")[0] + "-" + what.substring(what.lastIndexOf(' ') + 1));
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(plain);
    }
    return b.toByteArray();
  }

  private static byte[] bzip2(byte[] plain) throws IOException {
    org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
    codec.setConf(new org.apache.hadoop.conf.Configuration());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = codec.createOutputStream(b)) {
      o.write(plain);
    }
    return b.toByteArray();
  }

  /** The file a unit makes on its own: a line, a record under its header, or the document. */
  static byte[] standalone(Unit u) {
    return switch (u.family) {
      case CSV -> Mutator.concat((u.csvHeader + "\n").getBytes(u.dialect.charset()),
          Mutator.concat(u.bytes, new byte[] {'\n'}));
      case JSON_LINES -> Mutator.concat(u.bytes, new byte[] {'\n'});
      default -> u.bytes;
    };
  }

  /**
   * Rows a byte-mutated JSON line must give, line by line as JsonSources splits them (LF, CR): a non-blank line
   * that no longer parses must be reported (one row at least); a line that parses to the record's value
   * unchanged gives what the record gave; one that parses to another value may give none (a page whose
   * records key lost a letter is an empty page to some formats).
   */
  static long byteMutatedJsonMin(byte[] b, JsonNode original, long baseline) {
    long min = 0;
    int from = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i < b.length && b[i] != '\n' && b[i] != '\r') continue;
      byte[] line = java.util.Arrays.copyOfRange(b, from, i);
      from = i + 1;
      if (nonBlankLines(line) == 0) continue;
      JsonNode t = parseAsReaderDoes(line);
      if (t == null) min += 1;
      else if (t.equals(original)) min += baseline;
    }
    return min;
  }

  /** A byte-mutated document must be reported when it no longer parses; unchanged it gives a row or more. */
  static long byteMutatedDocumentMin(byte[] b, JsonNode original) {
    try (com.fasterxml.jackson.core.JsonParser p = io.megaphone.ingest.json.Json.MAPPER.getFactory().createParser(b)) {
      com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
          io.megaphone.ingest.json.Json.MAPPER.readerFor(JsonNode.class).readValues(p);
      List<JsonNode> docs = new ArrayList<>();
      while (it.hasNextValue()) docs.add(it.nextValue());
      return docs.size() == 1 && docs.get(0).equals(original) ? 1 : 0;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  /** The value of a line as JsonSources reads it (NULs dropped, strict UTF-8, BOM dropped), or null. */
  private static JsonNode parseAsReaderDoes(byte[] line) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte x : line) if (x != 0) o.write(x);
    io.megaphone.ingest.StrictUtf8.Decoded d = io.megaphone.ingest.StrictUtf8.decode(o.toByteArray(), 0, o.size());
    if (!d.valid()) return null;
    return FuzzSeeds.parseLine(d.text());
  }

  /**
   * Lines of a line-based record that any line reader must turn into at least one row: split on LF, a line
   * counts when something other than white space, NUL, CR and byte-order marks is left. (JsonSources also
   * splits at a lone CR, which can only make more rows.)
   */
  static int nonBlankLines(byte[] b) {
    int n = 0;
    for (String l : new String(b, StandardCharsets.UTF_8).split("\n", -1)) {
      if (!l.replace("\u0000", "").replace("\uFEFF", "").replace("\r", "").isBlank()) n++;
    }
    return n;
  }

  /**
   * What is implausible about the rows a reader made of a file: fewer than the file's bound, or, when every
   * row's position is a byte offset or a line number, fewer rows positioned inside a record than its bound.
   */
  static List<String> implausible(FuzzFile f, long rows, Map<String, Long> positions) {
    List<String> out = new ArrayList<>();
    if (rows < f.minRows()) {
      out.add(f.path() + " (" + f.kind() + "): " + rows + " row(s), expected at least " + f.minRows()
          + "; mutations: " + String.join(" | ", f.log().subList(0, Math.min(8, f.log().size()))));
    }
    if (f.spans().isEmpty() || positions == null || positions.containsKey("?")) return out;
    long[] per = new long[f.spans().size()];
    for (Map.Entry<String, Long> e : positions.entrySet()) {
      boolean bytes = e.getKey().charAt(0) == 'b';
      long n = Long.parseLong(e.getKey().substring(1));
      int i = -1;
      for (int k = 0; k < f.spans().size(); k++) {
        if ((bytes ? f.spans().get(k).startByte() : f.spans().get(k).firstLine()) <= n) i = k;
        else break;
      }
      if (i >= 0) per[i] += e.getValue();
    }
    for (int k = 0; k < per.length && out.size() < 10; k++) {
      Span s = f.spans().get(k);
      if (per[k] < s.min()) {
        out.add(f.path() + " line " + s.firstLine() + " (byte " + s.startByte() + "): " + per[k]
            + " row(s), expected at least " + s.min() + "; " + s.log());
      }
    }
    return out;
  }

  private void count(String op) {
    String k = op.replaceAll("^.*?: ", "").split("[ ;]")[0];
    ops.merge(k, 1L, Long::sum);
  }
}
