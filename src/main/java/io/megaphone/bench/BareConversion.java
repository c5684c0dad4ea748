package io.megaphone.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String sep = separator(dataDir);
        df = reader.option("header", "true").option("multiLine", "true").option("escape", "\"").option("sep", sep)
            .csv(dataDir);
        how = "read.csv (header, multiLine, sep '" + (sep.equals("\t") ? "\\t" : sep) + "')";
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

  /** The separator a user would pass: the most frequent of , ; and tab on the first data file's header line. */
  static String separator(String dataDir) {
    try (var files = Files.list(Path.of(dataDir))) {
      Path first = files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().findFirst().orElse(null);
      if (first == null) return ",";
      String header;
      try (BufferedReader r = Files.newBufferedReader(first, StandardCharsets.UTF_8)) {
        header = r.readLine();
      }
      if (header == null) return ",";
      String best = ",";
      long most = header.chars().filter(c -> c == ',').count();
      for (String c : new String[] {";", "\t"}) {
        long n = header.chars().filter(x -> x == c.charAt(0)).count();
        if (n > most) {
          most = n;
          best = c;
        }
      }
      return best;
    } catch (IOException | RuntimeException e) {
      return ","; // not a local folder: Spark's default
    }
  }
}
