package io.megaphone.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.megaphone.ingest.BomAndNulFilter;
import io.megaphone.ingest.ByteLines;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.SourceFiles;
import io.megaphone.ingest.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads JSON sources. A file whose first line holds a complete JSON value is JSON Lines and is read in
 * parallel splits (positions are byte offsets); any other file is read as a sequence of JSON documents
 * in one task (positions are line numbers). Each top-level value goes to a {@link JsonRecordParser}.
 */
public final class JsonSources {
  private static final int REASON = io.megaphone.ingest.CanonicalSchema.RECORD.fieldIndex("_reason");
  private JsonSources() {}

  public static JavaRDD<Row> read(SparkSession spark, List<String> files, String format, JsonRecordParser parser,
      IngestOptions options) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> lineFiles = new ArrayList<>();
    List<String> streamedLineFiles = new ArrayList<>();
    List<String> docFiles = new ArrayList<>();
    for (String f : files) {
      switch (layout(f, conf)) {
        case DOCUMENTS -> docFiles.add(f);
        // a file that cannot even be opened or decompressed is streamed: the stream reports it as truncated
        case UNREADABLE -> streamedLineFiles.add(f);
        default -> (SourceFiles.isZstd(f) ? streamedLineFiles : lineFiles).add(f);
      }
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> out = sc.emptyRDD();
    if (!lineFiles.isEmpty()) out = out.union(readLines(sc, lineFiles, format, parser, options));
    if (!streamedLineFiles.isEmpty()) {
      out = out.union(sc.parallelize(streamedLineFiles, streamedLineFiles.size())
          .flatMap(f -> streamLines(f, format, parser, options)));
    }
    if (!docFiles.isEmpty()) {
      out = out.union(sc.parallelize(docFiles, docFiles.size())
          .flatMap(f -> readDocuments(f, format, parser, options)));
    }
    return out;
  }

  /** How a JSON file is read. */
  enum Layout {
    /** one value per line (JSON Lines); also any file whose first value does not parse */
    LINES,
    /** a sequence of values spanning lines (pretty-printed documents) */
    DOCUMENTS,
    /** the file cannot be opened or decompressed */
    UNREADABLE
  }

  /** Lines after a multi-line first value that are looked at to tell documents from broken JSON Lines. */
  private static final int SAMPLE_LINES = 20;

  /**
   * JSON Lines when the first line holds a complete JSON value (or the file is empty, or its first value is
   * broken on line 1: each line is then read, the bad one quarantined). When the first value spans several
   * lines (complete, or broken after line 1), the file is a sequence of documents, unless at least two of the
   * next non-blank lines each hold a complete object or array: then it is JSON Lines whose first line was
   * broken by a line break, and reading it as documents would give up at the first bad line and lose the rest
   * of the file. A broken document is one quarantined record saying where it breaks.
   */
  static Layout layout(String file, Configuration conf) {
    long end;
    JsonParser p = null;
    try (InputStream in = new BomAndNulFilter(SourceFiles.open(file, conf))) {
      p = Json.MAPPER.getFactory().createParser(new Utf8Reader(in));
      JsonToken t = p.nextToken();
      if (t == null) return Layout.LINES;
      p.skipChildren();
      end = p.currentLocation().getLineNr();
      if (end == 1) return Layout.LINES;
    } catch (JsonProcessingException | RuntimeException e) {
      // broken on its first line: JSON Lines (each line is read, the bad one quarantined); broken further down:
      // a document, unless the lines after the break are JSON Lines
      end = p == null ? 1 : p.currentLocation().getLineNr();
      if (end <= 1) return Layout.LINES;
    } catch (IOException e) {
      // a cut or corrupt compressed file: a document already past its first line is read (and reported) as
      // one; anything else is streamed line by line up to where it breaks
      return p != null && p.currentLocation().getLineNr() > 1 ? Layout.DOCUMENTS : Layout.UNREADABLE;
    } finally {
      closeQuietly(p);
    }
    return completeValuesAfter(file, conf, end) >= 2 ? Layout.LINES : Layout.DOCUMENTS;
  }

  /** True when the first line of the file is read as JSON Lines. */
  static boolean isJsonLines(String file, Configuration conf) {
    return layout(file, conf) != Layout.DOCUMENTS;
  }

