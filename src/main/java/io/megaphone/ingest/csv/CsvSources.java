package io.megaphone.ingest.csv;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.SourceFiles;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads delimited files for a format: one task per file (quoted fields may span lines, so a file cannot be
 * split), records streamed through {@link CsvRecordReader}; bad records become quarantined rows and a
 * mapper turns good ones into posts. Nothing a file holds is skipped without a row saying why.
 */
public final class CsvSources {
  private CsvSources() {}

  /** Maps one well-formed record (fields aligned with the header) to rows, usually one post. */
  public interface RecordMapper extends Serializable {
    /** Called once per file with its header; throws {@link BadHeader} when the file cannot be read as this format. */
    Bound bind(List<String> header, IngestOptions options) throws BadHeader;
  }

  /** A mapper bound to one file's header. */
  public interface Bound {
    void map(CsvRecordReader.Item record, java.util.function.Consumer<Row> out);
  }

  /** The header lacks what the format needs; every record of the file is quarantined with this message. */
  public static final class BadHeader extends Exception {
    public BadHeader(String message) {
      super(message);
    }
  }

  public static JavaRDD<Row> read(SparkSession spark, List<String> files, String format, CsvDialect dialect,
      RecordMapper mapper, IngestOptions options) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (files.isEmpty()) return sc.emptyRDD();
    return sc.parallelize(files, files.size()).flatMap(f -> records(f, format, dialect, mapper, options));
  }

  /** The rows of one file, produced lazily. */
  public static Iterator<Row> records(String file, String format, CsvDialect dialect, RecordMapper mapper,
      IngestOptions options) throws IOException {
    CsvRecordReader reader = new CsvRecordReader(SourceFiles.open(file, new Configuration()), file, dialect);
    return new Iterator<Row>() {
      final List<Row> rows = new ArrayList<>();
      int next;
      boolean done;
      Bound bound;
      String headerProblem;

      @Override
      public boolean hasNext() {
        while (next >= rows.size()) {
          if (done) return false;
          rows.clear();
          next = 0;
          try {
            if (bound == null && headerProblem == null) {
              try {
                bound = mapper.bind(reader.header(), options);
              } catch (BadHeader e) {
                headerProblem = e.getMessage();
              }
            }
            CsvRecordReader.Item item = reader.next();
            if (item == null) {
              finish();
              return false;
            }
            if (headerProblem != null) {
              rows.add(PostRecord.quarantined(format, item.position(), QuarantineReason.UNPARSEABLE, headerProblem,
                  item.raw(), null, null));
            } else if (!item.ok()) {
              rows.add(PostRecord.quarantined(format, item.position(), item.problem(), item.detail(), item.raw(),
                  null, null));
            } else {
              try {
                bound.map(item, rows::add);
              } catch (RuntimeException e) {
                rows.clear();
                rows.add(PostRecord.quarantined(format, item.position(), QuarantineReason.UNPARSEABLE,
                    "unexpected record: " + e, item.raw(), null, null));
              }
            }
          } catch (IOException | RuntimeException e) {
            rows.add(PostRecord.quarantined(format, new RecordPosition(file, Long.MAX_VALUE, "end of readable data"),
                QuarantineReason.TRUNCATED, "file unreadable after this point: " + e, null, null, null));
            finish();
          }
        }
        return true;
      }

      private void finish() {
        done = true;
        try {
          reader.close();
        } catch (IOException e) {
          // nothing more to read from it
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        return rows.get(next++);
      }
    };
  }
}
