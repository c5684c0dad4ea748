package io.megaphone.ingest.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Classifies a top-level value (page, tweet, array of tweets, object keyed by author id) and maps each
 * tweet to a canonical post. Replies, retweets and quotes come from {@code referenced_tweets}.
 */
final class TwitterV2Parser implements JsonRecordParser {
  private static final String FORMAT = "twitter-v2";

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    if (value.isObject() && value.has("data")) {
      Map<String, String> handles = handles(value.path("includes").path("users"));
      JsonNode data = value.get("data");
      if (data.isArray()) {
        for (int i = 0; i < data.size(); i++) {
          out.accept(tweet(data.get(i), pos.element("$.data[" + i + "]", i), handles, null, options));
        }
      } else if (data.isObject()) {
        out.accept(tweet(data, pos.element("$.data", 0), handles, null, options));
      } else if (!data.isNull()) {
        // a string, number or boolean where the tweets should be: the page is broken, not empty
        out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
            "page whose data is a " + data.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not a list of tweets", raw != null ? raw : value.toString(), "twitter", null));
      }
      // a page with "data": null (no results) holds no record
    } else if (value.isObject() && isTweetLike(value)) {
      out.accept(tweet(value, pos, Map.of(), null, options));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        out.accept(tweet(value.get(i), pos.element("$[" + i + "]", i), Map.of(), null, options));
      }
    } else if (value.isObject() && isKeyedByAuthor(value)) {
      long index = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode list = e.getValue();
        for (int i = 0; i < list.size(); i++, index++) {
          out.accept(tweet(list.get(i), pos.element("$['" + e.getKey() + "'][" + i + "]", index), Map.of(),
              e.getKey(), options));
        }
      }
    } else {
      out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          "not a tweet, a response page or an object keyed by author id", raw != null ? raw : value.toString(),
          "twitter", null));
    }
  }

  private static boolean isTweetLike(JsonNode v) {
    return v.has("id") || v.has("text") || v.has("created_at") || v.has("author_id");
  }

  private static boolean isKeyedByAuthor(JsonNode v) {
    if (v.isEmpty()) return false;
    for (JsonNode child : v) if (!child.isArray()) return false;
    return true;
  }

  private static Map<String, String> handles(JsonNode users) {
    Map<String, String> m = new HashMap<>();
    if (users.isArray()) {
      for (JsonNode u : users) {
        String id = Json.text(u, "id");
        String name = Json.text(u, "username");
        if (id != null && name != null) m.put(id, name);
      }
    }
    return m;
  }

  static Row tweet(JsonNode t, RecordPosition pos, Map<String, String> handles, String keyAuthor,
      IngestOptions options) {
    PostRecord p = new PostRecord(FORMAT, pos, t);
    p.platform = "twitter";
    if (!t.isObject()) return p.quarantine(QuarantineReason.UNPARSEABLE, "tweet is not a JSON object");
    p.postId = Json.text(t, "id");
    p.accountId = Json.text(t, "author_id");
    if (p.accountId == null) p.accountId = keyAuthor;
    p.accountHandle = p.accountId == null ? null : handles.get(p.accountId);
    if (p.accountHandle == null) p.accountHandle = Json.path(t, "author", "username");
    p.createdAtRaw = Json.text(t, "created_at");
    String text = Json.path(t, "note_tweet", "text");
    if (text == null) text = Json.text(t, "text");
    p.text = text == null ? "" : text; // HTML entities (&amp; &lt; &gt;) are decoded by PostRecord.toRow
    p.lang = Json.text(t, "lang");
    p.conversationId = Json.text(t, "conversation_id");
    p.inReplyToAccountId = Json.text(t, "in_reply_to_user_id");
    JsonNode refs = t.get("referenced_tweets");
    if (refs != null && refs.isArray()) {
      for (JsonNode r : refs) {
        String type = Json.text(r, "type");
        String id = Json.text(r, "id");
        if (type == null || id == null) continue;
        switch (type) {
          case "replied_to" -> p.inReplyToPostId = id;
          case "retweeted" -> {
            p.isRepost = true;
            p.repostOfPostId = id;
          }
          case "quoted" -> p.quoteOfPostId = id;
          default -> { }
        }
      }
    }
    JsonNode entities = t.get("entities");
    if (entities != null && entities.isObject()) {
      p.urls = Json.strings(entities, "urls", "expanded_url");
      if (p.urls == null || p.urls.isEmpty()) p.urls = Json.strings(entities, "urls", "url");
      p.hashtags = Json.strings(entities, "hashtags", "tag");
      p.mentions = Json.strings(entities, "mentions", "username");
    }
    JsonNode m = t.get("public_metrics");
    if (m != null && m.isObject()) {
      p.likes = Json.count(m, "like_count");
      p.shares = Json.count(m, "retweet_count");
      p.replies = Json.count(m, "reply_count");
      p.views = Json.count(m, "impression_count");
    }
    return p.toRow(options);
  }
}
