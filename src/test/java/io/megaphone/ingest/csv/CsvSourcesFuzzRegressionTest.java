package io.megaphone.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .csv.bz2 cut short failed the job: the file was opened outside the reader's error handling (found by the fuzz). */
class CsvSourcesFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");
  static final int REASON = CanonicalSchema.RECORD.fieldIndex("_reason");
  static final int DETAIL = CanonicalSchema.RECORD.fieldIndex("_detail");
  /** id,created_at records to posts. */
  static final CsvSources.RecordMapper MAPPER = (header, options) -> (item, out) -> {
    PostRecord p = new PostRecord("test", item.position(), item.raw());
    p.platform = "twitter";
    p.postId = item.fields().get(0);
    p.createdAtRaw = item.fields().get(1);
    out.accept(p.toRow(options));
  };

  @TempDir Path tmp;

  private static byte[] bzip2(byte[] plain) throws IOException {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new org.apache.hadoop.conf.Configuration());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = codec.createOutputStream(b)) {
      o.write(plain);
    }
    return b.toByteArray();
  }

  @Test
  void cutBzip2IsOneTruncatedRecordNotAFailure() throws IOException {
    StringBuilder csv = new StringBuilder("id,created_at\n");
    for (int i = 1; i <= 200; i++) csv.append(i).append(",2020-01-01T00:00:00Z\n");
    byte[] bz = bzip2(csv.toString().getBytes(StandardCharsets.UTF_8));
    Path f = tmp.resolve("cut.csv.bz2");
    Files.write(f, Arrays.copyOf(bz, bz.length / 2));
    List<Row> rows = new ArrayList<>();
    CsvSources.records(f.toUri().toString(), "test", CsvDialect.RFC4180, MAPPER, OPTIONS).forEachRemaining(rows::add);
    assertThat(rows).isNotEmpty();
    Row last = rows.get(rows.size() - 1);
    assertThat(last.getString(REASON)).isEqualTo("truncated");
    assertThat(last.getString(DETAIL)).startsWith("file unreadable after this point: ");
  }
}
