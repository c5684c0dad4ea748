package io.megaphone.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.QuarantineReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Good rows lost inside a garbled one (found by the fuzz): a row cut inside its first field was joined with
 * the good row after it, whose fields then "added up" to the header's count; a stray quote carried the next
 * rows into one quoted field, up to the next quote.
 */
class CsvRecordReaderFuzzRegressionTest {
  private static List<CsvRecordReader.Item> read(String csv) throws IOException {
    List<CsvRecordReader.Item> out = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        "f.csv", CsvDialect.RFC4180)) {
      for (CsvRecordReader.Item i = r.next(); i != null; i = r.next()) out.add(i);
    }
    return out;
  }

  @Test
  void rowCutInsideItsFirstFieldDoesNotSwallowTheNextRow() throws IOException {
    var items = read("id,text,n\n12\n2,ok,4\n");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.TRUNCATED);
    assertThat(items.get(0).position().label()).isEqualTo("line 2");
    assertThat(items.get(1).fields()).containsExactly("2", "ok", "4");
    assertThat(items.get(1).position().label()).isEqualTo("line 3");
  }

  @Test
  void rowBrokenInALaterFieldIsStillJoined() throws IOException {
    var items = read("id,text,n\n1,first\nsecond,3\n");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).fields()).containsExactly("1", "first\nsecond", "3");
  }

  @Test
  void strayQuoteThatClosesLinesLaterSpoilsOnlyItsOwnLine() throws IOException {
    var items = read("id,text,n\n1,a,\"stray\n2,ok,4\n3,\"quoted\",5\n4,ok,6\n");
    assertThat(items).hasSize(4);
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.UNPARSEABLE);
    assertThat(items.get(0).position().label()).isEqualTo("line 2");
    assertThat(items.get(0).detail()).isEqualTo("a quote opened on this line joins lines 2-4 into 4 field(s), expected 3");
    assertThat(items.subList(1, 4)).allMatch(CsvRecordReader.Item::ok);
    assertThat(items.get(1).fields()).containsExactly("2", "ok", "4");
    assertThat(items.get(2).fields()).containsExactly("3", "quoted", "5");
    assertThat(items.get(3).position().label()).isEqualTo("line 5");
  }

  @Test
  void strayQuoteAfterACutRowSpoilsOnlyItsOwnLine() throws IOException {
    // line 2 is cut; line 3 opens a quote that line 4 (a good row) closes; line 5 was read ahead as well
    var items = read("id,a,b,c\n1\n\"b\n3,\"q\",4,5\n5,ok,6,7\n");
    assertThat(items).extracting(i -> i.position().label()).containsExactly("line 2", "line 3", "line 4", "line 5");
    assertThat(items.get(0).problem()).isEqualTo(QuarantineReason.TRUNCATED);
    assertThat(items.get(1).problem()).isEqualTo(QuarantineReason.UNPARSEABLE);
    assertThat(items.get(2).fields()).containsExactly("3", "q", "4", "5");
    assertThat(items.get(3).fields()).containsExactly("5", "ok", "6", "7");
  }

  @Test
  void quotedFieldWithLineBreaksIsStillOneRecord() throws IOException {
    var items = read("id,text,n\n1,\"two\nlines\",3\n2,ok,4\n");
    assertThat(items).hasSize(2).allMatch(CsvRecordReader.Item::ok);
    assertThat(items.get(0).fields()).containsExactly("1", "two\nlines", "3");
  }
}
