package io.megaphone.metrics.duplication;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Near-duplicate pairs of distinct normalised texts of one brand: MinHash LSH with banding proposes candidates
 * (texts sharing a band bucket), every candidate is verified with the exact Jaccard of the shingle sets, and only
 * pairs at or above the threshold are kept. Exact duplicates never reach this step: each distinct text (exact
 * group, id {@code gid}) is represented once.
 *
 * <p>Giant buckets (many texts agreeing on a whole band: boilerplate) would make the candidate count quadratic. A
 * bucket with more than {@code maxBucket} texts is not expanded into all its pairs: its texts, ordered by id, are
 * each paired with the next {@code bucketWindow}. Such buckets are counted per brand, never skipped silently.
 */
final class NearDuplicatePairs {
  private NearDuplicatePairs() {}

  static final StructType BUCKET = new StructType().add("bucket", DataTypes.LongType).add("gid", DataTypes.LongType);
  static final StructType PAIR = new StructType().add("a", DataTypes.LongType).add("b", DataTypes.LongType);

  /**
   * {@code edges}: (brand, a, b, jaccard) with a &lt; b, persisted (the caller unpersists); {@code perBrand}: brand →
   * {candidate pairs, verified pairs, capped buckets}.
   */
  record Result(Dataset<Row> edges, Map<String, long[]> perBrand) {
    long candidates() {
      return perBrand.values().stream().mapToLong(v -> v[0]).sum();
    }

    long verified() {
      return perBrand.values().stream().mapToLong(v -> v[1]).sum();
    }

    long cappedBuckets() {
      return perBrand.values().stream().mapToLong(v -> v[2]).sum();
    }
  }

  /** {@code eligible}: brand, gid, norm (and more) of every considered post. */
  static Result find(SparkSession spark, Dataset<Row> eligible, DuplicationOptions o) {
    Dataset<Row> texts = eligible.select("brand", "gid", "norm").dropDuplicates("gid")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> buckets = texts.flatMap(bucketRows(o), Encoders.row(BUCKET))
          .groupBy("bucket").agg(collect_list("gid").as("gids"))
          .filter(size(col("gids")).geq(2))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Map<String, long[]> perBrand = new TreeMap<>();
      for (Row r : buckets.filter(size(col("gids")).gt(o.maxBucket()))
          .select(element_at(col("gids"), 1).as("gid")).join(texts.select("gid", "brand"), "gid")
          .groupBy("brand").count().collectAsList()) {
        perBrand.computeIfAbsent(r.getString(0), k -> new long[3])[2] = r.getLong(1);
      }
      Dataset<Row> pairs = buckets.flatMap(pairRows(o), Encoders.row(PAIR)).distinct();

      int k = o.shingleSize();
      UserDefinedFunction jaccard = udf((UDF2<String, String, Double>) (x, y) -> Shingles.jaccard(x, y, k),
          DataTypes.DoubleType);
      Dataset<Row> a = texts.select(col("gid").as("a"), col("brand"), col("norm").as("norm_a"));
      Dataset<Row> b = texts.select(col("gid").as("b"), col("brand").as("brand_b"), col("norm").as("norm_b"));
      Dataset<Row> candidates = pairs.join(a, "a").join(b, "b")
          .filter(col("brand").equalTo(col("brand_b"))) // bucket keys are scoped by brand; a 64-bit collision is not
          .select(col("brand"), col("a"), col("b"), jaccard.apply(col("norm_a"), col("norm_b")).as("jaccard"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      for (Row r : candidates.groupBy("brand").agg(count(lit(1)),
          sum(when(col("jaccard").geq(o.threshold()), 1).otherwise(0))).collectAsList()) {
        long[] v = perBrand.computeIfAbsent(r.getString(0), x -> new long[3]);
        v[0] = r.getLong(1);
        v[1] = r.getLong(2);
      }
      Dataset<Row> edges = candidates.filter(col("jaccard").geq(o.threshold())).select("brand", "a", "b", "jaccard")
          .persist(StorageLevel.MEMORY_AND_DISK());
      edges.count();
      candidates.unpersist();
      buckets.unpersist();
      return new Result(edges, perBrand);
    } finally {
      texts.unpersist();
    }
  }

  private static FlatMapFunction<Row, Row> bucketRows(DuplicationOptions o) {
    MinHashBanding banding = o.banding();
    int k = o.shingleSize();
    return r -> {
      String brand = r.getString(0);
      long[] keys = banding.bucketKeys(Shingles.hash(brand, 0, brand.length()), Shingles.hashes(r.getString(2), k));
      long gid = r.getLong(1);
      List<Row> out = new ArrayList<>(keys.length);
      for (long key : keys) out.add(RowFactory.create(key, gid));
      return out.iterator();
    };
  }

  private static FlatMapFunction<Row, Row> pairRows(DuplicationOptions o) {
    int max = o.maxBucket();
    int window = o.bucketWindow();
    return r -> {
      List<Long> list = r.getList(1);
      long[] g = new long[list.size()];
      for (int i = 0; i < g.length; i++) g[i] = list.get(i);
      List<Row> out = new ArrayList<>();
      forEachPair(g, max, window, (x, y) -> out.add(RowFactory.create(x, y)));
      return out.iterator();
    };
  }

  interface PairSink {
    void accept(long a, long b);
  }

  /**
   * The candidate pairs of one bucket (ids sorted here, so the result does not depend on the order Spark collected
   * them in): all pairs, or, for a bucket of more than {@code max} texts, each text with the next {@code window}.
   */
  static void forEachPair(long[] ids, int max, int window, PairSink sink) {
    long[] g = ids.clone();
    Arrays.sort(g);
    int reach = g.length <= max ? g.length : window;
    for (int i = 0; i < g.length; i++) {
      for (int j = i + 1; j < g.length && j <= i + reach; j++) sink.accept(g[i], g[j]);
    }
  }
}
