package io.megaphone.ingest.facebook;

import io.megaphone.ingest.IngestOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** CSV exports of Facebook page posts (placeholder until the shared CSV reader lands). */
final class FacebookCsv {
  private FacebookCsv() {}

  static JavaRDD<Row> read(SparkSession spark, List<String> files, Map<String, String> pages, IngestOptions options) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD();
  }
}
