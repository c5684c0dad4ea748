package io.megaphone.ingest.twitter;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Twitter API v1.1 statuses: JSON Lines (twarc, streaming API), JSON arrays (timelines), search pages. */
public final class TwitterV1Format implements SourceFormat {
  @Override
  public String name() {
    return "twitter-v1";
  }

  @Override
  public String description() {
    return "Twitter API v1.1 statuses: JSON Lines (twarc 1, streaming API; delete/limit notices quarantined),"
        + " JSON arrays (timelines) or search pages {statuses, search_metadata}; ids from the *_str fields";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new TwitterV1Parser(), options);
  }
}
