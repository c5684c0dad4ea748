package io.megaphone.ingest.mapped;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.csv.CsvRecordReader;
import io.megaphone.ingest.csv.CsvSources;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * Binds a {@link Mapping} to a delimited file's header: every column the mapping names must be in it, once;
 * otherwise each record of the file is quarantined with a message naming the missing columns and the
 * columns the file has.
 */
final class MappedCsv implements CsvSources.RecordMapper {
  private static final int COLUMNS_SHOWN = 60;
  private final Mapping mapping;
  private final String format;

  MappedCsv(Mapping mapping, String format) {
    this.mapping = mapping;
    this.format = format;
  }

  @Override
  public CsvSources.Bound bind(List<String> header, IngestOptions options) throws CsvSources.BadHeader {
    Map<String, Integer> index = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (index.putIfAbsent(header.get(i), i) != null) twice.add(header.get(i));
    }
    List<String> missing = new ArrayList<>();
    List<String> ambiguous = new ArrayList<>();
    for (String n : mapping.names()) {
      if (!index.containsKey(n)) missing.add(n);
      else if (twice.contains(n)) ambiguous.add(n);
    }
    if (!missing.isEmpty()) {
      throw new CsvSources.BadHeader("the mapping names " + (missing.size() == 1 ? "column " : "columns ")
          + quoted(missing) + " absent from the header (columns: " + columns(header) + ")");
    }
    if (!ambiguous.isEmpty()) {
      throw new CsvSources.BadHeader("the header has " + (ambiguous.size() == 1 ? "column " : "columns ")
          + quoted(ambiguous) + " more than once: the mapping cannot tell which one");
    }
    ZoneId zone = options.zone();
    return new CsvSources.Bound() {
      @Override
      public void map(CsvRecordReader.Item record, Consumer<Row> out) {
        List<String> fields = record.fields();
        FieldSource.Values values = new FieldSource.Values() {
          @Override
          public String scalar(String name) {
            String s = fields.get(index.get(name));
            return s.isEmpty() ? null : s;
          }

          @Override
          public List<String> list(String name, String split) {
            return MappedValues.splitList(fields.get(index.get(name)), split);
          }
        };
        out.accept(MappedRecord.toRow(mapping, values, format, record.position(), record.raw(), options, zone));
      }
    };
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  private static String columns(List<String> header) {
    List<String> shown = header.size() > COLUMNS_SHOWN ? header.subList(0, COLUMNS_SHOWN) : header;
    return quoted(shown) + (header.size() > COLUMNS_SHOWN ? ", … " + header.size() + " in all" : "");
  }
}
