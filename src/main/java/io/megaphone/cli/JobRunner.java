package io.megaphone.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.archive.Manifest;
import io.megaphone.archive.OutputLayout;
import io.megaphone.ingest.BrandAccount;
import io.megaphone.ingest.BrandRegistry;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.IngestStep;
import io.megaphone.ingest.SourceFiles;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.InputSpec;
import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.job.Stage;
import io.megaphone.job.UsageException;
import io.megaphone.metrics.AnalyzeStep;
import io.megaphone.report.ReportStep;
import io.megaphone.spark.Progress;
import io.megaphone.spark.SparkSessions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the requested stages for resolved settings: checks what can be checked before Spark starts
 * (usage errors), then ingest → analyze → report, recording each in manifest.json.
 */
public final class JobRunner {
  private final JobSettings settings;
  private final Set<Stage> stages;
  private final String commandLine;

  public JobRunner(JobSettings settings, Set<Stage> stages, String commandLine) {
    this.settings = settings;
    this.stages = stages;
    this.commandLine = commandLine;
  }

  /** @return the process exit code: 0 success, 1 a stage failed */
  public int run() {
    return run(null);
  }

  /**
   * Runs in {@code existing} when given (tests share one session and it is left running), else in a
   * session of its own that is stopped at the end.
   */
  public int run(SparkSession existing) {
    Instant started = Instant.now();
    Configuration hadoop = new Configuration();
    OutputLayout out = new OutputLayout(settings.out(), hadoop);
    List<BrandAccount> registry = settings.brands().map(BrandRegistry::load).orElse(List.of());
    List<IngestStep.SourceFile> files = new ArrayList<>();
    if (stages.contains(Stage.ANALYZE)) AnalyzeStep.checkSettings(settings);
    if (stages.contains(Stage.INGEST)) {
      for (InputSpec in : settings.inputs()) {
        SourceFormats.byName(in.format()).ifPresent(f -> f.checkSettings(in.toString(), in.settings()));
        List<FileStatus> found = SourceFiles.expand(in.path(), hadoop);
        if (found.isEmpty()) throw new UsageException("input not found: " + in.path() + " (" + in.format() + ")");
        for (FileStatus f : found) files.add(new IngestStep.SourceFile(in.format(), f.getPath().toString(), f.getLen(),
            in.settings()));
      }
    } else if (stages.contains(Stage.ANALYZE) && !out.exists(out.archive())) {
      throw new UsageException("no archive in " + out.root() + ": run 'ingest' (or 'run') with this --out first");
    } else if (!stages.contains(Stage.ANALYZE) && !out.exists(out.metricsCsv("ingest_summary"))) {
      throw new UsageException("no metrics in " + out.root() + ": run 'ingest' and 'analyze' with this --out first");
    }

    Manifest manifest = stages.contains(Stage.INGEST) ? newManifest(started, registry) : Manifest.loadOrEmpty(out);
    int failures = 0;
    SparkSession spark = null;
    try {
      if (existing != null) {
        spark = existing;
      } else if (stages.contains(Stage.INGEST) || stages.contains(Stage.ANALYZE)) {
        spark = SparkSessions.getOrCreate("megaphone " + settings.name(),
            settings.integer(Parameter.SPARK_SHUFFLE_PARTITIONS));
      }
      if (spark != null) manifest.root().put("spark_version", spark.version());
      if (stages.contains(Stage.INGEST)) {
        ObjectNode st = manifest.stage("ingest");
        st.put("started_at", Instant.now().toString());
        IngestOptions options = ingestOptions(started, manifest);
        recordInputs(spark, files, manifest);
        IngestStep.Result r = IngestStep.run(spark, files, registry, options, out, manifest);
        st.put("ended_at", Instant.now().toString());
        st.put("records_read", r.read()).put("records_accepted", r.accepted()).put("records_quarantined", r.quarantined());
        st.put("reconciled", r.sources().stream().allMatch(s -> s.reconciled()));
        manifest.save(out);
      }
      if (stages.contains(Stage.ANALYZE)) {
        ObjectNode st = manifest.stage("analyze");
        st.put("started_at", Instant.now().toString());
        failures += AnalyzeStep.run(spark, settings, out, st);
        st.put("ended_at", Instant.now().toString());
        manifest.save(out);
      }
      if (stages.contains(Stage.REPORT)) {
        ObjectNode st = manifest.stage("report");
        st.put("started_at", Instant.now().toString());
        manifest.save(out);
        String pdf = ReportStep.run(out);
        st.put("ended_at", Instant.now().toString());
        manifest.save(out);
        Progress.say("report", "written to " + OutputLayout.displayPath(out.reports()));
        System.out.println("Report: " + OutputLayout.displayPath(pdf));
      }
    } finally {
      if (spark != null && existing == null) spark.stop();
    }
    Progress.say("megaphone", String.format("finished in %.1f s", Duration.between(started, Instant.now()).toMillis() / 1e3));
    return failures == 0 ? 0 : 1;
  }

