package io.megaphone.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.RecordPosition;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/** Turns one top-level JSON value (a line of JSON Lines, or a document) into record rows. */
public interface JsonRecordParser extends Serializable {
  void parse(JsonNode value, RecordPosition position, String rawForQuarantine, IngestOptions options,
      Consumer<Row> out);
}
