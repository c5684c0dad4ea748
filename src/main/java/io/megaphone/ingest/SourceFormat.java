package io.megaphone.ingest;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One input format. {@link #read} turns source files into records of {@link CanonicalSchema#RECORD}:
 * one row per record read, either a post or a quarantined record. It must not throw on bad data.
 */
public interface SourceFormat extends Serializable {
  String name();

  /** One line for --help and the README. */
  String description();

  JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options);
}
