package io.megaphone.ingest.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Setting {@code server}: Mastodon writes accounts of the answering server as bare usernames (REST {@code acct},
 * ActivityPub Mention names); with the server's domain given, every handle and mention is user@domain.
 */
class MastodonServerSettingTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/mastodon");

  static List<Row> parse(String file, Map<String, Object> settings) throws IOException {
    JsonNode value = Json.MAPPER.readTree(FIXTURES.resolve(file).toFile());
    IngestOptions o = new IngestOptions(Instant.parse("2006-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
        "UTC", settings);
    List<Row> rows = new ArrayList<>();
    new MastodonParser().parse(value, RecordPosition.line(file, 1), null, o, rows::add);
    return rows;
  }

  static Object field(Row r, String name) {
    return r.get(CanonicalSchema.RECORD.fieldIndex(name));
  }

  @Test
  void bareHandlesGetTheServerDomain_remoteOnesStay() throws IOException {
    List<Row> rows = parse("statuses.json", Map.of("server", "mastodon.example"));
    Row reply = rows.get(2);
    assertThat(field(reply, "account_handle")).isEqualTo("cafelumiere@mastodon.example");
    assertThat(field(reply, "mentions").toString()).isEqualTo("List(jeanne@mastodon.example)");
    Row boost = rows.get(1);
    assertThat(field(boost, "mentions").toString()).isEqualTo("List(cafelumiere@mastodon.example)");

    List<Row> outbox = parse("outbox.json", Map.of("server", "mastodon.example"));
    assertThat(field(outbox.get(0), "account_handle")).isEqualTo("cafelumiere@mastodon.example");
    assertThat(field(outbox.get(1), "mentions").toString()).isEqualTo("List(marie@piaille.example)");
  }

  @Test
  void withoutTheSetting_handlesAreAsMastodonWroteThem() throws IOException {
    List<Row> rows = parse("statuses.json", Map.of());
    assertThat(field(rows.get(2), "account_handle")).isEqualTo("cafelumiere");
    assertThat(field(rows.get(2), "mentions").toString()).isEqualTo("List(jeanne)");
    assertThat(rows).allSatisfy(r -> assertThat(field(r, "_reason")).isNull());
  }
}
