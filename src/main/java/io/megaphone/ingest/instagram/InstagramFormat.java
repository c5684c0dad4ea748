package io.megaphone.ingest.instagram;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Instagram Graph API IG Media and IG Comment JSON: media with their comments and replies. */
public final class InstagramFormat implements SourceFormat {
  @Override
  public String name() {
    return "instagram";
  }

  @Override
  public String description() {
    return "Instagram Graph API IG Media JSON (response pages {data, paging}, IG User media edges incl."
        + " business_discovery, JSON Lines, single media or comments); comments and replies become posts"
        + " answering their media or comment";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new InstagramGraphParser(), options);
  }
}
