package io.megaphone.metrics.quality;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Content quality (SPEC §3.3) of the brands' own posts (originals and replies; reposts carry someone else's
 * text): one pass computes every per-post flag (the text rules of {@link PostFlagger}, the spam probability of
 * the MLlib classifier compiled by {@link SpamScorer}, the reply skeleton for the templated-reply rule), in the
 * Deequ manner, and folds it at once into mergeable counts ({@link QualityScan}); then the templated replies, the
 * brand × platform table with over-exposure and account sprawl, and the per-platform comparison with intervals and
 * tests ({@link QualityTables}).
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
    JavaRDD<PartitionState> scan = null;
    try {
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: per-post flags and counts (one pass)")) {
        scan = QualityScan.of(ctx.archive(), flagger, spam.scorer(), QualityTables.EXAMPLES_PER_FLAG)
            .persist(StorageLevel.MEMORY_AND_DISK());
        scan.count();
      }
      Set<String> templates;
      try (Phase p = Phase.start(ctx.spark(), STAGE, "quality: templated replies")) {
        templates = QualityCounts.recurringSkeletons(scan, s.integer(Parameter.QUALITY_TEMPLATE_MIN_COUNT));
      }
      return QualityTables.build(ctx, scan, templates);
    } finally {
      if (scan != null) scan.unpersist();
    }
  }

  /** A brand's reply skeleton as held in the set of {@link QualityCounts#recurringSkeletons}. */
  static String templateKey(String brand, String skeleton) {
    return brand + "\u0000" + skeleton;
  }
}
