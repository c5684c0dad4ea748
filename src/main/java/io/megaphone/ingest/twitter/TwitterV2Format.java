package io.megaphone.ingest.twitter;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Twitter API v2 tweets: response pages, JSON Lines of tweets or pages (twarc2), or an object keyed by author id. */
public final class TwitterV2Format implements SourceFormat {
  @Override
  public String name() {
    return "twitter-v2";
  }

  @Override
  public String description() {
    return "Twitter API v2 tweet objects: response pages {data, includes}, JSON Lines of tweets or pages"
        + " (twarc2), or an object keyed by author id whose values are lists of tweets";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new TwitterV2Parser(), options);
  }
}
