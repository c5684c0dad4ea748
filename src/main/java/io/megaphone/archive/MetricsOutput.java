package io.megaphone.archive;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Writes a metrics table twice, from the same sorted rows: Parquet folder and CSV export (SPEC §4). */
public final class MetricsOutput {
  private MetricsOutput() {}

  public static void write(SparkSession spark, OutputLayout out, String name, StructType schema, List<Row> rows) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(out.metricsTable(name));
    out.deleteCrcFiles(out.metricsTable(name));
    out.writeText(out.metricsCsv(name), CsvTable.render(schema, rows));
  }
}
