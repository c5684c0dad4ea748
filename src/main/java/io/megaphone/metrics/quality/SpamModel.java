package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * A trained spam classifier (see {@link SpamClassifier}) with its training metrics. Scores any text column with
 * P(spam); saved as a folder holding {@code metadata.json} ({@link SpamMetrics#toJson()}: version, data dates,
 * training set size, cross-validated AUC per fold and mean, features, classifier), the compiled model
 * {@code scorer.tsv} ({@link SpamScorer#toText()}) and, when the model was fitted in this process, the MLlib
 * pipeline ({@code pipeline/}).
 *
 * <p>The model jobs use by default is {@link #bundled()}: the fit of {@link SpamClassifier} on the bundled data,
 * recorded in the jar ({@code spam/scorer.tsv}, {@code spam/metadata.json}) because the fit is deterministic and
 * costs seconds of small Spark jobs per run; {@code SpamClassifierTest} refits and checks the recording is equal.
 */
public final class SpamModel {
  static final String PIPELINE_DIR = "pipeline";
  static final String METADATA = "metadata.json";
  static final String SCORER = "scorer.tsv";

  private final PipelineModel model; // null when read from a scorer.tsv
  private final SpamScorer scorer;
  private final SpamMetrics metrics;

  SpamModel(PipelineModel model, SpamMetrics metrics) {
    this(model, SpamScorer.of(model), metrics);
  }

  private SpamModel(PipelineModel model, SpamScorer scorer, SpamMetrics metrics) {
    this.model = model;
    this.scorer = scorer;
    this.metrics = metrics;
  }

  /** The model recorded in the jar: {@link SpamClassifier#train} on the bundled data, without its cost. */
  public static SpamModel bundled() {
    String where = SpamClassifier.RESOURCES;
    return new SpamModel(null, SpamScorer.parse(resource(where + SCORER), where + SCORER),
        SpamMetrics.fromJson(resource(where + METADATA), where + METADATA));
  }

  private static String resource(String name) {
    try (InputStream in = SpamModel.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException(name + " is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
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
    return scorer;
  }

  /**
   * {@code df} with one more double column {@code probabilityColumn} = P(spam) of {@code textColumn} (a null
   * text is scored as the empty text). All columns of {@code df} are kept, in order; a column already named
   * {@code probabilityColumn} is replaced. Lazy, like any transformation.
   */
  public Dataset<Row> score(Dataset<Row> df, String textColumn, String probabilityColumn) {
    if (model == null) {
      SpamScorer sc = scorer;
      UserDefinedFunction p = udf((UDF1<String, Double>) sc::probability, DataTypes.DoubleType);
      return df.withColumn(probabilityColumn, p.apply(df.col(quote(textColumn)).cast("string")));
    }
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
    if (model != null) {
      try {
        model.write().overwrite().save(new Path(dir, PIPELINE_DIR).toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the spam model to " + dir, e);
      }
    }
    write(new Path(dir, SCORER), scorer.toText());
    write(new Path(dir, METADATA), metrics.toJson());
  }

  private static void write(Path file, String text) {
    try (OutputStream os = file.getFileSystem(conf()).create(file, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a model written by {@link #save}; a folder that is not one fails with a one-line message. */
  public static SpamModel load(SparkSession spark, String dir) {
    Path meta = new Path(dir, METADATA);
    Path pipeline = new Path(dir, PIPELINE_DIR);
    Path scorerFile = new Path(dir, SCORER);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      FileSystem fs = meta.getFileSystem(conf);
      boolean hasPipeline = fs.exists(pipeline);
      boolean hasScorer = fs.exists(scorerFile);
      if (!fs.exists(meta) || !(hasPipeline || hasScorer)) {
        throw new IllegalArgumentException("quality.spam-model: " + dir + " is not a saved spam model (expected "
            + METADATA + " and " + SCORER + " or " + PIPELINE_DIR + "/ in it)");
      }
      SpamMetrics metrics = SpamMetrics.fromJson(read(fs, meta), meta.toString());
      if (hasPipeline) return new SpamModel(PipelineModel.load(pipeline.toString()), metrics);
      return new SpamModel(null, SpamScorer.parse(read(fs, scorerFile), scorerFile.toString()), metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spam model in " + dir, e);
    }
  }

  private static String read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The model a job uses, from parameter {@code quality.spam-model}: a saved model folder, or, when empty, the
   * {@link #bundled()} one, saved to {@code defaultDir} (the run's {@code models/spam}) so the run keeps the exact
   * model it scored with.
   */
  public static SpamModel forJob(SparkSession spark, String configuredDir, String defaultDir) {
    if (configuredDir != null && !configuredDir.isBlank()) return load(spark, configuredDir.strip());
    SpamModel m = bundled();
    m.save(defaultDir);
    return m;
  }

  private static Configuration conf() {
    return SparkSession.active().sparkContext().hadoopConfiguration();
  }
}
