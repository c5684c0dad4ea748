package io.megaphone.archive;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Renders a small table as the CSV of the output contract: header row, ',' separator, UTF-8, '.' decimal,
 * LF line ends, empty cell for null. Decimals are rounded to 6 places so that the last bits of floating
 * point sums (which depend on partitioning) can never change the bytes of a metrics file.
 */
public final class CsvTable {
  private CsvTable() {}

  public static String render(StructType schema, List<Row> rows) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord((Object[]) schema.fieldNames());
      for (Row r : rows) {
        Object[] cells = new Object[r.size()];
        for (int i = 0; i < r.size(); i++) cells[i] = cell(r.get(i));
        p.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static String cell(Object v) {
    if (v == null) return "";
    if (v instanceof Double d) return decimal(d);
    if (v instanceof Float f) return decimal(f.doubleValue());
    if (v instanceof Timestamp t) return t.toInstant().toString();
    if (v instanceof scala.collection.Seq<?> s) return String.join(";", scala.jdk.javaapi.CollectionConverters.asJava(s).stream().map(String::valueOf).toList());
    return v.toString();
  }

  public static String decimal(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "";
    BigDecimal b = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (b.signum() == 0) return "0";
    return b.toPlainString();
  }
}
