package io.megaphone.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.udf;

import io.megaphone.archive.OutputLayout;
import io.megaphone.ingest.IngestStep;
import io.megaphone.metrics.duplication.DuplicationMetrics;
import io.megaphone.metrics.duplication.DuplicationOptions;
import io.megaphone.metrics.duplication.Shingles;
import io.megaphone.metrics.duplication.TextNormalizer;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.storage.StorageLevel;

/**
 * The baseline the duplication family is measured against: MLlib's {@code MinHashLSH} and
 * {@code approxSimilarityJoin} on the same considered posts (same normalisation, same shingles as sparse binary
 * vectors), at the same threshold, pairs then kept within a brand. MLlib has OR-amplification only (a pair is a
 * candidate when any one hash table agrees) and joins the whole set with itself; {@value #HASH_TABLES} hash tables
 * give a pair of similarity 0.8 a 0.9997 chance, at least the family's own 0.998.
 */
final class MllibMinHashBaseline {
  static final int HASH_TABLES = 5;
  /** Shingle hashes folded into 2^30 vector indices (MinHashLSH needs indices below its prime, 2,038,074,743). */
  private static final int DIMENSION = 1 << 30;

  private MllibMinHashBaseline() {}

  /** Post pairs (as {@link DuplicationPairs#pair}) at or above the threshold that MLlib finds. */
  static Set<String> pairs(SparkSession spark, OutputLayout out, DuplicationOptions o) {
    int k = o.shingleSize();
    int minWords = o.minWords();
    UserDefinedFunction features = udf((UDF1<String, Vector>) text -> {
      long[] h = Shingles.hashes(text, k);
      int[] idx = new int[h.length];
      for (int i = 0; i < h.length; i++) idx[i] = (int) (h[i] & (DIMENSION - 1));
      java.util.Arrays.sort(idx);
      int u = 0;
      for (int i = 0; i < idx.length; i++) if (i == 0 || idx[i] != idx[i - 1]) idx[u++] = idx[i];
      double[] ones = new double[u];
      java.util.Arrays.fill(ones, 1.0);
      return Vectors.sparse(DIMENSION, java.util.Arrays.copyOf(idx, u), ones);
    }, SQLDataTypes.VectorType());
    UserDefinedFunction normalize = udf((UDF1<String, String>) TextNormalizer::normalize,
        org.apache.spark.sql.types.DataTypes.StringType);
    UserDefinedFunction words = udf((UDF1<String, Integer>) TextNormalizer::words,
        org.apache.spark.sql.types.DataTypes.IntegerType);
    Dataset<Row> posts = DuplicationMetrics.originals(IngestStep.readArchive(spark, out))
        .withColumn("norm", normalize.apply(col("text")))
        .filter(words.apply(col("norm")).geq(minWords))
        .select(col("brand"), concat_ws("/", col("platform"), col("post_id")).as("key"),
            features.apply(col("norm")).as("features"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      MinHashLSHModel model = new MinHashLSH().setNumHashTables(HASH_TABLES).setInputCol("features")
          .setOutputCol("hashes").setSeed(o.seed()).fit(posts);
      // MLlib keeps distance < threshold; J >= t is distance <= 1 - t
      Dataset<?> joined = model.approxSimilarityJoin(posts, posts, 1 - o.threshold() + 1e-9, "distance");
      Set<String> pairs = new HashSet<>();
      for (Row r : joined.toDF().filter(col("datasetA.brand").equalTo(col("datasetB.brand"))
              .and(col("datasetA.key").lt(col("datasetB.key"))))
          .select(col("datasetA.brand"), col("datasetA.key"), col("datasetB.key")).collectAsList()) {
        pairs.add(DuplicationPairs.pair(r.getString(0), r.getString(1), r.getString(2)));
      }
      return pairs;
    } finally {
      posts.unpersist();
    }
  }
}
