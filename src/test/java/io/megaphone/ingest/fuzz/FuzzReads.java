package io.megaphone.ingest.fuzz;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Calls a format's reader ({@link SourceFormat#read}) on files and checks every row it returns, in the tasks
 * (only counts and the first problems come back): the row has the record schema's shape and types, names one
 * of the files read and a position in it; a quarantined row has a known reason and a detail; an accepted row
 * has a known platform, an id and a timestamp inside the accepted range. No ingest stage, no Parquet: Spark is
 * only the executor, as the formats' parsers are private to them and created inside {@code read}.
 */
final class FuzzReads {
  static final Instant MIN = Instant.parse("1990-01-01T00:00:00Z");
  static final Instant MAX = Instant.now().plus(1, ChronoUnit.DAYS);
  /** A parser exception caught by JsonSources and quarantined: a robustness bug of the parser, not a crash. */
  static final String UNEXPECTED = "unexpected structure";
  private static final Set<String> REASONS = Arrays.stream(QuarantineReason.values())
      .filter(r -> r != QuarantineReason.DUPLICATE).map(QuarantineReason::code).collect(Collectors.toSet());

  private FuzzReads() {}

  /** Rows a reader made of one file. */
  record Tally(long rows, long quarantined, long unexpected) implements Serializable {
    Tally plus(Tally o) {
      return new Tally(rows + o.rows, quarantined + o.quarantined, unexpected + o.unexpected);
    }
  }

  /**
   * @param perPosition rows per file and start of position ("byte 17" / "line 3" / "lines 3-4" give "b17" /
   *     "l3"; any other label "?")
   */
  record Outcome(Map<String, Tally> perFile, Map<String, Map<String, Long>> perPosition, List<String> problems,
      long problemCount, List<String> unexpected) {
    long rows() {
      return perFile.values().stream().mapToLong(Tally::rows).sum();
    }

    long quarantined() {
      return perFile.values().stream().mapToLong(Tally::quarantined).sum();
    }

    long unexpectedCount() {
      return perFile.values().stream().mapToLong(Tally::unexpected).sum();
    }

    Outcome plus(Outcome o) {
      Map<String, Tally> f = new HashMap<>(perFile);
      f.putAll(o.perFile);
      Map<String, Map<String, Long>> p = new HashMap<>(perPosition);
      p.putAll(o.perPosition);
      List<String> pr = new ArrayList<>(problems);
      pr.addAll(o.problems);
      List<String> u = new ArrayList<>(unexpected);
      u.addAll(o.unexpected);
      return new Outcome(f, p, pr.subList(0, Math.min(20, pr.size())), problemCount + o.problemCount,
          u.subList(0, Math.min(10, u.size())));
    }
  }

  static final Outcome NOTHING = new Outcome(Map.of(), Map.of(), List.of(), 0, List.of());

  /** Reads files grouped by the settings they are read with ({@code files.get(i)} with settings of group i). */
  static Outcome readGroups(SourceFormat format, List<List<String>> files, List<Map<String, Object>> groups) {
    Outcome all = NOTHING;
    for (int g = 0; g < groups.size(); g++) {
      if (!files.get(g).isEmpty()) all = all.plus(read(format, files.get(g), groups.get(g)));
    }
    return all;
  }

  /** One checked row: its file, what it was, and what is wrong with it (null when nothing). */
  record Checked(String file, boolean quarantined, boolean unexpected, String problem, String position)
      implements Serializable {}

