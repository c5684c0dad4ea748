package io.megaphone.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reconciliation of one source file: read = accepted + quarantined, and the quarantined split by reason. */
public record IngestSummary(String source, String format, long read, long accepted, long quarantined,
    Map<String, Long> byReason) {

  public boolean reconciled() {
    return read == accepted + quarantined;
  }

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> f = new ArrayList<>(List.of(
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("format", DataTypes.StringType, false),
        DataTypes.createStructField("records_read", DataTypes.LongType, false),
        DataTypes.createStructField("records_accepted", DataTypes.LongType, false),
        DataTypes.createStructField("records_quarantined", DataTypes.LongType, false),
        DataTypes.createStructField("reconciled", DataTypes.BooleanType, false)));
    for (QuarantineReason r : QuarantineReason.values()) {
      f.add(DataTypes.createStructField("quarantined_" + r.code(), DataTypes.LongType, false));
    }
    return new StructType(f.toArray(StructField[]::new));
  }

  public Row toRow() {
    List<Object> v = new ArrayList<>(List.of(io.megaphone.archive.OutputLayout.displayPath(source), format, read, accepted, quarantined, reconciled()));
    for (QuarantineReason r : QuarantineReason.values()) v.add(byReason.getOrDefault(r.code(), 0L));
    return RowFactory.create(v.toArray());
  }
}
