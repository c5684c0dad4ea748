package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Content quality (SPEC §3.3) of the brands' own posts (originals and replies; reposts carry someone else's
 * text): one pass computes every per-post flag (the text rules of {@link PostFlagger}, the spam probability of
 * the MLlib classifier compiled by {@link SpamScorer}, the reply skeleton for the templated-reply rule), in the
 * Deequ manner, and caches a narrow row per post ({@link PostScores}); then the templated replies, the brand × platform table with over-exposure and account sprawl, and the per-platform
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
    Dataset<Row> scored = null;
    try {
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: per-post flags (one pass)")) {
        scored = PostScores.of(ctx.archive(), flagger, spam.scorer()).persist(StorageLevel.MEMORY_AND_DISK());
        scored.count();
      }
      Dataset<Row> flagged;
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: templated replies")) {
        flagged = withTemplatedReplies(scored, s.integer(Parameter.QUALITY_TEMPLATE_MIN_COUNT));
      }
      return QualityTables.build(ctx, flagged, scored);
    } finally {
      if (scored != null) scored.unpersist();
    }
  }

  /**
   * The posts with the templated-reply bit set on replies whose skeleton recurs at least {@code min} times for
   * their brand. The recurring skeletons are found by one aggregation and joined back by broadcast (lazily: each
   * table query reads the cached scores through this join rather than caching a second copy).
   */
  static Dataset<Row> withTemplatedReplies(Dataset<Row> scored, long min) {
    // at most (replies / min) rows: small enough for the driver, and a broadcast join needs them there anyway
    List<Row> recurring = scored.filter(col("is_reply")).groupBy("brand", "skeleton").count()
        .filter(col("count").geq(min)).select(col("brand").as("t_brand"), col("skeleton").as("t_skeleton"))
        .collectAsList();
    if (recurring.isEmpty()) return scored;
    StructType schema = new StructType().add("t_brand", DataTypes.StringType).add("t_skeleton", DataTypes.StringType);
    Dataset<Row> templates = scored.sparkSession().createDataFrame(recurring, schema);
    return scored.join(broadcast(templates),
            col("brand").equalTo(col("t_brand")).and(col("skeleton").equalTo(col("t_skeleton"))), "left")
        .withColumn("flags", when(col("t_skeleton").isNotNull(),
            col("flags").bitwiseOR(lit(QualityFlag.TEMPLATED_REPLY.bit()))).otherwise(col("flags")))
        .drop("t_brand", "t_skeleton");
  }
}
