package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Content quality (SPEC §3.3) of the brands' own posts (originals and replies; reposts carry someone else's
 * text): one pass computes every per-post flag (the text rules of {@link PostFlagger}, the spam probability of
 * the MLlib classifier compiled by {@link SpamScorer}, the reply skeleton for the templated-reply rule), in the
 * Deequ manner, and caches a narrow row per post ({@link PostScores}); then the templated replies, the brand ×
 * platform table with over-exposure and account sprawl, and the per-platform comparison with intervals and tests
 * ({@link QualityTables}).
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
      Set<String> templates;
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: templated replies")) {
        templates = recurringSkeletons(scored, s.integer(Parameter.QUALITY_TEMPLATE_MIN_COUNT));
      }
      return QualityTables.build(ctx, scored, templates);
    } finally {
      if (scored != null) scored.unpersist();
    }
  }

  /**
   * {@link #templateKey} of every reply skeleton that recurs at least {@code min} times among the brand's replies:
   * the replies with these skeletons are the templated ones. At most (replies / min) entries, small enough for the
   * driver and for a broadcast to the tasks that count.
   */
  static Set<String> recurringSkeletons(Dataset<Row> scored, long min) {
    Set<String> out = new HashSet<>();
    for (Row r : scored.filter(col("is_reply")).groupBy("brand", "skeleton").count().filter(col("count").geq(min))
        .select("brand", "skeleton").collectAsList()) {
      out.add(templateKey(r.getString(0), r.getString(1)));
    }
    return out;
  }

  /** A brand's reply skeleton as held in the set of {@link #recurringSkeletons}. */
  static String templateKey(String brand, String skeleton) {
    return brand + "\u0000" + skeleton;
  }
}
