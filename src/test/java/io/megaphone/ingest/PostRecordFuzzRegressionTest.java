package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Values the fuzz (ingest/fuzz) found to crash or slip through validation: text made only of control
 * characters is not blank to {@link String#isBlank} but trims to nothing.
 */
class PostRecordFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");
  static final int REASON = CanonicalSchema.RECORD.fieldIndex("_reason");
  static final int POST_ID = CanonicalSchema.RECORD.fieldIndex("post_id");

  private static PostRecord post(String id, String createdAt) {
    PostRecord p = new PostRecord("test", RecordPosition.line("file:/x.csv", 2), "raw");
    p.platform = "twitter";
    p.postId = id;
    p.createdAtRaw = createdAt;
    return p;
  }

  @Test
  void controlCharacterTimestampIsQuarantinedNotThrown() {
    // was: StringIndexOutOfBoundsException out of Timestamps.parse, failing the TWCS task (and the job)
    Row r = post("1", "\u0001").toRow(OPTIONS);
    assertThat(r.getString(REASON)).isEqualTo("invalid_timestamp");
    assertThat(post("1", "\u0001\u0002 ").toRow(OPTIONS).getString(REASON)).isEqualTo("invalid_timestamp");
    assertThatThrownBy(() -> Timestamps.parse("\u0001", ZoneOffset.UTC)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void controlCharacterIdIsAMissingId() {
    // was: accepted with post_id "" (the trimmed id), so every such record became one post
    assertThat(post("\u0000", "2020-01-01T00:00:00Z").toRow(OPTIONS).getString(REASON)).isEqualTo("missing_id");
    assertThat(post("\u0001 \u001f", "2020-01-01T00:00:00Z").toRow(OPTIONS).getString(REASON)).isEqualTo("missing_id");
    Row ok = post(" \u0001 42 ", "2020-01-01T00:00:00Z").toRow(OPTIONS);
    assertThat(ok.get(REASON)).isNull();
    assertThat(ok.getString(POST_ID)).isEqualTo("42");
  }

  @Test
  void nullAndBlankEntitiesAreDropped() {
    // was: a null mention (a Mastodon acct "@") failed the record with a NullPointerException
    PostRecord p = post("1", "2020-01-01T00:00:00Z");
    p.mentions = java.util.Arrays.asList("@", null, "@brand", " ");
    p.hashtags = java.util.Arrays.asList(null, "#tag");
    p.urls = java.util.Arrays.asList("", "https://x.example");
    Row r = p.toRow(OPTIONS);
    assertThat(r.get(REASON)).isNull();
    assertThat(list(r, "mentions")).containsExactly("@", "brand");
    assertThat(list(r, "hashtags")).containsExactly("tag");
    assertThat(list(r, "urls")).containsExactly("https://x.example");
  }

  private static java.util.List<String> list(Row r, String field) {
    return scala.jdk.javaapi.CollectionConverters.asJava(
        r.<scala.collection.Seq<String>>getAs(CanonicalSchema.RECORD.fieldIndex(field)));
  }
}
