package io.megaphone.ingest.facebook;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.ingest.json.JsonSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Facebook: Graph API Page feed JSON (posts with their comment threads), or CSV exports of page posts
 * ({@code created_time, message, link, post_id, react_*, shares}, as the facebook-news data set). Files are
 * routed by extension: {@code .csv} (also compressed, {@code .csv.gz} …) is CSV, anything else JSON. Settings:
 * {@code pages} (a CSV page_id,page_name: handles and brands of the pages listed, see {@link PageNames}) and, for
 * CSV files, {@code separator}, {@code quote}, {@code encoding}.
 */
public final class FacebookFormat implements SourceFormat {
  @Override
  public String name() {
    return "facebook";
  }

  @Override
  public String description() {
    return "Facebook Graph API page feed JSON (response pages {data, paging}, JSON Lines of pages or posts,"
        + " arrays of posts; comments and replies become posts answering their post or comment), or .csv exports"
        + " of page posts (created_time, message, link, page_id, post_id, react_*, shares)";
  }

  @Override
  public Set<String> settingKeys() {
    Set<String> keys = new java.util.TreeSet<>(CsvDialect.SETTING_KEYS);
    keys.add(PageNames.SETTING);
    return keys;
  }

  @Override
  public Set<String> pathSettingKeys() {
    return Set.of(PageNames.SETTING);
  }

  @Override
  public void checkSettings(String input, Map<String, Object> settings) {
    SourceFormat.super.checkSettings(input, settings);
    CsvDialect.of(settings, input, CsvDialect.RFC4180);
    Object pages = settings.get(PageNames.SETTING);
    if (pages != null) PageNames.load(String.valueOf(pages), input);
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    Map<String, String> pages = new HashMap<>(PageNames.load(options.setting(PageNames.SETTING), "facebook"));
    List<String> csv = new ArrayList<>();
    List<String> json = new ArrayList<>();
    for (String f : files) (isCsv(f) ? csv : json).add(f);
    JavaRDD<Row> out = JsonSources.read(spark, json, name(), new FacebookGraphParser(pages), options);
    if (!csv.isEmpty()) out = out.union(FacebookCsv.read(spark, csv, pages, options));
    return out;
  }

  /** {@code x.csv}, {@code x.csv.gz}, {@code x.csv.bz2}, {@code x.csv.zst} … */
  static boolean isCsv(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    String name = f.substring(f.lastIndexOf('/') + 1);
    for (String ext : List.of(".gz", ".bz2", ".zst", ".zstd", ".deflate", ".lz4", ".snappy")) {
      if (name.endsWith(ext)) name = name.substring(0, name.length() - ext.length());
    }
    return name.endsWith(".csv");
  }
}
