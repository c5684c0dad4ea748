package io.megaphone.metrics.duplication;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Content clusters: the connected components of the verified near-duplicate pairs between exact groups (GraphX
 * {@code ConnectedComponents}), a component's id being its least group id; a group with no near-duplicate is a
 * cluster of its own. Ids are hashes of (brand, normalised text), so a cluster's id does not depend on how the
 * input was partitioned.
 */
final class ContentClusters {
  private ContentClusters() {}

  static final StructType COMPONENT = new StructType().add("gid", DataTypes.LongType)
      .add("component", DataTypes.LongType);

  /**
   * {@code eligible} plus {@code cluster_id}, {@code cluster_posts}, {@code cluster_platforms} (distinct) and
   * {@code cluster_texts} (distinct normalised texts).
   */
  static Dataset<Row> assign(SparkSession spark, Dataset<Row> eligible, Dataset<Row> edges) {
    Dataset<Row> components = components(spark, edges);
    Dataset<Row> posts = eligible.join(components, eligible.col("gid").equalTo(components.col("gid")), "left")
        .drop(components.col("gid"))
        .withColumn("cluster_id", coalesce(col("component"), col("gid"))).drop("component");
    Dataset<Row> sizes = posts.groupBy("brand", "cluster_id").agg(count(lit(1)).as("cluster_posts"),
        countDistinct("platform").as("cluster_platforms"), countDistinct("gid").as("cluster_texts"));
    return posts.join(sizes, new String[] {"brand", "cluster_id"}).toDF();
  }

  /** gid → component for every group with at least one verified pair. */
  static Dataset<Row> components(SparkSession spark, Dataset<Row> edges) {
    JavaRDD<Tuple2<Object, Object>> tuples = edges.select("a", "b").javaRDD()
        .map(r -> new Tuple2<>((Object) r.getLong(0), (Object) r.getLong(1)));
    ClassTag<Object> vertexTag = ClassTag$.MODULE$.Any();
    Graph<Object, Object> graph = Graph.fromEdgeTuples(tuples.rdd(), (Object) 0L, Option.empty(),
        StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(), vertexTag);
    @SuppressWarnings("unchecked")
    ClassTag<Object> edgeTag = (ClassTag<Object>) (ClassTag<?>) ClassTag$.MODULE$.Int();
    Graph<Object, Object> cc = ConnectedComponents.run(graph, vertexTag, edgeTag);
    JavaRDD<Row> rows = cc.vertices().toJavaRDD().map(t -> RowFactory.create((Long) t._1(), (Long) t._2()));
    Dataset<Row> out = spark.createDataFrame(rows, COMPONENT).persist(StorageLevel.MEMORY_AND_DISK());
    out.count();
    graph.unpersist(false);
    cc.unpersist(false);
    return out;
  }
}
