package io.megaphone.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The canonical post (SPEC §2) and the wider record every source parser emits before validation. */
public final class CanonicalSchema {
  private CanonicalSchema() {}

  public static final Set<String> PLATFORMS = Set.of("twitter", "facebook", "youtube", "instagram", "reddit",
      "mastodon", "linkedin", "blog", "forum", "tiktok", "threads", "bluesky", "news");

  /** Archive columns, in order. {@code quote_of_post_id} extends the SPEC's list. */
  public static final StructType POST = new StructType(new StructField[] {
      field("platform", StringType), field("post_id", StringType), field("account_id", StringType),
      field("account_handle", StringType), field("brand", StringType), field("created_at", TimestampType),
      field("text", StringType), field("lang", StringType), field("in_reply_to_post_id", StringType),
      field("in_reply_to_account_id", StringType), field("conversation_id", StringType),
      field("is_repost", BooleanType), field("repost_of_post_id", StringType), field("quote_of_post_id", StringType),
      field("urls", createArrayType(StringType)), field("hashtags", createArrayType(StringType)),
      field("mentions", createArrayType(StringType)), field("likes", LongType), field("shares", LongType),
      field("replies", LongType), field("views", LongType), field("source_file", StringType),
      field("source_record", StringType)});

  /** Extra columns of a parsed record: where it sits, whether it failed and why, and the raw text. */
  public static final List<StructField> RECORD_EXTRAS = List.of(
      field("_format", StringType), field("_ord", LongType), field("_brand_hint", StringType),
      field("_reason", StringType), field("_detail", StringType), field("_raw", StringType));

  public static final StructType RECORD = new StructType(concat(POST.fields(), RECORD_EXTRAS));

  /** The quarantine table: a rejected record with its position, reason and raw text (truncated). */
  public static final StructType QUARANTINE = new StructType(new StructField[] {
      field("source_file", StringType), field("source_record", StringType), field("format", StringType),
      field("platform", StringType), field("post_id", StringType), field("reason", StringType),
      field("detail", StringType), field("raw", StringType)});

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructField[] concat(StructField[] a, List<StructField> b) {
    StructField[] out = Arrays.copyOf(a, a.length + b.size());
    for (int i = 0; i < b.size(); i++) out[a.length + i] = b.get(i);
    return out;
  }
}
