package io.megaphone.ingest.twcs;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Kaggle "Customer Support on Twitter" CSV as it circulates. Rows can be broken by raw newlines, so
 * each file is read by one task that reassembles records (see {@link TwcsReader}).
 */
public final class TwcsFormat implements SourceFormat {
  @Override
  public String name() {
    return "twcs";
  }

  @Override
  public String description() {
    return "Kaggle Customer Support on Twitter CSV (tweet_id, author_id, inbound, created_at, text, ...);"
        + " brands are the inbound=False authors";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return sc.parallelize(files, Math.max(1, files.size()))
        .flatMap(f -> new TwcsReader(f, options, new Configuration()));
  }
}
