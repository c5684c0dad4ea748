package io.megaphone.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The floor for ingest: Spark reading the same files with its own reader (schema inferred, as a user would
 * do it) and writing them as Parquet, with none of Megaphone's validation, quarantine or reconciliation.
 * The reader follows the generated files' extension: JSON Lines, CSV (multi-line quoted fields) or XML
 * (RSS items).
 */
final class BareConversion {
  private BareConversion() {}

  /** @param extension the data files' extension, e.g. ".jsonl", ".csv", ".xml" */
  static String run(SparkSession spark, String extension, String dataDir, String out) {
    var reader = spark.read();
    Dataset<Row> df;
    String how;
    switch (extension) {
      case ".csv" -> {
        df = reader.option("header", "true").option("multiLine", "true").option("escape", "\"").csv(dataDir);
        how = "read.csv (header, multiLine)";
      }
      case ".xml", ".rss", ".atom" -> {
        df = reader.format("xml").option("rowTag", extension.equals(".atom") ? "entry" : "item").load(dataDir);
        how = "read.format(xml)";
      }
      default -> {
        df = reader.json(dataDir);
        how = "read.json";
      }
    }
    df.write().mode(SaveMode.Overwrite).parquet(out);
    return how + " (schema inferred) → write.parquet, no validation";
  }
}
