package io.megaphone.ingest;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A post under construction by a parser. {@link #toRow} validates it: a record with no id, no or an
 * impossible timestamp, an unknown platform or a text beyond {@link #MAX_TEXT_CHARS} comes out as a
 * quarantined row, never as an exception. It also does what every format needs: the text is cleaned
 * ({@link TextRepair}: HTML entities, NULs, lone surrogates, mojibake) and, when the source gives no language
 * (or {@code und}), it is detected ({@link LanguageDetection}, job parameter {@code ingest.detect-language}).
 */
public final class PostRecord {
  private static final int RAW_LIMIT = 4000;
  /**
   * Longest text kept (8 Mi characters): far beyond any post, article or video description (a 1 MB text is
   * kept whole), short of what one Spark row should carry. Longer ones are quarantined as too_large.
   */
  public static final int MAX_TEXT_CHARS = 8 << 20;
  /**
   * Longest physical record (line) a reader materialises, 16 MiB: a longer line is quarantined as too_large
   * without being parsed, so one 50 MB line cannot exhaust a task's memory.
   */
  public static final int MAX_RECORD_BYTES = 16 << 20;

  public String platform;
  public String postId;
  public String accountId;
  public String accountHandle;
  public String brandHint;
  public Instant createdAt;
  public String createdAtRaw;
  public String text;
  public String lang;
  public String inReplyToPostId;
  public String inReplyToAccountId;
  public String conversationId;
  public boolean isRepost;
  public String repostOfPostId;
  public String quoteOfPostId;
  public List<String> urls;
  public List<String> hashtags;
  public List<String> mentions;
  public Long likes;
  public Long shares;
  public Long replies;
  public Long views;

  private final String format;
  private final RecordPosition position;
  /** Raw source of the record (text or a JSON node), turned into text only if it is quarantined. */
  private final Object raw;

  public PostRecord(String format, RecordPosition position, Object raw) {
    this.format = format;
    this.position = position;
    this.raw = raw;
  }

  /** Parses {@link #createdAtRaw} when the parser left the timestamp as text. */
  public void parseCreatedAt(ZoneId zone) {
    if (createdAt != null || blank(createdAtRaw)) return;
    createdAt = Timestamps.parse(createdAtRaw, zone);
  }

  public Row toRow(IngestOptions options) {
    if (blank(platform)) return quarantine(QuarantineReason.UNKNOWN_PLATFORM, "no platform");
    platform = platform.trim().toLowerCase();
    if (!CanonicalSchema.PLATFORMS.contains(platform)) {
      return quarantine(QuarantineReason.UNKNOWN_PLATFORM, "unknown platform '" + platform + "'");
    }
    // an id of control characters only ("\u0000") is not blank to isBlank but trims to nothing
    if (blank(postId) || postId.trim().isEmpty()) return quarantine(QuarantineReason.MISSING_ID, "no post id");
    if (createdAt == null) {
      if (blank(createdAtRaw)) return quarantine(QuarantineReason.MISSING_TIMESTAMP, "no timestamp");
      try {
        parseCreatedAt(options.zone());
      } catch (DateTimeException | ArithmeticException e) {
        return quarantine(QuarantineReason.INVALID_TIMESTAMP, "unparseable timestamp '" + createdAtRaw + "'");
      }
    }
    if (createdAt.isBefore(options.minCreatedAt()) || createdAt.isAfter(options.maxCreatedAt())) {
      return quarantine(QuarantineReason.IMPOSSIBLE_TIMESTAMP, "timestamp " + createdAt + " outside ["
          + options.minCreatedAt() + ", " + options.maxCreatedAt() + "]");
    }
    if (text != null && text.length() > MAX_TEXT_CHARS) {
      return quarantine(QuarantineReason.TOO_LARGE, "text of " + text.length() + " characters exceeds the limit of "
          + MAX_TEXT_CHARS);
    }
    text = TextRepair.clean(text);
    lang = LanguageDetection.given(lang);
    if (lang == null && options.detectLanguage()) lang = LanguageDetection.detect(text);
    if (urls == null) urls = TextEntities.urls(text);
    if (hashtags == null) hashtags = TextEntities.hashtags(text);
    if (mentions == null) mentions = TextEntities.mentions(text);
    mentions = stripPrefix(mentions, '@');
    hashtags = stripPrefix(hashtags, '#');
    urls = urls.stream().filter(u -> !blank(u)).toList();
    return RowFactory.create(platform, postId.trim(), emptyToNull(accountId), emptyToNull(accountHandle), null,
        Timestamp.from(createdAt), text == null ? "" : text, lang, emptyToNull(inReplyToPostId),
        emptyToNull(inReplyToAccountId), emptyToNull(conversationId), isRepost, emptyToNull(repostOfPostId),
        emptyToNull(quoteOfPostId), seq(urls), seq(hashtags), seq(mentions), likes, shares, replies, views, position.file(),
        position.label(), format, position.ordinal(), emptyToNull(brandHint), null, null, null);
  }

  public Row quarantine(QuarantineReason reason, String detail) {
    return quarantined(format, position, reason, detail, raw == null ? null : raw.toString(), platform, postId);
  }

  /** A record that failed before any field could be read. */
  public static Row quarantined(String format, RecordPosition pos, QuarantineReason reason, String detail,
      String raw, String platform, String postId) {
    String r = raw == null ? null : raw.length() > RAW_LIMIT ? raw.substring(0, RAW_LIMIT) + "…" : raw;
    return RowFactory.create(platform, postId, null, null, null, null, null, null, null, null, null, false, null,
        null, null, null, null, null, null, null, null, pos.file(), pos.label(), format, pos.ordinal(), null,
        reason.code(), detail, r);
  }

  /** Without the sigil; null and blank entries (a mention "@" whose handle is empty) are dropped. */
  private static List<String> stripPrefix(List<String> items, char prefix) {
    return items.stream().filter(s -> !blank(s)).map(s -> s.length() > 1 && s.charAt(0) == prefix ? s.substring(1) : s)
        .toList();
  }

  /** Spark's Row encoder takes Scala sequences for array columns. */
  private static scala.collection.immutable.Seq<String> seq(List<String> items) {
    return scala.jdk.javaapi.CollectionConverters.asScala(items).toList();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }
}
