package io.megaphone.ingest.mastodon;

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

/**
 * Found by the fuzz: a collection whose orderedItems was not an array was dropped without a row; a mention
 * whose acct is just "@" made a null handle that failed the whole status ("unexpected structure").
 */
class MastodonParserFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");
  static final int REASON = CanonicalSchema.RECORD.fieldIndex("_reason");

  private static List<Row> parse(String json) throws Exception {
    List<Row> rows = new ArrayList<>();
    new MastodonParser().parse(Json.MAPPER.readTree(json), RecordPosition.byteOffset("file:/p.json", 0), json, OPTIONS,
        rows::add);
    return rows;
  }

  @Test
  void collectionWhoseItemsAreNotAnArrayIsReported() throws Exception {
    List<Row> wrapped = parse("{\"type\": \"OrderedCollectionPage\", \"orderedItems\": {\"value\": [1]}}");
    assertThat(wrapped).hasSize(1);
    assertThat(wrapped.get(0).getString(REASON)).isNotNull();
    List<Row> text = parse("{\"type\": \"OrderedCollectionPage\", \"orderedItems\": \"https://x.example/1\"}");
    assertThat(text).hasSize(1);
    assertThat(text.get(0).getString(REASON)).isEqualTo("unparseable");
    assertThat(parse("{\"type\": \"OrderedCollectionPage\", \"orderedItems\": []}")).isEmpty();
  }

  @Test
  void mentionWithAnEmptyAcctIsDropped() throws Exception {
    List<Row> rows = parse("{\"id\": \"1\", \"created_at\": \"2023-03-01T10:15:00.000Z\", \"content\": \"<p>hi</p>\","
        + " \"account\": {\"id\": \"9\", \"acct\": \"jeanne\"}, \"mentions\": [{\"acct\": \"@\"}, {\"acct\": \"cafe\"}]}");
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat(r.get(REASON)).isNull();
    assertThat(scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs(
        CanonicalSchema.RECORD.fieldIndex("mentions")))).containsExactly("cafe");
  }
}
