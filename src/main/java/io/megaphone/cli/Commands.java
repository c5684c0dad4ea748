package io.megaphone.cli;

import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.Parameter;
import io.megaphone.job.Stage;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The subcommands. Each only declares itself; the work is in JobRunner and the stage classes. */
final class Commands {
  private Commands() {}

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Read the inputs into the canonical archive (OUT/archive), quarantine what cannot be read"
          + " (OUT/quarantine) and write the reconciliation OUT/metrics/ingest_summary.csv.")
  static final class Ingest extends StageCommand {
    @Override
    EnumSet<Stage> stages() {
      return EnumSet.of(Stage.INGEST);
    }
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = "Compute the metrics tables (OUT/metrics/*.csv and Parquet) from the archive in OUT.")
  static final class Analyze extends StageCommand {
    @Override
    EnumSet<Stage> stages() {
      return EnumSet.of(Stage.ANALYZE);
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Render OUT/reports/index.html and report.pdf from the metrics in OUT.")
  static final class Report extends StageCommand {
    @Override
    EnumSet<Stage> stages() {
      return EnumSet.of(Stage.REPORT);
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "ingest, analyze and report in one go; prints the path of the PDF report.")
  static final class Run extends StageCommand {
    @Override
    EnumSet<Stage> stages() {
      return EnumSet.allOf(Stage.class);
    }
  }

  @Command(name = "params", mixinStandardHelpOptions = true,
      description = "List the job parameters (--set KEY=VALUE or 'params:' in a job file) as a Markdown table.")
  static final class Params implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(Parameter.markdownTable());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "formats", mixinStandardHelpOptions = true, description = "List the input formats.")
  static final class Formats implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      for (SourceFormat f : SourceFormats.all().values()) {
        spec.commandLine().getOut().printf("%-12s %s%n", f.name(), f.description());
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
