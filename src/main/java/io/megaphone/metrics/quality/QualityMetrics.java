package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Content quality (SPEC §3.3) of the brands' own posts (originals and replies; reposts carry someone else's
 * text): one pass computes every per-post flag (the text rules of {@link PostFlagger}, the spam probability of
 * the MLlib classifier, the reply skeleton for the templated-reply rule), in the Deequ manner; then the
 * templated replies, the brand × platform table with over-exposure and account sprawl, and the per-platform
 * comparison with intervals and tests ({@link QualityTables}).
 */
public final class QualityMetrics implements MetricFamily {
  static final String STAGE = "analyze";

  @Override
  public String name() {
    return "quality";
  }

  @Override
  public List<MetricTable> compute(AnalysisContext ctx) {
    JobSettings s = ctx.settings();
    PostFlagger flagger = PostFlagger.from(s);
    SpamModel spam;
    try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: spam classifier")) {
      spam = SpamModel.forJob(ctx.spark(), s.param(Parameter.QUALITY_SPAM_MODEL), ctx.out().child("models/spam"));
    }
    Dataset<Row> flagged = null;
    try {
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: per-post flags (one pass)")) {
        UserDefinedFunction flags = udf((UDF6<String, Seq<String>, Seq<String>, Seq<String>, String,
            java.sql.Timestamp, Integer>) (text, urls, hashtags, mentions, lang, at) -> flagger.flags(text,
                list(urls), list(hashtags), list(mentions), lang, at == null ? null : at.toInstant()),
            DataTypes.IntegerType);
        UserDefinedFunction skeleton = udf((UDF1<String, String>) ReplyTemplate::skeleton, DataTypes.StringType);
        Column reply = col("in_reply_to_post_id").isNotNull();
        Dataset<Row> posts = ctx.archive().filter(col("brand").isNotNull().and(not(col("is_repost"))))
            .select("brand", "platform", "account_id", "post_id", "created_at", "text", "lang", "urls", "hashtags",
                "mentions", "in_reply_to_post_id");
        flagged = spam.score(posts, "text", "spam_probability")
            .withColumn("flags", flags.apply(col("text"), col("urls"), col("hashtags"), col("mentions"), col("lang"),
                col("created_at")))
            .withColumn("is_reply", reply)
            .withColumn("skeleton", when(reply, skeleton.apply(col("text"))))
            .withColumn("day", to_date(col("created_at")))
            .withColumn("hour", hour(col("created_at")))
            .select("brand", "platform", "account_id", "post_id", "created_at", "text", "spam_probability", "flags",
                "is_reply", "skeleton", "day", "hour")
            .persist(StorageLevel.MEMORY_AND_DISK());
        flagged.count();
      }
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: templated replies")) {
        long min = s.integer(Parameter.QUALITY_TEMPLATE_MIN_COUNT);
        Dataset<Row> templates = flagged.filter(col("is_reply")).groupBy("brand", "skeleton").count()
            .filter(col("count").geq(min)).select(col("brand").as("t_brand"), col("skeleton").as("t_skeleton"));
        Dataset<Row> marked = flagged.join(org.apache.spark.sql.functions.broadcast(templates),
                col("brand").equalTo(col("t_brand")).and(col("skeleton").equalTo(col("t_skeleton"))), "left")
            .withColumn("flags", when(col("t_skeleton").isNotNull(),
                col("flags").bitwiseOR(lit(QualityFlag.TEMPLATED_REPLY.bit()))).otherwise(col("flags")))
            .withColumn("flags", when(col("spam_probability").gt(0.5),
                col("flags").bitwiseOR(lit(QualityFlag.SPAM.bit()))).otherwise(col("flags")))
            .drop("t_brand", "t_skeleton")
            .persist(StorageLevel.MEMORY_AND_DISK());
        marked.count();
        flagged.unpersist();
        flagged = marked;
      }
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: tables")) {
        return QualityTables.build(ctx, flagged);
      }
    } finally {
      if (flagged != null) flagged.unpersist();
    }
  }

  private static List<String> list(Seq<String> seq) {
    return seq == null ? List.of() : new ArrayList<>(CollectionConverters.asJava(seq));
  }
}
