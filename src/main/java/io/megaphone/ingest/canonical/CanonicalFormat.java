package io.megaphone.ingest.canonical;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonSources;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Posts that already carry the canonical field names (SPEC §2): JSON Lines, or Parquet of the same schema. */
public final class CanonicalFormat implements SourceFormat {
  @Override
  public String name() {
    return "canonical";
  }

  @Override
  public String description() {
    return "canonical posts with the SPEC §2 field names, as JSON Lines or Parquet (*.parquet)";
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    List<String> parquet = new ArrayList<>();
    List<String> json = new ArrayList<>();
    for (String f : files) (f.endsWith(".parquet") ? parquet : json).add(f);
    CanonicalParser parser = new CanonicalParser();
    JavaRDD<Row> out = JsonSources.read(spark, json, name(), parser, options);
    if (!parquet.isEmpty()) out = out.union(readParquet(spark, parquet, parser, options));
    return out;
  }

  static String commonFolder(List<String> files) {
    String common = files.get(0).substring(0, files.get(0).lastIndexOf('/'));
    for (String f : files) {
      while (!f.startsWith(common + "/")) common = common.substring(0, common.lastIndexOf('/'));
    }
    return common;
  }

  /** Parquet rows go through the same JSON parser, so both carriers obey one set of rules. */
  private JavaRDD<Row> readParquet(SparkSession spark, List<String> files, CanonicalParser parser,
      IngestOptions options) {
    // the common folder as basePath lets Spark recover partition columns (e.g. an archive's platform=x/)
    Dataset<Row> df = spark.read().option("basePath", commonFolder(files)).parquet(files.toArray(String[]::new));
    Dataset<Row> rows = df.select(col("_metadata.file_path").as("file"), col("_metadata.row_index").as("row"),
        to_json(struct(df.columns().length == 0 ? new org.apache.spark.sql.Column[0]
            : java.util.Arrays.stream(df.columns()).map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new)))
            .as("json"));
    return rows.javaRDD().flatMap(r -> {
      RecordPosition pos = new RecordPosition(r.getString(0), r.getLong(1), "row " + r.getLong(1));
      List<Row> out = new ArrayList<>();
      String text = r.getString(2);
      parser.parse(Json.MAPPER.readTree(text), pos, text, options, out::add);
      return out.iterator();
    });
  }
}
