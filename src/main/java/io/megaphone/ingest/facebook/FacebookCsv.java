package io.megaphone.ingest.facebook;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.TextEntities;
import io.megaphone.ingest.csv.CsvDialect;
import io.megaphone.ingest.csv.CsvRecordReader;
import io.megaphone.ingest.csv.CsvSources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * CSV exports of Facebook page posts, one row per post, columns found by name in the header: {@code post_id}
 * (or {@code id}) and {@code created_time} are required; {@code page_id} (or {@code from_id}; else the part of
 * {@code post_id} before '_'), {@code message}, {@code description}, {@code link}, {@code react_*}, {@code likes},
 * {@code shares}, {@code comments} are read when present. As the facebook-news data set writes them:
 * <ul>
 *   <li>text = {@code message}, or {@code description} (the link preview's text) when the message is blank;
 *   <li>urls = those in the text, then {@code link};
 *   <li>likes = the sum of the {@code react_*} columns (all reactions, as the Graph API's
 *       {@code reactions.summary.total_count} counts them), else {@code likes};
 *   <li>shares = {@code shares}; replies = {@code comments} (or {@code num_comments}) when present;
 *   <li>a counter that is not a whole number is left empty (the post is kept).
 * </ul>
 */
final class FacebookCsv {
  private FacebookCsv() {}

  static JavaRDD<Row> read(SparkSession spark, List<String> files, Map<String, String> pages,
      IngestOptions options) {
    CsvDialect dialect = CsvDialect.of(options, CsvDialect.RFC4180);
    return CsvSources.read(spark, files, FacebookGraphParser.FORMAT, dialect, new Mapper(pages), options);
  }

  static final class Mapper implements CsvSources.RecordMapper {
    private final Map<String, String> pages;

    Mapper(Map<String, String> pages) {
      this.pages = pages;
    }

    @Override
    public CsvSources.Bound bind(List<String> header, IngestOptions options) throws CsvSources.BadHeader {
      List<String> h = new ArrayList<>();
      for (String c : header) h.add(c.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
      int id = first(h, "post_id", "id");
      int created = first(h, "created_time");
      if (id < 0 || created < 0) {
        throw new CsvSources.BadHeader("not a Facebook posts CSV: needs columns post_id and created_time (header: "
            + String.join(",", header) + ")");
      }
      int page = first(h, "page_id", "from_id");
      int message = first(h, "message");
      int description = first(h, "description");
      int link = first(h, "link");
      int likes = first(h, "likes", "like_count");
      int shares = first(h, "shares", "share_count");
      int comments = first(h, "comments", "num_comments", "comment_count");
      List<Integer> reactions = new ArrayList<>();
      for (int i = 0; i < h.size(); i++) if (h.get(i).startsWith("react_")) reactions.add(i);
      return (item, out) -> out.accept(post(item, options, id, created, page, message, description, link, likes,
          shares, comments, reactions));
    }

    private Row post(CsvRecordReader.Item item, IngestOptions options, int id, int created, int page, int message,
        int description, int link, int likes, int shares, int comments, List<Integer> reactions) {
      List<String> f = item.fields();
      PostRecord p = new PostRecord(FacebookGraphParser.FORMAT, item.position(), item.raw());
      p.platform = FacebookGraphParser.PLATFORM;
      p.postId = get(f, id);
      if (blank(p.postId)) p.postId = null;
      p.accountId = get(f, page);
      if (blank(p.accountId) && p.postId != null && p.postId.indexOf('_') > 0) {
        p.accountId = p.postId.substring(0, p.postId.indexOf('_'));
      }
      String name = p.accountId == null ? null : pages.get(p.accountId.trim());
      p.accountHandle = name;
      p.brandHint = name;
      GraphTime.set(p, get(f, created), options.zone());
      String text = get(f, message);
      if (blank(text)) text = get(f, description);
      p.text = blank(text) ? "" : text;
      p.conversationId = p.postId;
      LinkedHashSet<String> urls = new LinkedHashSet<>(TextEntities.urls(p.text));
      String l = get(f, link);
      if (!blank(l)) urls.add(l.trim());
      p.urls = new ArrayList<>(urls);
      Long sum = null;
      for (int r : reactions) {
        Long v = count(get(f, r));
        if (v != null) sum = (sum == null ? 0 : sum) + v;
      }
      p.likes = sum != null ? sum : count(get(f, likes));
      p.shares = count(get(f, shares));
      p.replies = count(get(f, comments));
      return p.toRow(options);
    }
  }

  private static int first(List<String> header, String... names) {
    for (String n : names) {
      int i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  }

  private static String get(List<String> fields, int i) {
    return i < 0 || i >= fields.size() ? null : fields.get(i);
  }

  /** A whole number ("680", also "680.0" as pandas writes integer columns with gaps); null otherwise. */
  static Long count(String s) {
    if (s == null) return null;
    String t = s.trim();
    if (t.endsWith(".0")) t = t.substring(0, t.length() - 2);
    if (!t.matches("\\d{1,18}")) return null;
    return Long.parseLong(t);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
