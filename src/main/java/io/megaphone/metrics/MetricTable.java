package io.megaphone.metrics;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** A computed metrics table, small enough to hold on the driver, rows already in their published order. */
public record MetricTable(String name, StructType schema, List<Row> rows) {
  public MetricTable {
    rows = List.copyOf(rows);
  }
}
