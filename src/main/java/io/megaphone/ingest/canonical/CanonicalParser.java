package io.megaphone.ingest.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.Timestamps;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/** One canonical post per JSON object; an array of objects is also accepted. */
final class CanonicalParser implements JsonRecordParser {
  private static final String FORMAT = "canonical";

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) out.accept(post(value.get(i), pos.element("$[" + i + "]", i), options));
    } else {
      out.accept(post(value, pos, options));
    }
  }

  static Row post(JsonNode n, RecordPosition pos, IngestOptions options) {
    PostRecord p = new PostRecord(FORMAT, pos, n);
    if (!n.isObject()) return p.quarantine(QuarantineReason.UNPARSEABLE, "not a JSON object");
    p.platform = Json.text(n, "platform");
    p.postId = Json.text(n, "post_id");
    p.accountId = Json.text(n, "account_id");
    p.accountHandle = Json.text(n, "account_handle");
    p.brandHint = Json.text(n, "brand");
    JsonNode created = n.get("created_at");
    if (created != null && created.isNumber()) {
      p.createdAt = Timestamps.epochNumber(created.asDouble());
    } else {
      p.createdAtRaw = Json.text(n, "created_at");
    }
    p.text = Json.text(n, "text");
    p.lang = Json.text(n, "lang");
    p.inReplyToPostId = Json.text(n, "in_reply_to_post_id");
    p.inReplyToAccountId = Json.text(n, "in_reply_to_account_id");
    p.conversationId = Json.text(n, "conversation_id");
    JsonNode repost = n.get("is_repost");
    p.isRepost = repost != null && (repost.asBoolean(false) || "1".equals(repost.asText()));
    p.repostOfPostId = Json.text(n, "repost_of_post_id");
    p.quoteOfPostId = Json.text(n, "quote_of_post_id");
    if (p.repostOfPostId != null) p.isRepost = true;
    p.urls = Json.strings(n, "urls", null);
    p.hashtags = Json.strings(n, "hashtags", null);
    p.mentions = Json.strings(n, "mentions", null);
    p.likes = Json.count(n, "likes");
    p.shares = Json.count(n, "shares");
    p.replies = Json.count(n, "replies");
    p.views = Json.count(n, "views");
    return p.toRow(options);
  }
}
