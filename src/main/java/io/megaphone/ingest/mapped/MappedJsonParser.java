package io.megaphone.ingest.mapped;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * JSON records through a {@link Mapping}: names in the mapping are paths ({@link JsonPath}). A top-level
 * value is one record; an array is a list of records; with the {@code records} setting, the records are the
 * elements of the array at that path in each value (an API page such as {@code {"data": [...]}}).
 */
final class MappedJsonParser implements JsonRecordParser {
  private final Mapping mapping;
  private final String format;
  private final Map<String, JsonPath> paths = new HashMap<>();
  private final JsonPath records;

  MappedJsonParser(Mapping mapping, String format) {
    this.mapping = mapping;
    this.format = format;
    for (String n : mapping.names()) paths.put(n, new JsonPath(n));
    this.records = mapping.records == null ? null : new JsonPath(mapping.records);
  }

  @Override
  public void parse(JsonNode value, RecordPosition position, String rawForQuarantine, IngestOptions options,
      Consumer<Row> out) {
    if (records != null) {
      List<JsonNode> found = records.find(value);
      if (found.isEmpty()) {
        out.accept(PostRecord.quarantined(format, position, QuarantineReason.UNPARSEABLE, "no records at '"
            + records + "'", raw(value, rawForQuarantine), null, null));
        return;
      }
      int i = 0;
      for (JsonNode n : found) {
        if (n.isArray()) {
          for (JsonNode e : n) {
            one(e, position.element("$." + records + "[" + i + "]", i), null, options, out);
            i++;
          }
        } else {
          one(n, position.element("$." + records, i), null, options, out);
          i++;
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) one(value.get(i), position.element("$[" + i + "]", i), null, options, out);
    } else {
      one(value, position, rawForQuarantine, options, out);
    }
  }

  private void one(JsonNode record, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    if (!record.isObject()) {
      out.accept(PostRecord.quarantined(format, pos, QuarantineReason.UNPARSEABLE, "a record must be a JSON object,"
          + " got " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT), raw(record, raw), null, null));
      return;
    }
    FieldSource.Values values = new FieldSource.Values() {
      @Override
      public String scalar(String name) {
        for (JsonNode n : paths.get(name).find(record)) {
          if (n.isValueNode()) {
            String s = text(n);
            if (!s.isEmpty()) return s;
          }
        }
        return null;
      }

      @Override
      public List<String> list(String name, String split) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : paths.get(name).find(record)) {
          if (n.isArray()) {
            for (JsonNode e : n) if (e.isValueNode() && !e.isNull()) out.add(text(e));
          } else if (n.isValueNode()) {
            out.addAll(MappedValues.splitList(text(n), split));
          }
        }
        return out;
      }

      @Override
      public String describe(String name) {
        return "path '" + name + "'";
      }
    };
    out.accept(MappedRecord.toRow(mapping, values, format, pos, raw == null ? record : raw, options,
        options.zone()));
  }

  /** Numbers as written ({@code 1710.0} stays so: ids and counts convert it). */
  private static String text(JsonNode n) {
    return n.asText();
  }

  private static String raw(JsonNode value, String raw) {
    return raw != null ? raw : value.toString();
  }
}
