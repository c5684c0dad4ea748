package io.megaphone.ingest.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;

/** Test helpers for the Graph API formats: fixtures copied next to a job file, run through the real ingest. */
public final class GraphFixtures {
  private GraphFixtures() {}

  /** Copies fixtures/{format}/{names} into {@code dir}. */
  public static void copy(String format, Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String n : names) {
      try (InputStream in = GraphFixtures.class.getResourceAsStream("/fixtures/" + format + "/" + n)) {
        assertThat(in).as("fixture %s/%s", format, n).isNotNull();
        Files.copy(in, dir.resolve(n));
      }
    }
  }

  /** Runs the given stages of the job file as {@code megaphone <stages> --job FILE} would. */
  public static JobSettings run(Path jobFile, EnumSet<Stage> stages) {
    JobSettings s = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(jobFile.toString()), List.of(), Optional.empty(), Optional.empty(), List.of()), true, true);
    assertThat(new JobRunner(s, stages, "test").run(TestSpark.session())).isZero();
    return s;
  }

  public static List<Row> table(Path out, String name) {
    return TestSpark.session().read().parquet(out.resolve(name).toString()).collectAsList();
  }

  public static Map<String, Row> byPostId(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.getAs("post_id"), Function.identity()));
  }

  public static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords();
    }
  }

  /** ingest_summary.csv by the file name of each source. */
  public static Map<String, CSVRecord> summaryByFile(Path out) throws IOException {
    Map<String, CSVRecord> m = new LinkedHashMap<>();
    for (CSVRecord r : csv(out.resolve("metrics/ingest_summary.csv"))) {
      String src = r.get("source");
      m.put(src.substring(src.lastIndexOf('/') + 1), r);
    }
    return m;
  }

  public static java.time.Instant instant(Row r, String col) {
    return r.<java.sql.Timestamp>getAs(col).toInstant();
  }

  public static List<String> list(Row r, String col) {
    return r.getList(r.fieldIndex(col));
  }
}
