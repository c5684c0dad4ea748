package io.megaphone.metrics.duplication;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.megaphone.metrics.AnalysisContext;
import io.megaphone.metrics.MetricFamily;
import io.megaphone.metrics.MetricTable;
import io.megaphone.spark.Phase;
import io.megaphone.spark.Progress;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Cross-platform duplication (SPEC §3.2), as a chain of named steps: a brand's original posts are normalised
 * (too-short ones counted and left out); identical normalised texts form exact groups; one text per group is
 * MinHashed and banded ({@link NearDuplicatePairs}); every candidate pair is verified with the exact Jaccard;
 * verified pairs are joined into content clusters ({@link ContentClusters}); the tables are aggregated from the
 * clusters ({@link DuplicationTables}).
 */
public final class DuplicationMetrics implements MetricFamily {
  static final String STAGE = "analyze";

  @Override
  public String name() {
    return "duplication";
  }

  @Override
  public List<MetricTable> compute(AnalysisContext ctx) {
    DuplicationOptions o = DuplicationOptions.from(ctx.settings());
    Dataset<Row> eligible = null;
    Dataset<Row> edges = null;
    Dataset<Row> clustered = null;
    try {
      UserDefinedFunction normalize = udf((UDF1<String, String>) TextNormalizer::normalize, DataTypes.StringType);
      UserDefinedFunction words = udf((UDF1<String, Integer>) TextNormalizer::words, DataTypes.IntegerType);
      Dataset<Row> originals = originals(ctx.archive()).withColumn("norm", normalize.apply(col("text")));
      Dataset<Row> counted;
      try (Phase p = Phase.start(ctx.spark(), STAGE, "duplication: normalise")) {
        Dataset<Row> withWords = originals.withColumn("words", words.apply(col("norm")))
            .persist(StorageLevel.MEMORY_AND_DISK());
        counted = withWords.groupBy("brand", "platform").agg(count(lit(1)).as("originals"),
            count(when(col("words").lt(o.minWords()), 1)).as("too_short"));
        counted = ctx.spark().createDataFrame(counted.collectAsList(), counted.schema());
        eligible = withWords.filter(col("words").geq(o.minWords())).drop("words")
            .withColumn("gid", xxhash64(col("brand"), col("norm")))
            .persist(StorageLevel.MEMORY_AND_DISK());
        eligible.count();
        withWords.unpersist();
      }
      NearDuplicatePairs.Result pairs;
      try (Phase p = Phase.start(ctx.spark(), STAGE, "duplication: MinHash LSH candidates and exact Jaccard")) {
        pairs = NearDuplicatePairs.find(ctx.spark(), eligible, o);
        edges = pairs.edges();
      }
      try (Phase p = Phase.start(ctx.spark(), STAGE, "duplication: content clusters")) {
        clustered = ContentClusters.assign(ctx.spark(), eligible, edges).persist(StorageLevel.MEMORY_AND_DISK());
        clustered.count();
      }
      try (Phase p = Phase.start(ctx.spark(), STAGE, "duplication: clusters and pairs tables")) {
        writeClusters(ctx, clustered);
        writeTextPairs(ctx, edges);
      }
      try (Phase p = Phase.start(ctx.spark(), STAGE, "duplication: tables")) {
        List<MetricTable> tables = DuplicationTables.build(ctx, counted, clustered, pairs.perBrand(), o);
        Progress.say(STAGE, String.format(Locale.ROOT,
            "duplication: %,d candidate pairs, %,d near-duplicate pairs verified, %,d capped buckets",
            pairs.candidates(), pairs.verified(), pairs.cappedBuckets()));
        return tables;
      }
    } finally {
      if (eligible != null) eligible.unpersist();
      if (edges != null) edges.unpersist();
      if (clustered != null) clustered.unpersist();
    }
  }

  /**
   * metrics/duplication_text_pairs (Parquet): every verified near-duplicate pair of distinct normalised texts
   * (text ids as in duplication_clusters) with its Jaccard similarity. With the clusters table, the post pairs:
   * posts of one text id are exact duplicates; posts of two paired text ids are near-duplicates.
   */
  private static void writeTextPairs(AnalysisContext ctx, Dataset<Row> edges) {
    String path = ctx.out().metricsTable("duplication_text_pairs");
    edges.select(col("brand"), col("a").as("text_a"), col("b").as("text_b"), col("jaccard"))
        .repartition(col("brand")).sortWithinPartitions("brand", "text_a", "text_b")
        .write().mode(SaveMode.Overwrite).parquet(path);
    ctx.out().deleteCrcFiles(path);
  }

  /** A brand's original posts: by a brand account, not a reply, not a repost. */
  public static Dataset<Row> originals(Dataset<Row> archive) {
    return archive.filter(col("brand").isNotNull().and(col("in_reply_to_post_id").isNull())
            .and(not(coalesce(col("is_repost"), lit(false)))))
        .select("brand", "platform", "post_id", "account_handle", "created_at", "text");
  }

  /**
   * metrics/duplication_clusters (Parquet): every post of a cluster of two or more posts, with its cluster's id,
   * size, platform and text counts, its text id (a hash of brand and normalised text) and normalised text.
   */
  private static void writeClusters(AnalysisContext ctx, Dataset<Row> clustered) {
    clustered.filter(col("cluster_posts").geq(2))
        .select(col("brand"), col("cluster_id"), col("cluster_posts"), col("cluster_platforms"),
            col("cluster_texts"), col("platform"), col("post_id"), col("account_handle"), col("created_at"),
            col("text"), col("gid").as("text_id"), col("norm").as("normalized_text"))
        .repartition(col("brand"))
        .sortWithinPartitions("brand", "cluster_id", "created_at", "platform", "post_id")
        .write().mode(SaveMode.Overwrite).parquet(ctx.out().metricsTable("duplication_clusters"));
    ctx.out().deleteCrcFiles(ctx.out().metricsTable("duplication_clusters"));
  }
}
