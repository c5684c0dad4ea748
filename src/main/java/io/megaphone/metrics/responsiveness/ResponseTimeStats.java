package io.megaphone.metrics.responsiveness;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Per group: inbound, answered, exact percentiles of first-response times (Spark {@code percentile}, linear
 * interpolation), sums in whole microseconds (so means do not depend on partitioning), latency buckets with
 * inclusive upper bounds, and the mean of the fastest ceil(0.9·n) responses (Facebook's definition).
 */
final class ResponseTimeStats {
  static final long HOUR_US = 3_600_000_000L;

  private ResponseTimeStats() {}

  /** {@code inbound} has the key columns plus {@code rt_us}; the keys must be plain column names. */
  static Dataset<Row> aggregate(Dataset<Row> inbound, String... keys) {
    Column[] keyCols = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    Column rt = col("rt_us");
    Dataset<Row> main = inbound.groupBy(keyCols).agg(
        count(lit(1)).as("inbound"),
        count(rt).as("answered"),
        sum(rt).as("rt_sum_us"),
        expr("percentile(rt_us, array(0.5, 0.9))").as("rt_pct_us"),
        count(when(rt.leq(HOUR_US), 1)).as("answered_0_1h"),
        count(when(rt.gt(HOUR_US).and(rt.leq(8 * HOUR_US)), 1)).as("answered_1_8h"),
        count(when(rt.gt(8 * HOUR_US).and(rt.leq(24 * HOUR_US)), 1)).as("answered_8_24h"),
        count(when(rt.gt(24 * HOUR_US), 1)).as("answered_over_24h"));

    Dataset<Row> answered = inbound.filter(rt.isNotNull());
    Dataset<Row> fastest = answered
        .withColumn("_rank", row_number().over(Window.partitionBy(keyCols).orderBy(rt, col("post_id"))))
        .withColumn("_n", count(lit(1)).over(Window.partitionBy(keyCols)))
        .filter(col("_rank").leq(ceil(col("_n").multiply(0.9))))
        .groupBy(keyCols).agg(sum(rt).as("fastest90_sum_us"), count(lit(1)).as("fastest90_n"));
    // both sides come from the same plan: rename the keys so the join condition cannot be self-referential
    for (String k : keys) fastest = fastest.withColumnRenamed(k, "_f_" + k);
    Column join = null;
    for (String k : keys) {
      Column c = col(k).eqNullSafe(col("_f_" + k));
      join = join == null ? c : join.and(c);
    }
    Column[] out = new Column[keys.length + 10];
    for (int i = 0; i < keys.length; i++) out[i] = col(keys[i]);
    int i = keys.length;
    for (String c : new String[] {"inbound", "answered", "rt_sum_us", "rt_pct_us", "answered_0_1h", "answered_1_8h",
        "answered_8_24h", "answered_over_24h", "fastest90_sum_us", "fastest90_n"}) {
      out[i++] = col(c);
    }
    return main.join(fastest, join, "left").select(out);
  }
}