  /** Reads {@code files} (as listed by the job: qualified paths) with the format and checks every row. */
  static Outcome read(SourceFormat format, List<String> files, Map<String, Object> settings) {
    IngestOptions options = new IngestOptions(MIN, MAX, "UTC", settings);
    JavaRDD<Row> rows = format.read(TestSpark.session(), files, options);
    HashSet<String> allowed = new HashSet<>(files);
    String name = format.name();
    Instant min = MIN;
    Instant max = MAX;
    JavaRDD<Checked> checked = rows.map(r -> check(r, name, allowed, min, max))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Tally> perFile = new HashMap<>(checked.mapToPair(c -> new Tuple2<>(String.valueOf(c.file()),
              new Tally(1, c.quarantined() ? 1 : 0, c.unexpected() ? 1 : 0)))
          .reduceByKey(Tally::plus).collectAsMap());
      Map<String, Map<String, Long>> perPosition = new HashMap<>();
      checked.mapToPair(c -> new Tuple2<>(c.file() + "\t" + positionKey(c.position()), 1L)).reduceByKey(Long::sum)
          .collectAsMap().forEach((k, v) -> perPosition.computeIfAbsent(k.substring(0, k.lastIndexOf('\t')),
              x -> new HashMap<>()).put(k.substring(k.lastIndexOf('\t') + 1), v));
      JavaRDD<Checked> bad = checked.filter(c -> c.problem() != null);
      List<String> problems = bad.take(20).stream().map(c -> c.file() + " " + c.position() + ": " + c.problem())
          .toList();
      List<String> unexpected = checked.filter(Checked::unexpected).take(10).stream()
          .map(c -> c.file() + " " + c.position()).toList();
      return new Outcome(perFile, perPosition, problems, bad.count(), unexpected);
    } finally {
      checked.unpersist();
    }
  }

  private static final java.util.regex.Pattern POSITION =
      java.util.regex.Pattern.compile("^(byte|line|lines) (-?\\d+)\\b.*");

  /** "byte 17 $.data[0]" -> "b17", "lines 3-4" -> "l3", anything else "?". */
  static String positionKey(String label) {
    java.util.regex.Matcher m = POSITION.matcher(label == null ? "" : label);
    if (!m.matches()) return "?";
    return (m.group(1).equals("byte") ? "b" : "l") + m.group(2);
  }

  static Checked check(Row r, String format, Set<String> files, Instant min, Instant max) {
    var schema = CanonicalSchema.RECORD;
    if (r.length() != schema.size()) {
      return new Checked(null, false, false, "row of " + r.length() + " values, schema has " + schema.size(), "?");
    }
    String file = (String) safe(r, "source_file");
    String position = String.valueOf(safe(r, "source_record"));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      Object v = r.get(i);
      if (v != null && !fits(v, schema.fields()[i].dataType())) {
        problems.add(schema.fields()[i].name() + " holds a " + v.getClass().getName());
      }
    }
    if (!problems.isEmpty()) return new Checked(file, false, false, String.join("; ", problems), position);
    String reason = (String) get(r, "_reason");
    String detail = (String) get(r, "_detail");
    if (file == null || !files.contains(file)) problems.add("source_file '" + file + "' is not a file read");
    if (blank(position) || "null".equals(position)) problems.add("no source_record position");
    if (!format.equals(get(r, "_format"))) problems.add("_format '" + get(r, "_format") + "'");
    if (get(r, "_ord") == null) problems.add("no _ord");
    boolean unexpected = false;
    if (reason != null) {
      if (!REASONS.contains(reason)) problems.add("unknown reason '" + reason + "'");
      if (blank(detail)) problems.add("quarantined (" + reason + ") without a detail");
      unexpected = detail != null && detail.startsWith(UNEXPECTED);
    } else {
      String platform = (String) get(r, "platform");
      if (platform == null || !CanonicalSchema.PLATFORMS.contains(platform)) problems.add("platform '" + platform + "'");
      if (blank((String) get(r, "post_id"))) problems.add("accepted without a post_id");
      Timestamp t = (Timestamp) get(r, "created_at");
      if (t == null) problems.add("accepted without created_at");
      else if (t.toInstant().isBefore(min) || t.toInstant().isAfter(max)) problems.add("created_at " + t.toInstant());
      if (get(r, "is_repost") == null) problems.add("is_repost null");
      if (get(r, "text") == null) problems.add("text null");
      else if (((String) get(r, "text")).contains("root:x:0:0")) problems.add("an external XML entity was resolved");
    }
    return new Checked(file, reason != null, unexpected, problems.isEmpty() ? null : String.join("; ", problems),
        position);
  }

  private static Object safe(Row r, String field) {
    try {
      return get(r, field);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Rows of a reader have no schema attached: fields by their index in the record schema. */
  static Object get(Row r, String field) {
    return r.get(CanonicalSchema.RECORD.fieldIndex(field));
  }

  private static boolean fits(Object v, DataType t) {
    if (t.equals(DataTypes.StringType)) return v instanceof String;
    if (t.equals(DataTypes.LongType)) return v instanceof Long;
    if (t.equals(DataTypes.BooleanType)) return v instanceof Boolean;
    if (t.equals(DataTypes.TimestampType)) return v instanceof Timestamp || v instanceof Instant;
    if (t instanceof ArrayType) {
      Iterable<?> items = v instanceof scala.collection.Iterable<?> s ? scala.jdk.javaapi.CollectionConverters.asJava(s)
          : v instanceof List<?> l ? l : null;
      if (items == null) return false;
      for (Object o : items) if (o != null && !(o instanceof String)) return false;
      return true;
    }
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Reads each unit alone (a fixture record in a file of its own; generated records together) and records its
   * baseline. Generated records must all be accepted: the generator writes valid records.
   */
  static void measureBaselines(SourceFormat format, FuzzSeeds seeds, Path dir) {
    try {
      Files.createDirectories(dir);
      Map<String, List<FuzzSeeds.Unit>> byFile = new LinkedHashMap<>();
      int n = 0;
      Map<String, List<FuzzSeeds.Unit>> generated = new LinkedHashMap<>();
      for (FuzzSeeds.Unit u : seeds.units) {
        if (u.generated && (u.family == FuzzSeeds.Family.JSON_LINES || u.family == FuzzSeeds.Family.CSV)) {
          generated.computeIfAbsent(u.extension + "\n" + u.csvHeader + "\n" + seeds.group(u.settings),
              k -> new ArrayList<>()).add(u);
          continue;
        }
        Path f = dir.resolve(String.format("unit-%05d%s", n++, u.extension));
        Files.write(f, FuzzCorpus.standalone(u));
        byFile.put(f.toUri().toString(), List.of(u));
      }
      for (List<FuzzSeeds.Unit> group : generated.values()) {
        Path f = dir.resolve(String.format("generated-%05d%s", n++, group.get(0).extension));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        FuzzSeeds.Unit g0 = group.get(0);
        if (g0.csvHeader != null) b.writeBytes((g0.csvHeader + "\n").getBytes(g0.dialect.charset()));
        for (FuzzSeeds.Unit u : group) {
          b.writeBytes(u.bytes);
          b.write('\n');
        }
        Files.write(f, b.toByteArray());
        byFile.put(f.toUri().toString(), group);
      }
      List<String> files = qualified(byFile.keySet());
      Map<String, String> back = new HashMap<>();
      for (String k : byFile.keySet()) back.put(qualify(k), k);
      List<List<String>> byGroup = new ArrayList<>();
      for (int g = 0; g < seeds.groups.size(); g++) byGroup.add(new ArrayList<>());
      for (String f : files) byGroup.get(seeds.group(byFile.get(back.get(f)).get(0).settings)).add(f);
      Outcome o = readGroups(format, byGroup, seeds.groups);
      if (o.problemCount() > 0) {
        throw new AssertionError(format.name() + ": reading the unmutated seeds gave " + o.problemCount()
            + " malformed rows, e.g. " + o.problems());
      }
      for (String f : files) {
        List<FuzzSeeds.Unit> units = byFile.get(back.get(f));
        Tally t = o.perFile().getOrDefault(f, new Tally(0, 0, 0));
        if (units.size() == 1 && !units.get(0).generated) {
          units.get(0).baseline = t.rows();
        } else {
          if (t.quarantined() > 0 || t.rows() < units.size()) {
            throw new AssertionError(format.name() + ": the generated seed records are not all accepted by the"
                + " reader: " + units.size() + " records gave " + t.rows() + " rows of which " + t.quarantined()
                + " quarantined (" + f + ")");
          }
          for (FuzzSeeds.Unit u : units) u.baseline = 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paths as the job lists them (Hadoop's qualified form, e.g. file:/tmp/x.json). */
  static List<String> qualified(java.util.Collection<String> uris) {
    return uris.stream().map(FuzzReads::qualify).toList();
  }

  static String qualify(String uri) {
    return new org.apache.hadoop.fs.Path(java.net.URI.create(uri)).toString();
  }
}
