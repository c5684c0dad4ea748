package io.megaphone.cli;

import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs some stages of the pipeline for a job. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Spec
  CommandSpec spec;

  abstract EnumSet<Stage> stages();

  /** Parses and checks the settings without running anything (used by tests and before Spark starts). */
  JobSettings settings(boolean checkFiles) {
    return new JobSettingsResolver(SourceFormats.all().keySet())
        .resolve(options.toOverrides(), stages().contains(Stage.INGEST), checkFiles);
  }

  @Override
  public Integer call() {
    JobSettings settings = settings(true);
    String commandLine = "megaphone " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    return new JobRunner(settings, stages(), commandLine).run();
  }
}
