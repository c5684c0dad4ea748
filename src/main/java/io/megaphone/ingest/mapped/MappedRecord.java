package io.megaphone.ingest.mapped;

import io.megaphone.ingest.CanonicalSchema;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One source record through a {@link Mapping}: ids, handles, text, timestamp, flags, lists and counters
 * converted, then validated by {@link PostRecord#toRow}. An id or timestamp that cannot be converted
 * quarantines the record with a detail naming the column and the value; a counter that cannot is left null.
 */
final class MappedRecord {
  private MappedRecord() {}

  static Row toRow(Mapping m, FieldSource.Values v, String format, RecordPosition pos, Object raw,
      IngestOptions options, ZoneId zone) {
    PostRecord p = new PostRecord(format, pos, raw);
    p.platform = m.platform != null ? m.platform : v.scalar(m.platformColumn);
    Map<String, FieldSource> f = m.fields;
    String current = "post_id";
    try {
      p.postId = MappedValues.id(scalar(f, "post_id", v));
      current = "account_id";
      p.accountId = MappedValues.id(scalar(f, current, v));
      current = "in_reply_to_post_id";
      p.inReplyToPostId = MappedValues.id(scalar(f, current, v));
      current = "in_reply_to_account_id";
      p.inReplyToAccountId = MappedValues.id(scalar(f, current, v));
      current = "conversation_id";
      p.conversationId = MappedValues.id(scalar(f, current, v));
      current = "repost_of_post_id";
      p.repostOfPostId = MappedValues.id(scalar(f, current, v));
      current = "quote_of_post_id";
      p.quoteOfPostId = MappedValues.id(scalar(f, current, v));
      current = "is_repost";
      p.isRepost = MappedValues.bool(scalar(f, current, v)) || p.repostOfPostId != null;
    } catch (MappedValues.BadValue e) {
      return p.quarantine(QuarantineReason.UNPARSEABLE, current + " " + f.get(current).describe(v) + ": "
          + e.getMessage());
    }
    p.accountHandle = MappedValues.handle(scalar(f, "account_handle", v));
    p.brandHint = trimmed(scalar(f, "brand", v));
    p.lang = trimmed(scalar(f, "lang", v));
    p.text = scalar(f, "text", v);
    p.urls = list(f, "urls", v);
    p.hashtags = list(f, "hashtags", v);
    p.mentions = list(f, "mentions", v);
    p.likes = MappedValues.count(scalar(f, "likes", v));
    p.shares = MappedValues.count(scalar(f, "shares", v));
    p.replies = MappedValues.count(scalar(f, "replies", v));
    p.views = MappedValues.count(scalar(f, "views", v));

    String ts = scalar(f, "created_at", v);
    if (ts != null && !ts.isBlank()) {
      try {
        p.createdAt = m.timestamps.parse(ts, zone);
      } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
        if (failsBeforeTimestamp(p)) return p.toRow(options);
        return p.quarantine(QuarantineReason.INVALID_TIMESTAMP, "created_at " + f.get("created_at").describe(v)
            + ": unparseable timestamp '" + ts.trim() + "'"
            + (m.timestamps.pattern() == null ? "" : " (timestamp_format '" + m.timestamps.pattern() + "')"));
      }
    }
    return p.toRow(options);
  }

  /** toRow checks the platform and the id before the timestamp: keep its order of reasons. */
  private static boolean failsBeforeTimestamp(PostRecord p) {
    return p.platform == null || p.platform.isBlank()
        || !CanonicalSchema.PLATFORMS.contains(p.platform.trim().toLowerCase(java.util.Locale.ROOT))
        || p.postId == null || p.postId.isBlank();
  }

  private static String scalar(Map<String, FieldSource> f, String field, FieldSource.Values v) {
    FieldSource s = f.get(field);
    return s == null ? null : s.scalar(v);
  }

  private static List<String> list(Map<String, FieldSource> f, String field, FieldSource.Values v) {
    FieldSource s = f.get(field);
    return s == null ? null : s.list(v);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
