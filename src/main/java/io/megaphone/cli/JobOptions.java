package io.megaphone.cli;

import io.megaphone.job.CliOverrides;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every stage command takes. They override the job file. */
public final class JobOptions {
  @Option(names = "--job", paramLabel = "FILE",
      description = "YAML job definition (inputs, brands, out, params; see jobs/demo.yaml). Options given on the"
          + " command line override it.")
  String job;

  @Option(names = "--input", paramLabel = "FORMAT=PATH",
      description = "An input: format and a file, folder or glob (.gz/.bz2 read transparently). Repeatable;"
          + " replaces the job file's inputs. Formats: ${sys:megaphone.formats}.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--brands", paramLabel = "FILE",
      description = "Brand registry CSV with header brand,platform,account_id,handle.")
  String brands;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder of the run (default: the job file's 'out', else reports/<job name>).")
  String out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a job parameter; repeatable. 'megaphone params' lists them with defaults.")
  List<String> sets = new ArrayList<>();

  public CliOverrides toOverrides() {
    return new CliOverrides(Optional.ofNullable(job), inputs, Optional.ofNullable(brands), Optional.ofNullable(out),
        sets);
  }
}
