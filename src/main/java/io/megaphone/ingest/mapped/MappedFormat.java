package io.megaphone.ingest.mapped;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.csv.CsvSources;
import io.megaphone.ingest.json.JsonSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Any CSV, TSV or JSON Lines file read through a mapping declared in the job file: which column (or JSON
 * path) holds each canonical field, how timestamps are written, the platform as a constant or a column,
 * and the CSV dialect. See {@link Mapping} for the settings and the README for their documentation.
 */
public final class MappedFormat implements SourceFormat {
  public static final String NAME = "mapped";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "any CSV, TSV or JSON Lines file through a mapping declared in the job file (column or JSON path"
        + " per canonical field, timestamp pattern and zone, platform as a constant or a column, separator,"
        + " quote, encoding)";
  }

  @Override
  public Set<String> settingKeys() {
    return Mapping.SETTING_KEYS;
  }

  @Override
  public void checkSettings(String input, Map<String, Object> settings) {
    SourceFormat.super.checkSettings(input, settings);
    Mapping.parse(input, settings);
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    Mapping m = Mapping.parse("input", options.input());
    List<String> csv = new ArrayList<>();
    List<String> tsv = new ArrayList<>();
    List<String> json = new ArrayList<>();
    for (String f : files) {
      switch (m.typeOf(f)) {
        case CSV -> csv.add(f);
        case TSV -> tsv.add(f);
        case JSONL -> json.add(f);
      }
    }
    JavaRDD<Row> out = JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD();
    MappedCsv mapper = new MappedCsv(m, NAME);
    if (!csv.isEmpty()) out = out.union(CsvSources.read(spark, csv, NAME, m.csv, mapper, options));
    if (!tsv.isEmpty()) out = out.union(CsvSources.read(spark, tsv, NAME, m.tsv, mapper, options));
    if (!json.isEmpty()) out = out.union(JsonSources.read(spark, json, NAME, new MappedJsonParser(m, NAME), options));
    return out;
  }
}
