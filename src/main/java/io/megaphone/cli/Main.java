package io.megaphone.cli;

import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.UsageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point: builds the command line and maps outcomes to exit codes — 0 success, 1 failure, 2 usage
 * error (one line on stderr naming the culprit, printed before Spark starts).
 */
@Command(name = "megaphone", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Measure how brands behave on social media: ingest archives, compute metrics, render reports.",
    subcommands = {Commands.Run.class, Commands.Ingest.class, Commands.Analyze.class, Commands.Report.class,
        GenerateCommand.class, BenchCommand.class, Commands.Params.class, Commands.Formats.class})
public final class Main implements Callable<Integer> {
  public static final int USAGE = 2;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args, System.out, System.err));
  }

  public static CommandLine commandLine() {
    System.setProperty("megaphone.formats", String.join(", ", SourceFormats.all().keySet()));
    return new CommandLine(new Main());
  }

  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine();
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler((ex, a) -> {
      errWriter.println(qualifiedName(ex.getCommandLine()) + ": " + ex.getMessage() + " (see --help)");
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof UsageException) {
        errWriter.println(qualifiedName(cmd) + ": " + ex.getMessage());
        return USAGE;
      }
      errWriter.println(qualifiedName(cmd) + ": failed: " + ex);
      ex.printStackTrace(errWriter);
      return 1;
    });
    return cl.execute(args);
  }

  private static String qualifiedName(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName();
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"megaphone " + Version.get()};
    }
  }
}
