package io.megaphone.ingest.feed;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.job.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * RSS and Atom feeds (blogs, news sites) read with ROME: each item or entry is a post and the feed is the
 * account. A feed file is one XML document, read in one task. Setting {@code platform}: the platform its
 * posts belong to ({@value #DEFAULT_PLATFORM} unless set, e.g. {@code news}).
 */
public final class FeedFormat implements SourceFormat {
  /** Input setting: the canonical platform of the feed's posts. */
  public static final String PLATFORM = "platform";
  public static final String DEFAULT_PLATFORM = "blog";

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public String description() {
    return "RSS 0.9x/1.0/2.0 and Atom feeds (blogs, news) read with ROME: one post per item or entry, the feed"
        + " is the account; setting 'platform' (default blog, e.g. news)";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of(PLATFORM);
  }

  @Override
  public void checkSettings(String input, Map<String, Object> settings) {
    SourceFormat.super.checkSettings(input, settings);
    Object p = settings.get(PLATFORM);
    if (p != null && !CanonicalSchema.PLATFORMS.contains(String.valueOf(p).trim().toLowerCase(Locale.ROOT))) {
      throw new UsageException("input " + input + ": platform '" + p + "' is not a platform (one of "
          + String.join(", ", new TreeSet<>(CanonicalSchema.PLATFORMS)) + ")");
    }
  }

  static String platform(IngestOptions options) {
    String p = options.setting(PLATFORM);
    return p == null ? DEFAULT_PLATFORM : p.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (files.isEmpty()) return sc.emptyRDD();
    String format = name();
    return sc.parallelize(files, files.size()).flatMap(f -> FeedReader.read(f, format, options));
  }
}
