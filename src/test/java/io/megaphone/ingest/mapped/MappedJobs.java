package io.megaphone.ingest.mapped;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;

/** Runs a job file (mapped inputs need one: their settings live there) in the shared test session. */
final class MappedJobs {
  private MappedJobs() {}

  static JobSettings run(Path job, Path out, EnumSet<Stage> stages) {
    return Pipeline.runJob(job, out, stages);
  }

  static List<Row> archive(Path out) {
    return TestSpark.session().read().parquet(out.resolve("archive").toString()).collectAsList();
  }

  static List<Row> quarantine(Path out) {
    return TestSpark.session().read().parquet(out.resolve("quarantine").toString()).collectAsList();
  }

  /** Archived posts by "platform/post_id". */
  static Map<String, Row> byKey(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.<String>getAs("platform") + "/" + r.getAs("post_id"),
        Function.identity(), (a, b) -> {
          throw new AssertionError("twice: " + a);
        }, LinkedHashMap::new));
  }

  /** ingest_summary.csv rows by the source file's name. */
  static Map<String, CSVRecord> summary(Path out) throws IOException {
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    Map<String, CSVRecord> rows = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(out.resolve("metrics/ingest_summary.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      for (CSVRecord rec : p) rows.put(Path.of(rec.get("source").replaceFirst("^file:", "")).getFileName().toString(), rec);
    }
    return rows;
  }
}
