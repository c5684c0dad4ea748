package io.megaphone.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A page whose {@code data} is not a list was silently dropped (found by the fuzz, ingest/fuzz). */
class TwitterV2ParserFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");

  private static List<Row> parse(String json) throws Exception {
    List<Row> rows = new ArrayList<>();
    new TwitterV2Parser().parse(Json.MAPPER.readTree(json), RecordPosition.byteOffset("file:/p.jsonl", 0), json,
        OPTIONS, rows::add);
    return rows;
  }

  @Test
  void pageWithScalarDataIsQuarantined() throws Exception {
    for (String data : List.of("\"[{\\\"id\\\":\\\"1\\\"}]\"", "42", "false", "\"\"")) {
      List<Row> rows = parse("{\"data\": " + data + ", \"meta\": {\"result_count\": 1}}");
      assertThat(rows).as(data).hasSize(1);
      Row r = rows.get(0);
      assertThat(r.getString(CanonicalSchema.RECORD.fieldIndex("_reason"))).isEqualTo("unparseable");
      assertThat(r.getString(CanonicalSchema.RECORD.fieldIndex("_detail"))).startsWith("page whose data is a ");
      assertThat(r.getString(CanonicalSchema.RECORD.fieldIndex("source_record"))).isEqualTo("byte 0");
    }
  }

  @Test
  void pageWithNoResultsStaysEmpty() throws Exception {
    assertThat(parse("{\"data\": null, \"meta\": {\"result_count\": 0}}")).isEmpty();
    assertThat(parse("{\"data\": [], \"meta\": {\"result_count\": 0}}")).isEmpty();
  }
}
