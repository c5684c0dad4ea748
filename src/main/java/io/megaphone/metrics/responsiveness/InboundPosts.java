package io.megaphone.metrics.responsiveness;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * SPEC §3.1, post mode. Inbound post to brand B on platform P: a post on P, not a repost, by an account of
 * no brand, that replies to an account of B or mentions a handle of B as a whole token (case-insensitive).
 * Answered: an account of B replied to it at or after it and at most H later (inclusive).
 */
final class InboundPosts {
  private InboundPosts() {}

  /**
   * One row per (inbound post, brand addressed): {@code platform, post_id, brand, created_at, rt_us}
   * where {@code rt_us} is the first-response time in microseconds, null when unanswered.
   */
  static Dataset<Row> withFirstResponse(Dataset<Row> archive, Dataset<Row> accounts, long horizonSeconds,
      boolean excludeMultiBrand, boolean questionsOnly) {
    Dataset<Row> pub = archive.filter(col("brand").isNull().and(col("is_repost").equalTo(false)));
    if (questionsOnly) pub = pub.filter(col("text").contains("?"));

    Dataset<Row> byId = accounts.filter(col("account_id").isNotNull())
        .select(col("platform").as("a_platform"), col("account_id").as("a_id"), col("brand").as("a_brand")).distinct();
    Dataset<Row> byHandle = accounts.filter(col("handle").isNotNull())
        .select(col("platform").as("h_platform"), lower(col("handle")).as("h_handle"), col("brand").as("h_brand"))
        .distinct();

    Dataset<Row> viaReply = pub.join(broadcast(byId), col("platform").equalTo(col("a_platform"))
            .and(col("in_reply_to_account_id").equalTo(col("a_id"))))
        .select(col("platform"), col("post_id"), col("a_brand").as("brand"), col("created_at"));
    Dataset<Row> viaMention = pub.select(col("platform"), col("post_id"), col("created_at"),
            explode(col("mentions")).as("mention"))
        .join(broadcast(byHandle), col("platform").equalTo(col("h_platform"))
            .and(lower(col("mention")).equalTo(col("h_handle"))))
        .select(col("platform"), col("post_id"), col("h_brand").as("brand"), col("created_at"));
    Dataset<Row> inbound = viaReply.union(viaMention).distinct();

    if (excludeMultiBrand) {
      // Spark has no DISTINCT window aggregates: count the set of brands instead.
      inbound = inbound.withColumn("_brands", size(collect_set(col("brand")).over(Window.partitionBy("platform", "post_id"))))
          .filter(col("_brands").equalTo(1)).drop("_brands");
    }

    Dataset<Row> replies = archive.filter(col("brand").isNotNull().and(col("in_reply_to_post_id").isNotNull()))
        .select(col("platform").as("r_platform"), col("in_reply_to_post_id").as("r_parent"),
            col("brand").as("r_brand"), col("created_at").as("r_at"));
    Dataset<Row> firstReply = inbound.join(replies, col("platform").equalTo(col("r_platform"))
            .and(col("post_id").equalTo(col("r_parent"))).and(col("brand").equalTo(col("r_brand")))
            .and(col("r_at").geq(col("created_at")))
            .and(unix_micros(col("r_at")).minus(unix_micros(col("created_at"))).leq(horizonSeconds * 1_000_000L)))
        .groupBy(col("platform").as("f_platform"), col("post_id").as("f_post"), col("brand").as("f_brand"))
        .agg(min(col("r_at")).as("first_reply_at"));

    return inbound.join(firstReply, col("platform").equalTo(col("f_platform"))
            .and(col("post_id").equalTo(col("f_post"))).and(col("brand").equalTo(col("f_brand"))), "left")
        .select(col("platform"), col("post_id"), col("brand"), col("created_at"),
            unix_micros(col("first_reply_at")).minus(unix_micros(col("created_at"))).as("rt_us"));
  }
}
