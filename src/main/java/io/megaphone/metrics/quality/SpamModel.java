package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A trained spam classifier (see {@link SpamClassifier}) with its training metrics. Scores any text column with
 * P(spam); saved as a folder holding the MLlib model ({@code pipeline/}) and {@code metadata.json}
 * ({@link SpamMetrics#toJson()}: version, data dates, training set size, cross-validated AUC per fold and mean,
 * features, classifier).
 */
public final class SpamModel {
  static final String PIPELINE_DIR = "pipeline";
  static final String METADATA = "metadata.json";

  private final PipelineModel model;
  private final SpamMetrics metrics;

  SpamModel(PipelineModel model, SpamMetrics metrics) {
    this.model = model;
    this.metrics = metrics;
  }

  /** Trains on the bundled UCI set (same as {@link SpamClassifier#train}). */
  public static SpamModel train(SparkSession spark) {
    return SpamClassifier.train(spark);
  }

  public SpamMetrics metrics() {
    return metrics;
  }

  /** The model compiled for the per-post pass: the same probabilities as {@link #score}, without MLlib's stages. */
  public SpamScorer scorer() {
    return SpamScorer.of(model);
  }

  /**
   * {@code df} with one more double column {@code probabilityColumn} = P(spam) of {@code textColumn} (a null
   * text is scored as the empty text). All columns of {@code df} are kept, in order; a column already named
   * {@code probabilityColumn} is replaced. Lazy, like any transformation.
   */
  public Dataset<Row> score(Dataset<Row> df, String textColumn, String probabilityColumn) {
    Dataset<Row> in = df.withColumn(SpamClassifier.TEXT, coalesce(df.col(quote(textColumn)).cast("string"), lit("")));
    Dataset<Row> out = model.transform(in);
    return out
        .withColumn(probabilityColumn,
            functions.vector_to_array(col(SpamClassifier.PROBABILITY), "float64").getItem(1))
        .drop(SpamClassifier.INTERNAL_COLUMNS.toArray(String[]::new));
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** Writes the model to {@code dir} (any Hadoop file system), replacing what was there. */
  public void save(String dir) {
    try {
      model.write().overwrite().save(new Path(dir, PIPELINE_DIR).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the spam model to " + dir, e);
    }
    Path meta = new Path(dir, METADATA);
    try (OutputStream os = meta.getFileSystem(conf()).create(meta, true)) {
      os.write(metrics.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + meta, e);
    }
  }

  /** Reads a model written by {@link #save}; a folder that is not one fails with a one-line message. */
  public static SpamModel load(SparkSession spark, String dir) {
    Path meta = new Path(dir, METADATA);
    Path pipeline = new Path(dir, PIPELINE_DIR);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String json;
    try {
      FileSystem fs = meta.getFileSystem(conf);
      if (!fs.exists(meta) || !fs.exists(pipeline)) {
        throw new IllegalArgumentException("quality.spam-model: " + dir
            + " is not a saved spam model (expected " + METADATA + " and " + PIPELINE_DIR + "/ in it)");
      }
      try (InputStream in = fs.open(meta)) {
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
    SpamMetrics metrics = SpamMetrics.fromJson(json, meta.toString());
    return new SpamModel(PipelineModel.load(pipeline.toString()), metrics);
  }

  /**
   * The model a job uses, from parameter {@code quality.spam-model}: a saved model folder, or, when empty, one
   * trained on the bundled set now and saved to {@code defaultDir} (the run's {@code models/spam}) so the run
   * keeps the exact model it scored with.
   */
  public static SpamModel forJob(SparkSession spark, String configuredDir, String defaultDir) {
    if (configuredDir != null && !configuredDir.isBlank()) return load(spark, configuredDir.strip());
    SpamModel m = SpamClassifier.train(spark, false);
    m.save(defaultDir);
    return m;
  }

  private static Configuration conf() {
    return SparkSession.active().sparkContext().hadoopConfiguration();
  }
}
