package io.megaphone.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Emits the records found inside one top-level JSON value (a page, a node with edges, a thread): each gets
 * the value's position plus its JSON path and a running index, so positions stay distinct and sortable.
 */
public final class RecordEmitter {
  public final RecordPosition pos;
  public final IngestOptions options;
  public final Consumer<Row> out;
  private final String format;
  private final String platform;
  private long index;

  public RecordEmitter(String format, String platform, RecordPosition pos, IngestOptions options, Consumer<Row> out) {
    this.format = format;
    this.platform = platform;
    this.pos = pos;
    this.options = options;
    this.out = out;
  }

  public PostRecord record(JsonNode node, String path) {
    return new PostRecord(format, at(path), node);
  }

  /** The position of the next record, at {@code path} inside the value; null: the top-level value itself. */
  public RecordPosition at(String path) {
    RecordPosition p = path == null ? pos : pos.element(path, index);
    index++;
    return p;
  }

  public void quarantine(String path, JsonNode node, String detail) {
    out.accept(PostRecord.quarantined(format, at(path), QuarantineReason.UNPARSEABLE, detail, node.toString(),
        platform, null));
  }
}
