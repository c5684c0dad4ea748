package io.megaphone.bench;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The floor for ingest: Spark reading the same files with its own reader (schema inferred, as a user would
 * do it) and writing them as Parquet, with none of Megaphone's validation, quarantine or reconciliation.
 */
final class BareConversion {
  private BareConversion() {}

  static void run(SparkSession spark, String format, String dataDir, String out) {
    var reader = spark.read();
    var df = format.equals("twcs")
        ? reader.option("header", "true").option("multiLine", "true").option("escape", "\"").csv(dataDir)
        : reader.json(dataDir);
    df.write().mode(SaveMode.Overwrite).parquet(out);
  }
}
