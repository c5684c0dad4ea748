package io.megaphone.testing;

import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Runs stages of the real pipeline in the shared test session, as the CLI would. */
public final class Pipeline {
  private Pipeline() {}

  /**
   * @param inputs FORMAT=PATH strings as on the command line
   * @param sets KEY=VALUE parameters
   */
  public static JobSettings run(EnumSet<Stage> stages, List<String> inputs, String brands, Path out,
      List<String> sets) {
    JobSettings settings = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(
        new CliOverrides(Optional.empty(), inputs, Optional.ofNullable(brands), Optional.of(out.toString()), sets),
        stages.contains(Stage.INGEST), true);
    int code = new JobRunner(settings, stages, "test").run(TestSpark.session());
    if (code != 0) throw new AssertionError("pipeline exited with " + code);
    return settings;
  }

  public static JobSettings runAll(List<String> inputs, String brands, Path out, String... sets) {
    return run(EnumSet.allOf(Stage.class), inputs, brands, out, List.of(sets));
  }

  public static JobSettings ingestAndAnalyze(List<String> inputs, String brands, Path out, String... sets) {
    return run(EnumSet.of(Stage.INGEST, Stage.ANALYZE), inputs, brands, out, List.of(sets));
  }

  /** Runs a job file as {@code megaphone run --job JOB --out OUT --set ...} would. */
  public static JobSettings runJob(Path job, Path out, EnumSet<Stage> stages, String... sets) {
    JobSettings settings = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(
        new CliOverrides(Optional.of(job.toString()), List.of(), Optional.empty(), Optional.of(out.toString()),
            List.of(sets)), stages.contains(Stage.INGEST), true);
    int code = new JobRunner(settings, stages, "test").run(TestSpark.session());
    if (code != 0) throw new AssertionError("job exited with " + code);
    return settings;
  }

  /** A file under ../shared/data/real ({@code relative} uses '/'). */
  public static Path realFile(String relative) {
    return Path.of("..", "shared", "data", "real").resolve(relative).toAbsolutePath().normalize();
  }

  /**
   * Every value of column {@code name} of a CSV under ../shared/data/real (header row, {@code sep}-separated), in
   * file order, empty values included; rows without that column are skipped; an absent file gives no values.
   */
  public static java.util.List<String> realColumn(String relative, char sep, String name) throws java.io.IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    Path f = realFile(relative);
    if (!java.nio.file.Files.isRegularFile(f)) return out;
    org.apache.commons.csv.CSVFormat fmt = org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(sep)
        .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
      for (org.apache.commons.csv.CSVRecord rec : fmt.parse(r)) if (rec.isSet(name)) out.add(rec.get(name));
    }
    return out;
  }

  /** Why a real-data test must be skipped (the data set or one of these files is absent), or null. */
  public static String missingRealFiles(String... relative) {
    if (realData() == null) return "../shared/data/real absent: skipping real-data test";
    for (String r : relative) {
      if (!java.nio.file.Files.isRegularFile(realFile(r))) return realFile(r) + " absent: skipping real-data test";
    }
    return null;
  }

  /** ../shared/data/real, or null when absent (tests on real data are then skipped). */
  public static Path realData() {
    Path p = Path.of("..", "shared", "data", "real").toAbsolutePath().normalize();
    return p.toFile().isDirectory() ? p : null;
  }
}
