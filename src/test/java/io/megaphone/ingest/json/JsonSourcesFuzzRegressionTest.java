package io.megaphone.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases the fuzz (ingest/fuzz) found: a cut or corrupt .gz failed the whole job (Hadoop's line reader throws
 * in the task), and a JSON Lines file whose first line was broken by a line break was read as documents, so
 * the first bad line after it lost the rest of the file.
 */
class JsonSourcesFuzzRegressionTest {
  static final IngestOptions OPTIONS = new IngestOptions(Instant.parse("1990-01-01T00:00:00Z"),
      Instant.parse("2030-01-01T00:00:00Z"), "UTC");
  static final int REASON = CanonicalSchema.RECORD.fieldIndex("_reason");
  static final int DETAIL = CanonicalSchema.RECORD.fieldIndex("_detail");
  static final int RECORD = CanonicalSchema.RECORD.fieldIndex("source_record");
  /** One canonical-like post per object: id and created_at. */
  static final JsonRecordParser PARSER = (value, pos, raw, options, out) -> {
    PostRecord p = new PostRecord("test", pos, raw);
    p.platform = "twitter";
    p.postId = Json.text(value, "id");
    p.createdAtRaw = Json.text(value, "created_at");
    out.accept(p.toRow(options));
  };

  @TempDir Path tmp;

