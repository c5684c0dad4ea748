package io.megaphone.ingest.reddit;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reddit submissions and comments as Pushshift and Arctic Shift dump them: NDJSON, plain or Zstandard (.zst). */
public final class RedditFormat implements SourceFormat {
  @Override
  public String name() {
    return "reddit";
  }

  @Override
  public String description() {
    return "Reddit submissions and comments from Pushshift / Arctic Shift dumps (NDJSON, .zst with long windows too);"
        + " a submission's text is title + blank line + selftext, comments reply to parent_id (t1_/t3_ prefix removed)";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new RedditParser(), options);
  }
}
