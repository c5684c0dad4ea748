package io.megaphone.ingest.twcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
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
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases the fuzz (ingest/fuzz) found to fail the job: a cut or corrupt .csv.gz (UncheckedIOException out of
 * the task) and a created_at of control characters (StringIndexOutOfBoundsException).
 */
class TwcsReaderFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");
  static final int REASON = CanonicalSchema.RECORD.fieldIndex("_reason");
  static final int DETAIL = CanonicalSchema.RECORD.fieldIndex("_detail");
  static final int RECORD = CanonicalSchema.RECORD.fieldIndex("source_record");
  static final String HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n";

  @TempDir Path tmp;

  private static String rows(int n) {
    StringBuilder b = new StringBuilder(HEADER);
    for (int i = 1; i <= n; i++) {
      b.append(i).append(",user").append(i).append(",True,Tue Oct 31 22:10:47 +0000 2017,@brand hello ").append(i)
          .append(",,\n");
    }
    return b.toString();
  }

  private List<Row> read(String name, byte[] bytes) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, bytes);
    List<Row> out = new ArrayList<>();
    new TwcsReader(f.toUri().toString(), OPTIONS, new Configuration()).forEachRemaining(out::add);
    return out;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(plain);
    }
    return b.toByteArray();
  }

  @Test
  void cutGzipKeepsTheRecordsBeforeTheCutAndReportsIt() throws IOException {
    byte[] gz = gzip(rows(5000).getBytes(StandardCharsets.UTF_8));
    List<Row> rows = read("cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));
    long accepted = rows.stream().filter(r -> r.get(REASON) == null).count();
    assertThat(accepted).isBetween(1L, 4999L);
    Row last = rows.get(rows.size() - 1);
    assertThat(last.getString(REASON)).isEqualTo("truncated");
    assertThat(last.getString(DETAIL)).startsWith("file unreadable after line ");
    assertThat(last.getString(RECORD)).matches("line \\d+");
  }

  @Test
  void gzipCutInsideItsHeaderIsOneTruncatedRecord() throws IOException {
    List<Row> rows = read("header.csv.gz", Arrays.copyOf(gzip(rows(3).getBytes(StandardCharsets.UTF_8)), 10));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("truncated");
    assertThat(rows.get(0).getString(RECORD)).isEqualTo("line 1");
  }

  @Test
  void controlCharacterTimestampIsQuarantined() throws IOException {
    List<Row> rows = read("ctl.csv", (HEADER + "1,user1,True,\u0001,@brand hi,,\n").getBytes(StandardCharsets.UTF_8));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("invalid_timestamp");
  }
}