  private static String lines(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) b.append("{\"id\":\"").append(i).append("\",\"created_at\":\"2020-01-01T00:00:00Z\"}\n");
    return b.toString();
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(plain);
    }
    return b.toByteArray();
  }

  private String file(String name, byte[] bytes) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, bytes);
    return new org.apache.hadoop.fs.Path(f.toUri()).toString();
  }

  private static List<Row> read(String file) {
    return JsonSources.read(TestSpark.session(), List.of(file), "test", PARSER, OPTIONS).collect();
  }

  private static long accepted(List<Row> rows) {
    return rows.stream().filter(r -> r.get(REASON) == null).count();
  }

  @Test
  void cutGzipKeepsTheLinesBeforeTheCutAndReportsIt() throws IOException {
    byte[] gz = gzip(lines(5000).getBytes(StandardCharsets.UTF_8));
    List<Row> rows = read(file("cut.jsonl.gz", Arrays.copyOf(gz, gz.length / 2)));
    assertThat(accepted(rows)).isBetween(1L, 4999L);
    Row last = rows.get(rows.size() - 1);
    assertThat(last.getString(REASON)).isEqualTo("truncated");
    assertThat(last.getString(DETAIL)).startsWith("file unreadable after this point: java.io.EOFException");
    assertThat(last.getString(RECORD)).matches("byte \\d+");
    assertThat(rows).hasSize((int) accepted(rows) + 1);
  }

  @Test
  void gzipCutInsideItsHeaderIsOneTruncatedRecord() throws IOException {
    String f = file("header.jsonl.gz", Arrays.copyOf(gzip(lines(10).getBytes(StandardCharsets.UTF_8)), 10));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.UNREADABLE);
    List<Row> rows = read(f);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("truncated");
    assertThat(rows.get(0).getString(RECORD)).isEqualTo("line 1");
  }

  @Test
  void cutGzipDocumentIsATruncatedRecord() throws IOException {
    String doc = "[\n" + lines(3000).replace("}\n{", "},\n{") + "]\n";
    byte[] gz = gzip(doc.getBytes(StandardCharsets.UTF_8));
    String f = file("doc.json.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.DOCUMENTS);
    List<Row> rows = new ArrayList<>();
    JsonSources.readDocuments(f, "test", PARSER, OPTIONS).forEachRemaining(rows::add);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("truncated");
    assertThat(rows.get(0).getString(DETAIL)).startsWith("file unreadable at line ");
  }

  @Test
  void unreadableFileStreamsOneTruncatedRecord() throws IOException {
    String f = file("header2.jsonl.gz", new byte[] {0x1f, (byte) 0x8b, 8});
    Iterator<Row> it = JsonSources.streamLines(f, "test", PARSER, OPTIONS);
    assertThat(it.hasNext()).isTrue();
    Row r = it.next();
    assertThat(r.getString(REASON)).isEqualTo("truncated");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void jsonLinesWhoseFirstLineIsSplitStaysJsonLines() throws IOException {
    // line 1 broken in two by a stray line break, between tokens: lines 1-2 still make one valid value
    String broken = "{\"id\":\"0\",\n\"created_at\":\"2020-01-01T00:00:00Z\"}\n" + lines(20) + "{\"id\": \"21\"\n"
        + lines(5);
    String f = file("split.jsonl", broken.getBytes(StandardCharsets.UTF_8));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.LINES);
    List<Row> rows = read(f);
    // lines 1 and 2 and the broken line 23 are quarantined one by one; the 25 good lines are all read
    assertThat(accepted(rows)).isEqualTo(25);
    assertThat(rows).hasSize(28);
  }

  @Test
  void brokenPrettyPrintedDocumentIsOneRecordSayingWhereItBreaks() throws IOException {
    // was: read line by line, each of its lines a quarantined record
    String pretty = "{\n  \"data\": [\n    {\"id\": \"1\",\n     \"created_at\": \"2020-01-01T00:00:00Z\"\n    },\n"
        + "    {\"id\": \"2\" \"oops\"\n    }\n  ]\n}\n";
    String f = file("broken.json", pretty.getBytes(StandardCharsets.UTF_8));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.DOCUMENTS);
    List<Row> rows = read(f);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("unparseable");
    assertThat(rows.get(0).getString(DETAIL)).startsWith("invalid JSON at line 6 column ");
    assertThat(rows.get(0).getString(RECORD)).isEqualTo("line 6");
  }

  @Test
  void documentWithInvalidUtf8IsQuarantinedAndTheNextIsRead() throws IOException {
    // was: the bad bytes became U+FFFD inside accepted text (only JSON Lines checked the encoding)
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes("{\n  \"id\": \"1\",\n  \"created_at\": \"2020-01-01T00:00:00Z\", \"t\": \"caf".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    b.writeBytes("\"\n}\n{\n  \"id\": \"2\",\n  \"created_at\": \"2020-01-01T00:00:00Z\"\n}\n".getBytes(StandardCharsets.UTF_8));
    String f = file("bad-bytes.json", b.toByteArray());
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.DOCUMENTS);
    List<Row> rows = read(f);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(REASON)).isEqualTo("invalid_encoding");
    assertThat(rows.get(0).getString(RECORD)).isEqualTo("line 1");
    assertThat(rows.get(1).get(REASON)).isNull();
    assertThat(rows.get(1).getString(RECORD)).isEqualTo("line 5");
  }

  @Test
  void documentWithAByteOrderMarkIsRead() throws IOException {
    // was: the BOM made the first value unparseable, and the document was read line by line, all quarantined
    String pretty = "\uFEFF{\n  \"id\": \"1\",\n  \"created_at\": \"2020-01-01T00:00:00Z\"\n}\n";
    String f = file("bom.json", pretty.getBytes(StandardCharsets.UTF_8));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.DOCUMENTS);
    List<Row> rows = read(f);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(REASON)).isNull();
  }

  @Test
  void prettyPrintedDocumentsStayDocuments() throws IOException {
    String pretty = "{\n  \"id\": \"1\",\n  \"created_at\": \"2020-01-01T00:00:00Z\"\n}\n"
        + "{\n  \"id\": \"2\",\n  \"tags\": [\n    [1, 2],\n    [3]\n  ],\n  \"created_at\": \"2020-01-01T00:00:00Z\"\n}\n";
    String f = file("pretty.json", pretty.getBytes(StandardCharsets.UTF_8));
    assertThat(JsonSources.layout(f, new Configuration())).isEqualTo(JsonSources.Layout.DOCUMENTS);
    List<Row> rows = read(f);
    assertThat(rows).hasSize(2);
    assertThat(accepted(rows)).isEqualTo(2);
  }
}
