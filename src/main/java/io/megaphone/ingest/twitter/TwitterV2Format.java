package io.megaphone.ingest.twitter;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.ingest.csv.CsvSources;
import io.megaphone.ingest.json.JsonSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Twitter API v2 tweets: response pages, JSON Lines of tweets or pages (twarc2), an object keyed by author id,
 * or the CSV twarc-csv flattens them into (files named *.csv, also compressed: *.csv.gz, *.csv.bz2, *.csv.zst).
 */
public final class TwitterV2Format implements SourceFormat {
  @Override
  public String name() {
    return "twitter-v2";
  }

  @Override
  public String description() {
    return "Twitter API v2 tweet objects: response pages {data, includes}, JSON Lines of tweets or pages"
        + " (twarc2), an object keyed by author id whose values are lists of tweets, or twarc-csv CSV (*.csv)";
  }

  /** Dialect of the CSV files (separator, quote, encoding); JSON files ignore them. */
  @Override
  public Set<String> settingKeys() {
    return CsvDialect.SETTING_KEYS;
  }

  @Override
  public void checkSettings(String input, Map<String, Object> settings) {
    SourceFormat.super.checkSettings(input, settings);
    CsvDialect.of(settings, input, CsvDialect.RFC4180);
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    List<String> csv = new ArrayList<>();
    List<String> json = new ArrayList<>();
    for (String f : files) (isCsv(f) ? csv : json).add(f);
    JavaRDD<Row> out = JsonSources.read(spark, json, name(), new TwitterV2Parser(), options);
    if (csv.isEmpty()) return out;
    JavaRDD<Row> rows = CsvSources.read(spark, csv, name(), CsvDialect.of(options, CsvDialect.RFC4180),
        new TwarcCsvMapper(), options);
    return json.isEmpty() ? rows : out.union(rows);
  }

  /** A file named *.csv, possibly compressed (*.csv.gz, *.csv.bz2, *.csv.zst, …). */
  static boolean isCsv(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String z : new String[] {".gz", ".bz2", ".zst", ".zstd", ".deflate", ".lz4", ".snappy"}) {
      if (name.endsWith(z)) {
        name = name.substring(0, name.length() - z.length());
        break;
      }
    }
    return name.endsWith(".csv");
  }
}
