package io.megaphone.ingest.fuzz;

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
 * records under their header) are batched many to a file with some unmutated records between them; documents
 * (multi-line JSON, XML) get a file each. Besides, a few whole-file cases: CSV header mutations, empty and
 * blank files, truncated and corrupted compressed files.
 *
 * <p>Each file carries a lower bound on the rows a reader must make of it (see {@link #minRows}).
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
  record FuzzFile(Path path, String kind, int mutations, long minRows, List<String> log, List<Span> spans) {
    FuzzFile(Path path, String kind, int mutations, long minRows, List<String> log) {
      this(path, kind, mutations, minRows, log, List.of());
    }
  }

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
  private final Map<String, List<Piece>> open = new LinkedHashMap<>();
  private final Map<String, Long> openBytes = new LinkedHashMap<>();
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
    for (String key : new ArrayList<>(open.keySet())) flush(key);
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
    String key = "jsonl" + u.extension;
    byte[] line = u.line();
    int kind = rnd.nextInt(100);
    if (kind < 5 && u.baseline > 0) {
      // line-level: a record duplicated, two records joined on one line, CR LF endings, blank lines around
      int k = rnd.nextInt(4);
      Piece p = switch (k) {
        case 0 -> new Piece(Mutator.concat(Mutator.concat(line, new byte[] {'\n'}), line), 2 * u.baseline, true,
            "duplicate line");
        case 1 -> new Piece(Mutator.concat(line, u.line()), 1, true, "two records on one line");
        case 2 -> new Piece(Mutator.concat(line, "\r".getBytes(StandardCharsets.UTF_8)), u.baseline, true,
            "CR LF ending");
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
    else min = nonBlankLines(mu.bytes());
    add(key, new Piece(mu.bytes(), min, true, mu.op()), u);
  }

  // ------------------------------------------------------------ CSV

  private void csv(Unit u) throws IOException {
    String key = "csv" + u.extension + "\n" + u.csvHeader;
    int kind = rnd.nextInt(100);
    Mutation mu;
    if (kind < 35) {
      mu = m.csvFields(u.bytes, Mutator.Csv.split(u.csvHeader));
    } else if (kind < 85) {
      mu = m.bytes(u.bytes, Family.CSV);
    } else {
      int k = rnd.nextInt(3);
      mu = switch (k) {
        case 0 -> new Mutation(Mutator.concat(Mutator.concat(u.bytes, new byte[] {'\n'}), u.bytes), "duplicate line",
            false);
        case 1 -> new Mutation(Mutator.concat(u.bytes, m.pick(seeds.units).bytes), "two records on one line", false);
        default -> new Mutation(Mutator.concat(u.bytes, "\r".getBytes(StandardCharsets.UTF_8)), "CR LF ending",
            false);
      };
    }
    add(key, new Piece(mu.bytes(), 0, true, mu.op()), u);
  }

  // ------------------------------------------------------------ documents

  private void document(Unit u) throws IOException {
    Mutation mu;
    int min;
    if (u.tree != null && rnd.nextInt(3) == 0) {
      mu = m.jsonTree(u.tree);
      min = u.baseline > 0 && !mu.emptying() ? 1 : 0;
    } else {
      mu = m.bytes(u.bytes, u.family);
      min = u.baseline > 0 && nonBlankLines(mu.bytes()) > 0 ? 1 : 0;
    }
    docFiles++;
    mutations++;
    count(mu.op());
    Path f = dir.resolve(String.format("doc-%05d%s", fileNo++, u.extension));
    Files.write(f, mu.bytes());
    files.add(new FuzzFile(f, "document", 1, min, List.of(u.origin + ": " + mu.op())));
  }

  // ------------------------------------------------------------ batches

  private void add(String key, Piece p, Unit u) throws IOException {
    List<Piece> batch = open.computeIfAbsent(key, k -> new ArrayList<>());
    batch.add(new Piece(p.bytes(), p.min(), true, u.origin + ": " + p.log()));
    mutations++;
    count(p.log());
    // unmutated records between the mutated ones, as in a real file that has a few bad records
    while (rnd.nextDouble() < CONTEXT) {
      Unit c = m.pick(sameShape(u));
      long min = Math.max(0, c.baseline);
      batch.add(new Piece(key.startsWith("csv") ? c.bytes : c.line(), min, false, c.origin + ": unmutated"));
    }
    openBytes.merge(key, (long) p.bytes().length, Long::sum);
    if (batch.size() >= BATCH_RECORDS || openBytes.get(key) >= BATCH_BYTES) flush(key);
  }

  private List<Unit> sameShape(Unit u) {
    List<Unit> same = seeds.units.stream().filter(x -> x.family == u.family && x.extension.equals(u.extension)
        && java.util.Objects.equals(x.csvHeader, u.csvHeader) && (x.family != Family.JSON_DOCUMENT || x.tree != null))
        .toList();
    return same.isEmpty() ? List.of(u) : same;
  }

  private void flush(String key) throws IOException {
    List<Piece> batch = open.remove(key);
    openBytes.remove(key);
    if (batch == null || batch.isEmpty()) return;
    boolean csv = key.startsWith("csv");
    String ext = key.substring(csv ? 3 : 5, key.indexOf('\n') < 0 ? key.length() : key.indexOf('\n'));
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    List<String> log = new ArrayList<>();
    long min = 0;
    int muts = 0;
    if (csv) {
      b.writeBytes(Mutator.utf8(key.substring(key.indexOf('\n') + 1) + "\n"));
      log.add("line 1: header");
    }
    int line = csv ? 2 : 1;
    boolean open = false;
    List<Span> spans = new ArrayList<>();
    for (Piece p : batch) {
      long pieceMin;
      if (csv) {
        // an unmutated record counts unless a quoted field left open before it may have swallowed it
        pieceMin = !p.mutated() && !open && p.min() > 0 ? 1 : 0;
        open = Mutator.Csv.endsOpen(open, new String(p.bytes(), StandardCharsets.UTF_8) + "\n");
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
    Path f = dir.resolve(String.format("batch-%05d%s", fileNo++, ext));
    Files.write(f, b.toByteArray());
    files.add(new FuzzFile(f, csv ? "csv batch" : "json-lines batch", muts, min, log, spans));
  }

  // ------------------------------------------------------------ whole files

  private void wholeFileCases() throws IOException {
    String ext = seeds.units.isEmpty() ? ".json" : seeds.units.get(0).extension;
    boolean csvFormat = !seeds.units.isEmpty() && seeds.units.get(0).family == Family.CSV;
    edge("empty" + ext, new byte[0], 0);
    edge("blank" + ext, Mutator.utf8(" \n\r\n\t\n\n"), 0);
    edge("bom-only" + ext, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0);
    edge("nul-only" + ext, new byte[64], 0);
    edge("garbage" + ext, Mutator.utf8("\u0001\u0002 not a record at all \u00ff"), csvFormat ? 0 : 1);
    // CSV: the header removed, renamed, cut, reordered, doubled
    List<Unit> csv = seeds.units.stream().filter(u -> u.family == Family.CSV && u.baseline > 0).toList();
    if (!csv.isEmpty()) {
      Unit u = csv.get(0);
      List<String> h = Mutator.Csv.split(u.csvHeader);
      List<Unit> rows = csv.stream().filter(x -> x.csvHeader.equals(u.csvHeader)).limit(20).toList();
      List<String> renamed = new ArrayList<>(h);
      renamed.set(rnd.nextInt(h.size()), "renamed");
      List<String> reordered = new ArrayList<>(h);
      java.util.Collections.reverse(reordered);
      List<String> shorter = new ArrayList<>(h.subList(0, Math.max(1, h.size() - 1)));
      List<String> longer = new ArrayList<>(h);
      longer.add("extra");
      headerCase("no-header", null, rows, 1);
      headerCase("renamed-column", Mutator.Csv.join(renamed), rows, 1);
      headerCase("reordered-header", Mutator.Csv.join(reordered), rows, 1);
      headerCase("header-one-short", Mutator.Csv.join(shorter), rows, 1);
      headerCase("header-one-long", Mutator.Csv.join(longer), rows, 1);
      headerCase("upper-case-header", u.csvHeader.toUpperCase(java.util.Locale.ROOT), rows, 1);
      headerCase("bom-crlf-header", "\uFEFF" + u.csvHeader + "\r", rows, rows.size());
      headerCase("header-only", u.csvHeader, List.of(), 0);
      headerCase("header-twice", u.csvHeader + "\n" + u.csvHeader, rows, rows.size());
    }
    // compressed files cut short or corrupted (an interrupted download)
    FuzzFile first = files.stream().filter(f -> f.kind().endsWith("batch")).findFirst().orElse(null);
    if (first != null) {
      byte[] plain = Files.readAllBytes(first.path());
      String name = first.path().getFileName().toString();
      byte[] gz = gzip(plain);
      compressed(name + ".gz", Mutator.slice(gz, 0, gz.length * 2 / 3), "gzip cut at 2/3");
      compressed(name + ".gz", Mutator.slice(gz, 0, 10), "gzip header only");
      byte[] flipped = gz.clone();
      for (int i = gz.length / 3; i < gz.length / 3 + 8; i++) flipped[i] ^= (byte) 0x5A;
      compressed(name + ".gz", flipped, "gzip with corrupted bytes");
      byte[] zst = com.github.luben.zstd.Zstd.compress(plain);
      compressed(name + ".zst", Mutator.slice(zst, 0, zst.length / 2), "zstd cut at 1/2");
      byte[] bz = bzip2(plain);
      compressed(name + ".bz2", Mutator.slice(bz, 0, bz.length / 2), "bzip2 cut at 1/2");
    }
  }

  private void edge(String name, byte[] bytes, long min) throws IOException {
    Path f = dir.resolve(String.format("edge-%05d-%s", fileNo++, name));
    Files.write(f, bytes);
    files.add(new FuzzFile(f, "edge", 1, min, List.of(name)));
    mutations++;
    count("edge-" + name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.')));
  }

  private void headerCase(String name, String header, List<Unit> rows, long min) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (header != null) b.writeBytes(Mutator.utf8(header + "\n"));
    for (Unit r : rows) {
      b.writeBytes(r.bytes);
      b.write('\n');
    }
    Path f = dir.resolve(String.format("header-%05d-%s%s", fileNo++, name, rows.isEmpty() && header != null
        ? seeds.units.get(0).extension : rows.isEmpty() ? ".csv" : rows.get(0).extension));
    Files.write(f, b.toByteArray());
    files.add(new FuzzFile(f, "csv header", 1, rows.isEmpty() ? 0 : min, List.of(name)));
    mutations++;
    count("header-" + name);
  }

  private void compressed(String name, byte[] bytes, String what) throws IOException {
    Path f = dir.resolve(String.format("compressed-%05d-%s", fileNo++, name));
    Files.write(f, bytes);
    // a cut or corrupted file must at least be reported: one row (a quarantined "truncated" record) or more
    files.add(new FuzzFile(f, "compressed", 1, 1, List.of(what)));
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
      case CSV -> Mutator.concat(Mutator.utf8(u.csvHeader + "\n"), Mutator.concat(u.bytes, new byte[] {'\n'}));
      case JSON_LINES -> Mutator.concat(u.bytes, new byte[] {'\n'});
      default -> u.bytes;
    };
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
