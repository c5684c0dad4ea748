package io.megaphone.ingest.mapped;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.job.UsageException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of a {@code mapped} input, checked: file type and CSV dialect, the platform (a constant or a
 * column), how timestamps are written, and for each canonical field where its value comes from. Built from
 * the job file's plain YAML values; every problem is a one-line {@link UsageException} naming the input.
 */
final class Mapping implements Serializable {
  static final String TYPE = "type";
  static final String PLATFORM = "platform";
  static final String PLATFORM_COLUMN = "platform_column";
  static final String TIMESTAMP_FORMAT = "timestamp_format";
  static final String MAPPING = "mapping";
  static final String RECORDS = "records";
  static final Set<String> SETTING_KEYS;

  static {
    Set<String> keys = new TreeSet<>(CsvDialect.SETTING_KEYS);
    keys.addAll(List.of(TYPE, PLATFORM, PLATFORM_COLUMN, TIMESTAMP_FORMAT, MAPPING, RECORDS));
    SETTING_KEYS = java.util.Collections.unmodifiableSet(keys);
  }

  /** What a canonical field holds, which decides the forms its source may take and how values convert. */
  enum Kind { ID, STRING, HANDLE, TEXT, TIME, BOOL, LIST, COUNT }

  /** The canonical fields a mapping may name (SPEC §2, plus brand as a hint), in the README's order. */
  static final Map<String, Kind> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("post_id", Kind.ID);
    FIELDS.put("account_id", Kind.ID);
    FIELDS.put("account_handle", Kind.HANDLE);
    FIELDS.put("brand", Kind.STRING);
    FIELDS.put("created_at", Kind.TIME);
    FIELDS.put("text", Kind.TEXT);
    FIELDS.put("lang", Kind.STRING);
    FIELDS.put("in_reply_to_post_id", Kind.ID);
    FIELDS.put("in_reply_to_account_id", Kind.ID);
    FIELDS.put("conversation_id", Kind.ID);
    FIELDS.put("is_repost", Kind.BOOL);
    FIELDS.put("repost_of_post_id", Kind.ID);
    FIELDS.put("quote_of_post_id", Kind.ID);
    FIELDS.put("urls", Kind.LIST);
    FIELDS.put("hashtags", Kind.LIST);
    FIELDS.put("mentions", Kind.LIST);
    FIELDS.put("likes", Kind.COUNT);
    FIELDS.put("shares", Kind.COUNT);
    FIELDS.put("replies", Kind.COUNT);
    FIELDS.put("views", Kind.COUNT);
  }

  static final List<String> REQUIRED = List.of("post_id", "created_at", "text");
  private static final Set<String> SPEC_KEYS = new TreeSet<>(List.of("column", "first_of", "join", "value", "with",
      "split"));

  /** The file type: csv, tsv or jsonl; null to decide by each file's extension. */
  final FileType type;
  final CsvDialect csv;
  final CsvDialect tsv;
  final String platform;
  final String platformColumn;
  final TimestampFormat timestamps;
  final Map<String, FieldSource> fields;
  /** JSON path of the array of records inside each JSON value, or null. */
  final String records;

  enum FileType {
    CSV, TSV, JSONL;

    static FileType ofFile(String file) {
      String f = file.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|zst|zstd|deflate)$", "");
      if (f.endsWith(".tsv") || f.endsWith(".tab")) return TSV;
      if (f.endsWith(".jsonl") || f.endsWith(".ndjson") || f.endsWith(".json")) return JSONL;
      return CSV;
    }
  }

  private Mapping(FileType type, CsvDialect csv, CsvDialect tsv, String platform, String platformColumn,
      TimestampFormat timestamps, Map<String, FieldSource> fields, String records) {
    this.type = type;
    this.csv = csv;
    this.tsv = tsv;
    this.platform = platform;
    this.platformColumn = platformColumn;
    this.timestamps = timestamps;
    this.fields = fields;
    this.records = records;
  }

  FileType typeOf(String file) {
    return type != null ? type : FileType.ofFile(file);
  }

  /** Every column (or JSON path) the mapping reads, in mapping order. */
  List<String> names() {
    Set<String> out = new LinkedHashSet<>();
    if (platformColumn != null) out.add(platformColumn);
    for (FieldSource f : fields.values()) out.addAll(f.names());
    return new ArrayList<>(out);
  }

  /** @throws UsageException naming the input and the problem */
  static Mapping parse(String input, Map<String, Object> settings) {
    String at = "input " + input + ": ";
    if (settings.isEmpty()) {
      throw new UsageException(at + "the mapped format reads its mapping from a job file: list the input under"
          + " 'inputs:' with 'platform' and 'mapping' (see the README, format mapped)");
    }
    FileType type = null;
    Object t = settings.get(TYPE);
    if (t != null) {
      String v = String.valueOf(t).trim().toLowerCase(Locale.ROOT);
      type = switch (v) {
        case "csv" -> FileType.CSV;
        case "tsv" -> FileType.TSV;
        case "jsonl", "json", "ndjson" -> FileType.JSONL;
        default -> throw new UsageException(at + "type '" + t + "' must be csv, tsv or jsonl");
      };
    }
    if (type == FileType.JSONL) {
      for (String k : CsvDialect.SETTING_KEYS) {
        if (settings.containsKey(k)) {
          throw new UsageException(at + "'" + k + "' applies to csv and tsv files, not jsonl (JSON is read as UTF-8)");
        }
      }
    }
    if ((type == FileType.CSV || type == FileType.TSV) && settings.containsKey(RECORDS)) {
      throw new UsageException(at + "'records' applies to jsonl files, not " + type.name().toLowerCase(Locale.ROOT));
    }
    CsvDialect csv = CsvDialect.of(settings, input, CsvDialect.RFC4180);
    CsvDialect tsv = CsvDialect.of(settings, input, new CsvDialect('\t', '"', "UTF-8"));

    Object p = settings.get(PLATFORM);
    Object pc = settings.get(PLATFORM_COLUMN);
    String platform = null;
    String platformColumn = null;
    if (p != null && pc != null) {
      throw new UsageException(at + "give either 'platform' (a constant) or 'platform_column' (a column), not both");
    }
    if (p == null && pc == null) {
      throw new UsageException(at + "no platform: give 'platform: NAME' (e.g. youtube) or 'platform_column: COLUMN'");
    }
    if (p != null) {
      platform = scalar(p).trim().toLowerCase(Locale.ROOT);
      if (!CanonicalSchema.PLATFORMS.contains(platform)) {
        throw new UsageException(at + "platform '" + p + "' is not a known platform (known: "
            + String.join(", ", new TreeSet<>(CanonicalSchema.PLATFORMS)) + ")");
      }
    } else {
      platformColumn = name(at + "platform_column", pc);
    }

    TimestampFormat timestamps;
    Object tf = settings.get(TIMESTAMP_FORMAT);
    String pattern = tf == null ? null : scalar(tf);
    try {
      timestamps = new TimestampFormat(pattern);
    } catch (IllegalArgumentException e) {
      throw new UsageException(at + "timestamp_format '" + pattern + "' is not a java.time pattern ("
          + oneLine(e.getMessage()) + ")");
    }
    String problem = timestamps.problem();
    if (problem != null) throw new UsageException(at + "timestamp_format '" + pattern + "': " + problem);

    Object r = settings.get(RECORDS);
    String records = r == null ? null : name(at + "records", r);

    Object m = settings.get(MAPPING);
    if (m == null) {
      throw new UsageException(at + "no mapping: give 'mapping:' with at least " + String.join(", ", REQUIRED));
    }
    if (!(m instanceof Map<?, ?> mm) || mm.isEmpty()) {
      throw new UsageException(at + "mapping must map canonical fields to columns, e.g. 'post_id: id'");
    }
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : mm.entrySet()) {
      String field = String.valueOf(e.getKey());
      if (field.equals(PLATFORM)) {
        throw new UsageException(at + "mapping.platform: set the platform with 'platform: NAME' (a constant) or"
            + " 'platform_column: COLUMN' beside 'mapping', not inside it");
      }
      Kind kind = FIELDS.get(field);
      if (kind == null) {
        throw new UsageException(at + "mapping: unknown canonical field '" + field + "' (fields: "
            + String.join(", ", FIELDS.keySet()) + ")");
      }
      FieldSource src = source(at + "mapping." + field, field, kind, e.getValue(), timestamps);
      if (field.equals("urls") && src.split() == null) {
        src = new FieldSource(src.kind(), src.names(), src.constant(), src.joinWith(), MappedValues.BLANK_SPLIT);
      }
      fields.put(field, src);
    }
    List<String> missing = REQUIRED.stream().filter(f -> !fields.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      throw new UsageException(at + "mapping lacks " + String.join(", ", missing) + " (required: "
          + String.join(", ", REQUIRED) + ")");
    }
    return new Mapping(type, csv, tsv, platform, platformColumn, timestamps, fields, records);
  }

  private static FieldSource source(String at, String field, Kind kind, Object spec, TimestampFormat timestamps) {
    String forms = "a column, a list of columns, or one of {column: C}, {first_of: [C, …]}, {join: [C, …]},"
        + " {value: V}";
    if (spec == null) throw new UsageException(at + ": no source given (" + forms + ")");
    if (spec instanceof List<?> list) {
      if (kind == Kind.TEXT) return new FieldSource(FieldSource.Kind.JOIN, names(at, list), null, "\n\n", null);
      if (kind == Kind.LIST) return new FieldSource(FieldSource.Kind.ALL, names(at, list), null, null, null);
      throw new UsageException(at + ": a list of columns is for text (joined) and urls, hashtags, mentions"
          + " (gathered); for a fallback write {first_of: [...]}");
    }
    if (!(spec instanceof Map<?, ?> map)) {
      return new FieldSource(FieldSource.Kind.COLUMN, List.of(name(at, spec)), null, null, null);
    }
    for (Object k : map.keySet()) {
      if (!SPEC_KEYS.contains(String.valueOf(k))) {
        throw new UsageException(at + ": unknown key '" + k + "' (known: " + String.join(", ", SPEC_KEYS) + ")");
      }
    }
    List<String> sourceKeys = new ArrayList<>();
    for (String k : List.of("column", "first_of", "join", "value")) if (map.containsKey(k)) sourceKeys.add(k);
    if (sourceKeys.size() != 1) {
      throw new UsageException(at + ": give exactly one of column, first_of, join, value"
          + (sourceKeys.isEmpty() ? "" : " (got " + String.join(", ", sourceKeys) + ")"));
    }
    String how = sourceKeys.get(0);
    if (map.containsKey("with") && !how.equals("join")) throw new UsageException(at + ": 'with' goes with 'join'");
    String split = null;
    if (map.containsKey("split")) {
      if (kind != Kind.LIST) throw new UsageException(at + ": 'split' is for urls, hashtags and mentions");
      split = map.get("split") == null ? "" : scalar(map.get("split"));
      if (split.equalsIgnoreCase("tab")) split = "\t";
      if (split.isEmpty()) throw new UsageException(at + ": split must be a non-empty separator, e.g. '|'");
    }
    Object v = map.get(how);
    switch (how) {
      case "column":
        return new FieldSource(FieldSource.Kind.COLUMN, List.of(name(at, v)), null, null, split);
      case "first_of":
        return new FieldSource(FieldSource.Kind.FIRST_OF, names(at, v), null, null, split);
      case "join": {
        if (kind != Kind.TEXT && kind != Kind.STRING && kind != Kind.LIST) {
          throw new UsageException(at + ": join is for text, brand, lang and list fields; for a fallback write"
              + " {first_of: [...]}");
        }
        Object with = map.get("with");
        String sep = with == null ? (kind == Kind.TEXT ? "\n\n" : " ") : scalar(with);
        return new FieldSource(kind == Kind.LIST ? FieldSource.Kind.ALL : FieldSource.Kind.JOIN, names(at, v), null,
            sep, split);
      }
      default:
        return constant(at, field, kind, v, split, timestamps);
    }
  }

  private static FieldSource constant(String at, String field, Kind kind, Object v, String split,
      TimestampFormat timestamps) {
    if (v == null || v instanceof Map || v instanceof List) {
      throw new UsageException(at + ": value must be a single value (text or number)");
    }
    String c = scalar(v);
    if (field.equals("post_id")) {
      throw new UsageException(at + ": a constant post_id would make every record the same post");
    }
    try {
      switch (kind) {
        case BOOL -> MappedValues.bool(c);
        case COUNT -> {
          if (MappedValues.count(c) == null) throw new MappedValues.BadValue("'" + c + "' is not a count");
        }
        case TIME -> timestamps.parse(c, ZoneOffset.UTC);
        case ID -> MappedValues.id(c);
        default -> { }
      }
    } catch (MappedValues.BadValue e) {
      throw new UsageException(at + ": value " + e.getMessage());
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new UsageException(at + ": value '" + c + "' is not a timestamp"
          + (timestamps.pattern() == null ? "" : " in timestamp_format '" + timestamps.pattern() + "'"));
    }
    return new FieldSource(FieldSource.Kind.CONSTANT, List.of(), c, null, split);
  }

  private static List<String> names(String at, Object v) {
    if (!(v instanceof List<?> list) || list.isEmpty()) {
      throw new UsageException(at + ": expected a non-empty list of columns, got " + v);
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) out.add(name(at, o));
    return List.copyOf(out);
  }

  private static String name(String at, Object v) {
    if (v == null || v instanceof Map || v instanceof List) {
      throw new UsageException(at + ": expected a column name, got " + v);
    }
    String s = scalar(v).trim();
    if (s.isEmpty()) throw new UsageException(at + ": the column name is empty");
    return s;
  }

  /** YAML gives numbers and booleans for bare words like 3 or yes: a column or value is their text. */
  private static String scalar(Object v) {
    return String.valueOf(v);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
