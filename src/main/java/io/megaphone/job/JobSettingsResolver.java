package io.megaphone.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Merges a job file with command-line overrides and checks everything that can be checked before
 * Spark starts. Every failure is a {@link UsageException} with one line naming the culprit.
 */
public final class JobSettingsResolver {
  private final Set<String> knownFormats;

  public JobSettingsResolver(Set<String> knownFormats) {
    this.knownFormats = new TreeSet<>(knownFormats);
  }

  /**
   * @param requireInputs true for stages that read sources (ingest, run)
   * @param checkFiles false in tests that parse arguments without touching the file system
   */
  public JobSettings resolve(CliOverrides cli, boolean requireInputs, boolean checkFiles) {
    Optional<JobFile> job = cli.jobFile().map(f -> JobFile.load(Path.of(f)));

    List<InputSpec> inputs = new ArrayList<>();
    if (!cli.inputs().isEmpty()) {
      for (String raw : cli.inputs()) inputs.add(parseInput(raw));
    } else {
      job.ifPresent(j -> inputs.addAll(j.inputs()));
    }
    for (InputSpec in : inputs) {
      if (!knownFormats.contains(in.format())) {
        throw new UsageException("unknown input format '" + in.format() + "' in " + in
            + " (known: " + String.join(", ", knownFormats) + ")");
      }
    }
    if (requireInputs && inputs.isEmpty()) {
      throw new UsageException("no input: give --input FORMAT=PATH or a --job file that lists inputs");
    }

    Optional<String> brands = cli.brands().or(() -> job.flatMap(JobFile::brands));

    Map<String, String> params = new LinkedHashMap<>(Parameter.defaults());
    job.ifPresent(j -> j.params().forEach((k, v) -> params.put(k, checkParam(k, v, "job file " + j.file()))));
    for (String set : cli.sets()) {
      int eq = set.indexOf('=');
      if (eq <= 0) throw new UsageException("--set '" + set + "': expected KEY=VALUE");
      String key = set.substring(0, eq).trim();
      params.put(key, checkParam(key, set.substring(eq + 1), "--set"));
    }

    String name = job.flatMap(JobFile::name)
        .orElse(job.map(j -> stripExtension(j.file().getFileName().toString())).orElse("adhoc"));
    String out = cli.out().or(() -> job.flatMap(JobFile::out)).orElse(Path.of("reports", name).toString());

    if (checkFiles && requireInputs) {
      for (InputSpec in : inputs) requireExists(in.path(), "input not found: " + in.path() + " (" + in.format() + ")");
      brands.ifPresent(b -> requireExists(b, "brand registry not found: " + b));
    }
    return new JobSettings(name, job.flatMap(JobFile::description).orElse(""), cli.jobFile(), inputs, brands, out,
        params);
  }

  private static String checkParam(String key, String value, String where) {
    Parameter p = Parameter.byKey(key).orElseThrow(() -> new UsageException(
        where + ": unknown parameter '" + key + "' (run 'megaphone params' for the list)"));
    return p.validate(value);
  }

  static InputSpec parseInput(String raw) {
    int eq = raw.indexOf('=');
    if (eq <= 0 || eq == raw.length() - 1) {
      throw new UsageException("--input '" + raw + "': expected FORMAT=PATH, e.g. twcs=data/twcs.csv");
    }
    return new InputSpec(raw.substring(0, eq).trim(), raw.substring(eq + 1).trim());
  }

  /** A file, a folder or a glob that matches at least one path. */
  private static void requireExists(String path, String message) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(new Configuration());
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) throw new UsageException(message);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(message + " (" + e.getMessage() + ")");
    }
  }

  private static String stripExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
