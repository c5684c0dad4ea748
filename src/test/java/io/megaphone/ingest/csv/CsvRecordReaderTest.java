package io.megaphone.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.QuarantineReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  private static List<CsvRecordReader.Item> read(byte[] bytes, CsvDialect d) throws IOException {
    try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(bytes), "f.csv", d)) {
      List<CsvRecordReader.Item> out = new ArrayList<>();
      r.header();
      for (CsvRecordReader.Item i = r.next(); i != null; i = r.next()) out.add(i);
      return out;
    }
  }

  private static List<CsvRecordReader.Item> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), CsvDialect.RFC4180);
  }

  @Test
  void quotedFieldsSpanLinesAndKeepDoubledQuotes() throws IOException {
    var items = read("id,text,n\r\n1,\"line one\r\nline \"\"two\"\"\",3\r\n2,plain,4\r\n");
    assertThat(items).hasSize(2).allMatch(CsvRecordReader.Item::ok);
    assertThat(items.get(0).fields()).containsExactly("1", "line one\nline \"two\"", "3");
    assertThat(items.get(0).position().label()).isEqualTo("lines 2-3");
    assertThat(items.get(1).position().label()).isEqualTo("line 4");
  }

  @Test
  void bomAndNulBytesAreDropped() throws IOException {
    byte[] b = "\uFEFFid,text\n1,a\u0000b\n".getBytes(StandardCharsets.UTF_8);
    try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(b), "f.csv", CsvDialect.RFC4180)) {
      assertThat(r.header()).containsExactly("id", "text");
      assertThat(r.next().fields()).containsExactly("1", "ab");
    }
  }

  @Test
  void rowBrokenByRawNewlineIsJoinedWhenTheFieldCountsAddUp() throws IOException {
    var items = read("id,text,n\n1,first half\nsecond half,3\n2,ok,4\n");
    assertThat(items).hasSize(2).allMatch(CsvRecordReader.Item::ok);
    assertThat(items.get(0).fields()).containsExactly("1", "first half\nsecond half", "3");
    assertThat(items.get(0).position().label()).isEqualTo("lines 2-3");
  }

  @Test
  void shortRowThatCannotBeCompletedIsTruncatedAndTheNextRowSurvives() throws IOException {
    var items = read("id,text,n\n1,cut\n2,ok,4\n");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.TRUNCATED);
    assertThat(items.get(0).detail()).isEqualTo("2 field(s), expected 3");
    assertThat(items.get(1).fields()).containsExactly("2", "ok", "4");
  }

  @Test
  void strayQuoteSpoilsOnlyItsOwnLine() throws IOException {
    StringBuilder s = new StringBuilder("id,text\n1,\"never closed\n");
    for (int i = 2; i < 2500; i++) s.append(i).append(",t").append(i).append('\n');
    var items = read(s.toString());
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.TRUNCATED);
    assertThat(items.get(0).position().label()).isEqualTo("line 2");
    assertThat(items.subList(1, items.size())).hasSize(2498).allMatch(CsvRecordReader.Item::ok);
    assertThat(items.get(1).fields()).containsExactly("2", "t2");
  }

  @Test
  void tooManyFieldsIsReportedWithCounts() throws IOException {
    var items = read("a,b\n1,2,3\n");
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.UNPARSEABLE);
    assertThat(items.get(0).detail()).startsWith("3 fields, expected 2");
  }

  @Test
  void quoteInsideAnUnquotedFieldIsText() throws IOException {
    assertThat(read("a,b\n5\" screen,x\n").get(0).fields()).containsExactly("5\" screen", "x");
  }

  @Test
  void semicolonDialectInWindows1252() throws IOException {
    CsvDialect d = new CsvDialect(';', '"', "windows-1252");
    byte[] b = "id;text\n1;\"Ça coûte 5 €; oui\"\n".getBytes(Charset.forName("windows-1252"));
    assertThat(read(b, d).get(0).fields()).containsExactly("1", "Ça coûte 5 €; oui");
  }

  @Test
  void invalidUtf8IsFlagged() throws IOException {
    byte[] b = {'a', '\n', 'x', (byte) 0xC3, (byte) 0x28, '\n', 'y', '\n'};
    var items = read(b, CsvDialect.RFC4180);
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.INVALID_ENCODING);
    assertThat(items.get(1).fields()).containsExactly("y");
  }
}
