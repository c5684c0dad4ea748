package io.megaphone.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One session per invocation. Embedded {@code local[*]} unless a master was given (spark-submit sets
 * {@code spark.master}); timestamps are UTC everywhere so months and hours mean the same on every cluster.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate(String appName, long shufflePartitions) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.parquet.compression.codec", "zstd");
    if (!conf.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
      // Cached tables are short-lived and spill to disk when memory runs short: compressing them cost a third of
      // ingest's parse-and-cache pass (bench, 1M twitter-v2 posts: 15.6 s → 10.2 s without).
      b.config("spark.sql.inMemoryColumnarStorage.compressed", "false");
    }
    if (!conf.contains("spark.master")) {
      b.master("local[*]").config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    if (shufflePartitions > 0) {
      b.config("spark.sql.shuffle.partitions", Long.toString(shufflePartitions));
    } else if (!conf.contains("spark.master") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 default makes hundreds of tiny tasks and files on one machine
      b.config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
    }
    SparkSession session = b.getOrCreate();
    TaskProgress.attach(session.sparkContext());
    return session;
  }
}