  /** How many of the first non-blank lines after line {@code after} each hold one complete object or array. */
  private static int completeValuesAfter(String file, Configuration conf, long after) {
    int complete = 0;
    try (ByteLines lines = new ByteLines(SourceFiles.open(file, conf))) {
      int seen = 0;
      for (ByteLines.Line l = lines.next(); l != null && seen < SAMPLE_LINES; l = lines.next()) {
        if (l.number() <= after || l.text().isBlank()) continue;
        seen++;
        if (isCompleteContainer(l.text())) complete++;
      }
    } catch (IOException | RuntimeException e) {
      // what could be read decides
    }
    return complete;
  }

  private static boolean isCompleteContainer(String line) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(line)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return false;
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static JavaRDD<Row> readLines(JavaSparkContext sc, List<String> files, String format,
      JsonRecordParser parser, IngestOptions options) {
    try {
      Job job = Job.getInstance(sc.hadoopConfiguration());
      FileInputFormat.setInputPaths(job, files.stream().map(org.apache.hadoop.fs.Path::new)
          .toArray(org.apache.hadoop.fs.Path[]::new));
      JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
          sc.newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
      return lines.mapPartitionsWithInputSplit((split, it) -> {
        String file = ((FileSplit) split).getPath().toString();
        List<Row> rows = new ArrayList<>();
        return new Iterator<Row>() {
          int next = 0;

          long end = 0;
          boolean done;

          @Override
          public boolean hasNext() {
            while (next >= rows.size()) {
              if (done) return false;
              rows.clear();
              next = 0;
              try {
                if (!it.hasNext()) {
                  done = true;
                  return false;
                }
                var kv = it.next();
                Text line = kv._2();
                end = kv._1().get() + line.getLength() + 1;
                if (line.getLength() > PostRecord.MAX_RECORD_BYTES) {
                  rows.add(tooLarge(format, RecordPosition.byteOffset(file, kv._1().get()), line.getLength(),
                      new String(line.getBytes(), 0, 4000, StandardCharsets.UTF_8)));
                  continue;
                }
                parseLine(line, kv._1().get(), file, format, parser, options, rows::add);
              } catch (Exception e) { // Hadoop's reader throws IOException (undeclared) on a cut or corrupt .gz/.bz2
                if (!(e instanceof IOException)) throw e;
                done = true;
                rows.add(PostRecord.quarantined(format, RecordPosition.byteOffset(file, end), QuarantineReason.TRUNCATED,
                    "file unreadable after this point: " + oneLine(e.toString()), null, null, null));
              }
            }
            return true;
          }

          @Override
          public Row next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            return rows.get(next++);
          }
        };
      }, true);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void parseLine(Text line, long offset, String file, String format, JsonRecordParser parser,
      IngestOptions options, java.util.function.Consumer<Row> out) {
    RecordPosition pos = RecordPosition.byteOffset(file, offset);
    // Fast path: Jackson parses the line's UTF-8 bytes directly (no String of the whole line). Anything it
    // rejects — invalid bytes, NULs, broken JSON — takes the careful path, which says precisely what is wrong.
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line.getBytes(), 0, line.getLength());
    } catch (IOException | RuntimeException e) {
      node = null;
    }
    if (node != null && !node.isMissingNode()) {
      List<Row> rows = new ArrayList<>(4);
      safeParse(parser, node, pos, null, options, format, rows::add);
      for (Row r : rows) {
        if (!r.isNullAt(REASON)) {
          // a quarantined record keeps the line exactly as written: parse again with it (rare)
          rows.clear();
          String raw = StrictUtf8.decode(line.getBytes(), 0, line.getLength()).text();
          safeParse(parser, node, pos, raw, options, format, rows::add);
          break;
        }
      }
      rows.forEach(out);
      return;
    }
    StrictUtf8.Decoded d = StrictUtf8.decode(line.getBytes(), 0, line.getLength());
    parseText(d.text(), d.valid(), pos, format, parser, options, out);
  }

  private static void parseText(String text, boolean valid, RecordPosition pos, String format,
      JsonRecordParser parser, IngestOptions options, java.util.function.Consumer<Row> out) {
    if (text.indexOf('\0') >= 0) text = text.replace("\0", "");
    if (text.isBlank()) return;
    if (!valid) {
      out.accept(PostRecord.quarantined(format, pos, QuarantineReason.INVALID_ENCODING, "invalid UTF-8 bytes",
          text, null, null));
      return;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      out.accept(PostRecord.quarantined(format, pos, QuarantineReason.UNPARSEABLE,
          "invalid JSON: " + e.getOriginalMessage(), text, null, null));
      return;
    }
    safeParse(parser, node, pos, text, options, format, out);
  }

  /**
   * JSON Lines that Hadoop cannot split or decompress (Zstandard): one task per file, streaming; positions
   * are line numbers.
   */
  static Iterator<Row> streamLines(String file, String format, JsonRecordParser parser, IngestOptions options) {
    return new Iterator<Row>() {
      final List<Row> rows = new ArrayList<>();
      ByteLines lines;
      long lineNumber;
      int next = 0;
      boolean done;

      @Override
      public boolean hasNext() {
        while (next >= rows.size()) {
          if (done) return false;
          rows.clear();
          next = 0;
          try {
            if (lines == null) lines = new ByteLines(SourceFiles.open(file, new Configuration()));
            ByteLines.Line l = lines.next();
            if (l == null) {
              done = true;
              lines.close();
              return false;
            }
            lineNumber = l.number();
            if (l.tooLong()) {
              rows.add(tooLarge(format, RecordPosition.line(file, l.number()), l.bytes(), l.text()));
              continue;
            }
            parseText(l.text(), l.validUtf8(), RecordPosition.line(file, l.number()), format, parser, options,
                rows::add);
          } catch (IOException e) {
            done = true;
            closeQuietly(lines);
            rows.add(PostRecord.quarantined(format, RecordPosition.line(file, lineNumber + 1),
                QuarantineReason.TRUNCATED, "file unreadable after this point: " + oneLine(e.toString()), null, null,
                null));
          }
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new java.util.NoSuchElementException();
        return rows.get(next++);
      }
    };
  }

  static Iterator<Row> readDocuments(String file, String format, JsonRecordParser parser, IngestOptions options) {
    List<Row> rows = new ArrayList<>();
    Configuration conf = new Configuration();
    JsonParser p = null;
    try (InputStream in = new BomAndNulFilter(SourceFiles.open(file, conf));
        Utf8Reader reader = new Utf8Reader(in)) {
      p = Json.MAPPER.getFactory().createParser(reader);
      MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(p);
      while (values.hasNextValue()) {
        JsonLocation start = p.currentTokenLocation();
        JsonNode node = values.nextValue();
        RecordPosition pos = RecordPosition.line(file, start.getLineNr());
        if (reader.invalidBetween(start.getCharOffset(), p.currentLocation().getCharOffset() + 1)) {
          // as in JSON Lines, a value holding invalid bytes is quarantined whole
          rows.add(PostRecord.quarantined(format, pos, QuarantineReason.INVALID_ENCODING, "invalid UTF-8 bytes",
              abbreviate(node), null, null));
        } else {
          safeParse(parser, node, pos, null, options, format, rows::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      JsonLocation at = p == null ? null : p.currentLocation();
      long line = at == null ? 1 : Math.max(1, at.getLineNr());
      // a decompression or read error is a cut file; anything else is broken JSON (or a parser bug on it)
      boolean json = at != null && !(e instanceof IOException && !(e instanceof JsonProcessingException));
      rows.add(PostRecord.quarantined(format, RecordPosition.line(file, line),
          json ? QuarantineReason.UNPARSEABLE : QuarantineReason.TRUNCATED,
          (json ? "invalid JSON at line " + line + " column " + at.getColumnNr() : "file unreadable at line " + line)
              + " (rest of file unreadable): " + oneLine(e.getMessage()), null, null, null));
    } finally {
      closeQuietly(p);
    }
    return rows.iterator();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (Exception e) {
      // nothing more to read from it
    }
  }

  /** A line too long to parse (see {@link PostRecord#MAX_RECORD_BYTES}), quarantined with its beginning. */
  static Row tooLarge(String format, RecordPosition pos, long bytes, String prefix) {
    return PostRecord.quarantined(format, pos, QuarantineReason.TOO_LARGE, "line of " + bytes
        + " bytes exceeds the limit of " + PostRecord.MAX_RECORD_BYTES + " bytes", prefix, null, null);
  }

  /** A parser bug on odd input quarantines the value instead of failing the job. */
  private static void safeParse(JsonRecordParser parser, JsonNode node, RecordPosition pos, String raw,
      IngestOptions options, String format, java.util.function.Consumer<Row> out) {
    List<Row> rows = new ArrayList<>();
    try {
      parser.parse(node, pos, raw, options, rows::add);
    } catch (RuntimeException e) {
      out.accept(PostRecord.quarantined(format, pos, QuarantineReason.UNPARSEABLE,
          "unexpected structure: " + oneLine(e.toString()), raw == null ? abbreviate(node) : raw, null, null));
      return;
    }
    rows.forEach(out);
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 4000 ? s.substring(0, 4000) : s;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ");
  }
}
