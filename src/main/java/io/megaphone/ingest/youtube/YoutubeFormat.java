package io.megaphone.ingest.youtube;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * YouTube Data API v3 list responses (videos, search, commentThreads, comments): JSON Lines of responses, single
 * response documents, or arrays. A video's text is its title, a blank line and its description.
 */
public final class YoutubeFormat implements SourceFormat {
  @Override
  public String name() {
    return "youtube";
  }

  @Override
  public String description() {
    return "YouTube Data API v3 responses of videos.list, search.list, commentThreads.list and comments.list"
        + " (JSON Lines of responses, single documents or arrays); a video's text is title + blank line + description,"
        + " comments reply to their video or to their parent comment";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new YoutubeParser(), options);
  }
}
