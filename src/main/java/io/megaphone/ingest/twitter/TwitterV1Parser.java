package io.megaphone.ingest.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Twitter API v1.1 statuses. A top-level value is a status, an array of statuses (user_timeline), or a
 * search page {@code {"statuses":[…], "search_metadata":{…}}}; streaming-API notices ({@code delete},
 * {@code limit}, …) are quarantined as what they are. Ids come from the {@code *_str} fields: the numeric ones
 * exceed 2^53 and are often already rounded by whatever wrote the file (JavaScript, pandas).
 *
 * <p>A retweet keeps its own text ("RT @x: …") and points at {@code retweeted_status.id_str}; the embedded
 * original (like an embedded {@code quoted_status}) is not a record of the collection and is not emitted.
 */
final class TwitterV1Parser implements JsonRecordParser {
  private static final String FORMAT = "twitter-v1";
  /** Largest integer a double (JavaScript, pandas) holds exactly: numeric ids above it may have been rounded. */
  private static final long EXACT_DOUBLE = 1L << 53;
  /** Top-level keys of the streaming API's non-status messages. */
  private static final Set<String> STREAM_NOTICES = Set.of("delete", "scrub_geo", "limit", "status_withheld",
      "user_withheld", "disconnect", "warning", "friends", "friends_str", "event", "for_user", "control",
      "direct_message");

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    if (value.isObject() && value.has("statuses") && !isStatus(value)) {
      JsonNode statuses = value.get("statuses");
      if (statuses.isArray()) {
        for (int i = 0; i < statuses.size(); i++) {
          out.accept(status(statuses.get(i), pos.element("$.statuses[" + i + "]", i), options));
        }
      } else if (!statuses.isNull()) {
        out.accept(notATweet(pos, raw, value, "search page whose \"statuses\" is not an array"));
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        out.accept(status(value.get(i), pos.element("$[" + i + "]", i), options));
      }
    } else if (value.isObject() && isStatus(value)) {
      out.accept(status(value, pos, options));
    } else if (value.isObject() && notice(value) != null) {
      out.accept(notATweet(pos, raw, value, "stream notice '" + notice(value) + "', not a tweet"));
    } else {
      out.accept(notATweet(pos, raw, value, "not a status, an array of statuses or a search page"));
    }
  }

  private static Row notATweet(RecordPosition pos, String raw, JsonNode value, String detail) {
    return PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE, detail,
        raw != null ? raw : value.toString(), "twitter", null);
  }

  private static boolean isStatus(JsonNode v) {
    return v.has("id_str") || v.has("id") || v.has("text") || v.has("full_text") || v.has("user");
  }

  /** The notice type when the object is a streaming-API message other than a status, else null. */
  private static String notice(JsonNode v) {
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (STREAM_NOTICES.contains(k)) return k;
    }
    return null;
  }

  static Row status(JsonNode t, RecordPosition pos, IngestOptions options) {
    PostRecord p = new PostRecord(FORMAT, pos, t);
    p.platform = "twitter";
    if (!t.isObject()) return p.quarantine(QuarantineReason.UNPARSEABLE, "status is not a JSON object");
    p.postId = id(t, "id");
    if (p.postId == null) {
      String numeric = Json.text(t, "id");
      if (numeric != null) {
        return p.quarantine(QuarantineReason.MISSING_ID, "no id_str, and the numeric id " + numeric
            + " is above 2^53 or not an integer: it may have lost precision");
      }
    }
    JsonNode user = t.get("user");
    p.accountId = id(user, "id");
    p.accountHandle = Json.text(user, "screen_name");
    p.createdAtRaw = Json.text(t, "created_at");

    // Text: full_text (extended mode), extended_tweet.full_text (compatibility mode, truncated), text.
    JsonNode extended = t.get("extended_tweet");
    JsonNode entities = t.get("entities");
    String text = Json.text(t, "full_text");
    if (text == null && extended != null && extended.isObject()) {
      text = Json.text(extended, "full_text");
      // the top-level entities only cover the first 140 characters of a truncated status
      if (text != null && extended.has("entities")) entities = extended.get("entities");
    }
    if (text == null) text = Json.text(t, "text");
    p.text = text == null ? "" : text; // HTML entities are decoded once, for every format, by PostRecord
    p.lang = Json.text(t, "lang");
    if ("und".equals(p.lang)) p.lang = null;

    p.inReplyToPostId = id(t, "in_reply_to_status_id");
    p.inReplyToAccountId = id(t, "in_reply_to_user_id");
    JsonNode rt = t.get("retweeted_status");
    if (rt != null && rt.isObject()) {
      p.isRepost = true;
      p.repostOfPostId = id(rt, "id");
    }
    p.quoteOfPostId = id(t, "quoted_status_id");
    if (p.quoteOfPostId == null) {
      JsonNode q = t.get("quoted_status");
      if (q != null && q.isObject()) p.quoteOfPostId = id(q, "id");
    }

    if (entities != null && entities.isObject()) {
      p.urls = Json.strings(entities, "urls", "expanded_url");
      if (p.urls == null || p.urls.isEmpty()) p.urls = Json.strings(entities, "urls", "url");
      p.hashtags = Json.strings(entities, "hashtags", "text");
      p.mentions = Json.strings(entities, "user_mentions", "screen_name");
    }
    p.likes = Json.count(t, "favorite_count");
    p.shares = Json.count(t, "retweet_count");
    p.replies = Json.count(t, "reply_count");
    return p.toRow(options);
  }

  /**
   * The id in {@code field + "_str"}; without it, the numeric {@code field} only when it is an integer a double
   * holds exactly (at most 2^53): larger numeric ids may already have been rounded by whoever wrote the file.
   */
  static String id(JsonNode node, String field) {
    if (node == null || !node.isObject()) return null;
    String s = Json.text(node, field + "_str");
    if (s != null && !s.isBlank()) return s.trim();
    JsonNode n = node.get(field);
    if (n != null && n.isIntegralNumber() && n.canConvertToLong() && Math.abs(n.asLong()) <= EXACT_DOUBLE) {
      return n.asText();
    }
    return null;
  }
}
