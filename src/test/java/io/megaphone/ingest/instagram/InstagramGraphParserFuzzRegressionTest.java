package io.megaphone.ingest.instagram;

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

/** A page whose "data" is a text or a number was taken for an empty page and dropped (found by the fuzz). */
class InstagramGraphParserFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");

  private static List<Row> parse(String json) throws Exception {
    List<Row> rows = new ArrayList<>();
    new InstagramGraphParser().parse(Json.MAPPER.readTree(json), RecordPosition.byteOffset("file:/p.jsonl", 0),
        json, OPTIONS, rows::add);
    return rows;
  }

  @Test
  void pageWithScalarDataIsQuarantined() throws Exception {
    for (String data : List.of("\"[{\\\"id\\\":\\\"17900000000000001\\\"}]\"", "-1", "true", "\"\"")) {
      List<Row> rows = parse("{\"data\": " + data + ", \"paging\": {}}");
      assertThat(rows).as(data).hasSize(1);
      assertThat(rows.get(0).getString(CanonicalSchema.RECORD.fieldIndex("_reason"))).isEqualTo("unparseable");
    }
  }

  @Test
  void emptyPageStaysEmpty() throws Exception {
    assertThat(parse("{\"data\": [], \"paging\": {}}")).isEmpty();
    assertThat(parse("{\"data\": null}")).isEmpty();
  }
}
