package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one pass over the archive of the quality family: for each post of a brand (originals and replies, not
 * reposts) one function call yields its flag mask (the text rules and the spam bit), its spam probability and,
 * for a reply, its skeleton. The result keeps only what the tables need: {@code brand, platform, account_id,
 * post_id, created_at, day, hour, flags, spam_probability, is_reply, skeleton} and the {@code text} of flagged
 * posts and replies only (the examples are drawn from them; a reply may be flagged templated later), so that caching it costs a fraction of the archive.
 */
final class PostScores {
  private PostScores() {}

  static final StructType SCORE = new StructType().add("flags", DataTypes.IntegerType, false)
      .add("spam", DataTypes.DoubleType, false).add("skeleton", DataTypes.StringType, true);

  static Dataset<Row> of(Dataset<Row> archive, PostFlagger flagger, SpamScorer spam) {
    int spamBit = QualityFlag.SPAM.bit();
    UserDefinedFunction score = udf((UDF6<String, Seq<String>, Seq<String>, String, Timestamp, Boolean, Row>)
        (text, urls, hashtags, lang, at, reply) -> {
          int flags = flagger.flags(text, list(urls), list(hashtags), null, lang, at == null ? null : at.toInstant());
          double p = spam.probability(text);
          if (p > 0.5) flags |= spamBit;
          return RowFactory.create(flags, p, reply ? ReplyTemplate.skeleton(text) : null);
        }, SCORE);
    return archive.filter(col("brand").isNotNull().and(not(col("is_repost"))))
        .select(col("brand"), col("platform"), col("account_id"), col("post_id"), col("created_at"), col("text"),
            col("in_reply_to_post_id").isNotNull().as("is_reply"),
            score.apply(col("text"), col("urls"), col("hashtags"), col("lang"), col("created_at"),
                col("in_reply_to_post_id").isNotNull()).as("q"))
        .select(col("brand"), col("platform"), col("account_id"), col("post_id"), col("created_at"),
            to_date(col("created_at")).as("day"), hour(col("created_at")).as("hour"),
            col("q.flags").as("flags"), col("q.spam").as("spam_probability"), col("is_reply"),
            col("q.skeleton").as("skeleton"), when(col("q.flags").notEqual(0).or(col("is_reply")), col("text")).as("text"));
  }

  /** A read-only view of an entity list (no copy); a null list is empty, as the flag rules expect. */
  private static List<String> list(Seq<String> seq) {
    return seq == null ? List.of() : CollectionConverters.asJava(seq);
  }
}