  private Manifest newManifest(Instant started, List<BrandAccount> registry) {
    Manifest m = Manifest.empty();
    ObjectNode root = m.root();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "megaphone").put("version", Version.get()).put("java", System.getProperty("java.version"));
    root.put("started_at", started.toString());
    root.put("command_line", commandLine);
    ObjectNode job = root.putObject("job");
    job.put("name", settings.name()).put("description", settings.description());
    settings.jobFile().ifPresent(f -> {
      job.put("file", f);
      try {
        job.put("file_text", Files.readString(Path.of(f), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        job.put("file_text", "unreadable: " + e.getMessage());
      }
    });
    ArrayNode inputs = job.putArray("inputs");
    for (InputSpec in : settings.inputs()) {
      ObjectNode i = inputs.addObject().put("format", in.format()).put("path", in.path());
      if (!in.settings().isEmpty()) i.set("settings", Manifest.mapper().valueToTree(in.settings()));
    }
    settings.brands().ifPresent(b -> job.put("brands", b).put("brand_accounts_registered", registry.size()));
    job.put("out", settings.out());
    ObjectNode params = root.putObject("parameters");
    for (Parameter p : Parameter.values()) {
      // A pseudonym key that was set stays secret: with it, anyone could recompute pseudonyms from guessed handles.
      boolean secret = p == Parameter.QUALITY_PSEUDONYM_KEY && !settings.param(p).equals(p.defaultValue());
      params.put(p.key(), secret ? "(set; not recorded)" : settings.param(p));
    }
    return m;
  }

  private IngestOptions ingestOptions(Instant started, Manifest manifest) {
    Instant min = resolveInstant(settings.param(Parameter.INGEST_MIN_CREATED_AT), started);
    Instant max = resolveInstant(settings.param(Parameter.INGEST_MAX_CREATED_AT), started);
    ObjectNode resolved = manifest.section("resolved_parameters");
    resolved.put(Parameter.INGEST_MIN_CREATED_AT.key(), min.toString());
    resolved.put(Parameter.INGEST_MAX_CREATED_AT.key(), max.toString());
    return new IngestOptions(min, max, settings.param(Parameter.INGEST_DEFAULT_TIMEZONE))
        .withDetectLanguage(Boolean.parseBoolean(settings.param(Parameter.INGEST_DETECT_LANGUAGE)));
  }

  /** "now" and "now+7d" relative to the job start; anything else is an ISO instant. */
  static Instant resolveInstant(String v, Instant now) {
    if (v.startsWith("now")) {
      if (v.equals("now")) return now;
      String d = v.substring(4);
      long n = Long.parseLong(d.substring(0, d.length() - 1));
      long unit = switch (d.charAt(d.length() - 1)) {
        case 'd' -> 86400;
        case 'h' -> 3600;
        case 'm' -> 60;
        default -> 1;
      };
      return now.plusSeconds(n * unit);
    }
    return Instant.parse(v);
  }

  /** Size and SHA-256 of every input file, hashed in parallel on the cluster. */
  private static void recordInputs(SparkSession spark, List<IngestStep.SourceFile> files, Manifest manifest) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.sparkContext().setJobGroup("ingest/hash inputs", "ingest: hash input files", false);
    List<String> paths = files.stream().map(IngestStep.SourceFile::path).toList();
    List<String> hashes = sc.parallelize(paths, Math.max(1, Math.min(paths.size(), 64))).map(JobRunner::sha256).collect();
    ArrayNode arr = manifest.root().putArray("input_files");
    for (int i = 0; i < files.size(); i++) {
      IngestStep.SourceFile f = files.get(i);
      arr.addObject().put("format", f.format()).put("path", f.path()).put("size", f.size()).put("sha256", hashes.get(i));
    }
  }

  static String sha256(String file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    try (InputStream in = p.getFileSystem(new Configuration()).open(p)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
