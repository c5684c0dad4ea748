package io.megaphone.ingest.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.csv.CsvRecordReader;
import io.megaphone.ingest.csv.CsvSources;
import io.megaphone.ingest.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Twitter API v2 tweets flattened by twarc-csv ({@code twarc2 csv}): one row per tweet, dotted column names
 * ({@code referenced_tweets.replied_to.id}, {@code public_metrics.like_count}, {@code author.username}, …),
 * lists as JSON ({@code ["#tag"]}, {@code ["@user"]}, {@code ["https://…"]}), newlines in text written as the two
 * characters {@code \n}. Columns are found by name, so any column selection or order works; only {@code id} is
 * required. Older twarc-csv layouts are read too: a JSON {@code referenced_tweets} column
 * ({@code [{"type": "quoted", "id": "…"}]}), entity lists of objects, JSON-encoded text.
 */
final class TwarcCsvMapper implements CsvSources.RecordMapper {
  static final String FORMAT = "twitter-v2";

  @Override
  public CsvSources.Bound bind(List<String> header, IngestOptions options) throws CsvSources.BadHeader {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) col.putIfAbsent(header.get(i), i);
    if (!col.containsKey("id")) {
      throw new CsvSources.BadHeader("not a twarc-csv tweet file: no 'id' column (header: "
          + abbreviate(String.join(",", header)) + ")");
    }
    Integer created = col.get("created_at");
    return (item, out) -> {
      // --json-encode-text / --json-encode-all write every string as a JSON string: "\"2021-…\""
      boolean encoded = created != null && created < item.fields().size()
          && item.fields().get(created).trim().startsWith("\"");
      out.accept(tweet(new Fields(col, item.fields(), encoded), item, options));
    };
  }

  /**
   * The fields of one record by column name; absent columns and empty cells read as null. In a JSON-encoded
   * record, string cells are decoded; otherwise twarc-csv's newline escape ({@code \n}) is undone.
   */
  private record Fields(Map<String, Integer> col, List<String> values, boolean encoded) {
    String get(String name) {
      Integer i = col.get(name);
      if (i == null || i >= values.size()) return null;
      String v = values.get(i).trim();
      if (v.isEmpty()) return null;
      if (encoded && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        JsonNode decoded = json(v);
        if (decoded != null && decoded.isTextual()) return decoded.asText();
      }
      return v;
    }

    String text(String name) {
      String v = get(name);
      if (v == null) return "";
      if (!encoded) v = v.replace("\\n", "\n");
      return v; // HTML entities are decoded once, for every format, by PostRecord
    }
  }

  private static Row tweet(Fields f, CsvRecordReader.Item item, IngestOptions options) {
    PostRecord p = new PostRecord(FORMAT, item.position(), item.raw());
    p.platform = "twitter";
    p.postId = id(f.get("id"));
    p.accountId = id(first(f.get("author_id"), f.get("author.id")));
    p.accountHandle = f.get("author.username");
    p.createdAtRaw = f.get("created_at");
    p.text = f.text("text");
    p.lang = f.get("lang");
    p.conversationId = id(f.get("conversation_id"));
    p.inReplyToAccountId = id(f.get("in_reply_to_user_id"));
    p.inReplyToPostId = id(f.get("referenced_tweets.replied_to.id"));
    p.repostOfPostId = id(f.get("referenced_tweets.retweeted.id"));
    p.quoteOfPostId = id(f.get("referenced_tweets.quoted.id"));
    String refs = f.get("referenced_tweets"); // twarc-csv before 0.5: [{"type": "replied_to", "id": "…"}, …]
    if (refs != null && refs.startsWith("[")) {
      JsonNode list = json(refs);
      if (list != null && list.isArray()) {
        for (JsonNode r : list) {
          String type = Json.text(r, "type");
          String id = id(Json.text(r, "id"));
          if (type == null || id == null) continue;
          switch (type) {
            case "replied_to" -> p.inReplyToPostId = first(p.inReplyToPostId, id);
            case "retweeted" -> p.repostOfPostId = first(p.repostOfPostId, id);
            case "quoted" -> p.quoteOfPostId = first(p.quoteOfPostId, id);
            default -> { }
          }
        }
      }
    }
    p.isRepost = p.repostOfPostId != null;
    p.urls = list(f.get("entities.urls"), "expanded_url", "url");
    p.hashtags = list(f.get("entities.hashtags"), "tag", null);
    p.mentions = list(f.get("entities.mentions"), "username", null);
    p.likes = count(f.get("public_metrics.like_count"));
    p.shares = count(f.get("public_metrics.retweet_count"));
    p.replies = count(f.get("public_metrics.reply_count"));
    p.views = count(f.get("public_metrics.impression_count"));
    if ("id".equals(p.postId) && "created_at".equals(p.createdAtRaw)) {
      return p.quarantine(QuarantineReason.UNPARSEABLE, "the header line again (CSV files concatenated?)");
    }
    if (p.postId != null && !p.postId.chars().allMatch(Character::isDigit)) {
      return p.quarantine(QuarantineReason.UNPARSEABLE, "id '" + p.postId + "' is not a tweet id");
    }
    return p.toRow(options);
  }

  /**
   * A JSON list cell: strings ({@code ["#tag"]}, {@code ["@user"]}, {@code ["https://…"]}) or objects whose
   * {@code field} (else {@code fallback}) is taken; null when the cell is empty or not a JSON list (the text
   * is then searched instead).
   */
  static List<String> list(String cell, String field, String fallback) {
    if (cell == null || !cell.startsWith("[")) return null;
    JsonNode arr = json(cell);
    if (arr == null || !arr.isArray()) return null;
    List<String> out = new ArrayList<>();
    for (JsonNode e : arr) {
      String s = e.isValueNode() ? e.asText() : Json.text(e, field);
      if (s == null && fallback != null && e.isObject()) s = Json.text(e, fallback);
      if (s != null && !s.isEmpty() && !out.contains(s)) out.add(s);
    }
    return out;
  }

  /** An id as written; "783214.0" (a pandas float column with gaps) is read as 783214. */
  static String id(String v) {
    if (v == null) return null;
    String s = v.trim();
    if (s.isEmpty()) return null;
    if (s.endsWith(".0") && s.length() > 2 && s.substring(0, s.length() - 2).chars().allMatch(Character::isDigit)) {
      return s.substring(0, s.length() - 2);
    }
    return s;
  }

  /** A counter: "15606", or "15606.0" as pandas writes an integer column with gaps; null otherwise. */
  static Long count(String v) {
    if (v == null) return null;
    try {
      BigDecimal d = new BigDecimal(v.trim());
      return d.signum() < 0 || d.stripTrailingZeros().scale() > 0 ? null : d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
