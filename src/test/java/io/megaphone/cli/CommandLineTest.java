package io.megaphone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.InputSpec;
import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.job.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.megaphone.testing.Cli;
import io.megaphone.testing.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parses command lines without running anything; usage errors are one exact line and exit code 2. */
class CommandLineTest {
  @TempDir
  Path tmp;

  private static Outcome execute(String... args) {
    return Cli.execute(args);
  }

  private static JobSettings parse(String... args) {
    CommandLine cl = Main.commandLine();
    CommandLine.ParseResult r = cl.parseArgs(args);
    StageCommand cmd = (StageCommand) r.subcommand().commandSpec().userObject();
    return cmd.settings(false);
  }

  @Test
  void commandLineOptionsBecomeSettings() {
    JobSettings s = parse("run", "--input", "twcs=a.csv", "--input", "twitter-v2=dir/*.jsonl", "--brands", "b.csv",
        "--out", "o", "--set", "responsiveness.horizon=24h", "--set", "responsiveness.questions-only=TRUE");
    assertThat(s.inputs()).containsExactly(new InputSpec("twcs", "a.csv"), new InputSpec("twitter-v2", "dir/*.jsonl"));
    assertThat(s.brands()).contains("b.csv");
    assertThat(s.out()).isEqualTo("o");
    assertThat(s.seconds(Parameter.RESPONSIVENESS_HORIZON)).isEqualTo(86_400);
    assertThat(s.bool(Parameter.RESPONSIVENESS_QUESTIONS_ONLY)).isTrue();
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    JobSettings s = parse("run", "--input", "twcs=a.csv");
    assertThat(s.seconds(Parameter.RESPONSIVENESS_HORIZON)).isEqualTo(7 * 86_400);
    assertThat(s.name()).isEqualTo("adhoc");
    assertThat(s.out()).isEqualTo(Path.of("reports", "adhoc").toString());
  }

  @Test
  void commandLineOverridesTheJobFile() throws IOException {
    Path job = tmp.resolve("myjob.yaml");
    Files.writeString(job, """
        name: weekly
        inputs:
          - format: twcs
            path: data/in.csv
        brands: registry.csv
        out: out/weekly
        params:
          responsiveness.horizon: 2d
          ingest.min-created-at: 2010-01-01
        """);
    JobSettings fromFile = parse("analyze", "--job", job.toString());
    assertThat(fromFile.name()).isEqualTo("weekly");
    assertThat(fromFile.inputs()).containsExactly(new InputSpec("twcs", tmp.resolve("data/in.csv").toString()));
    assertThat(fromFile.brands()).contains(tmp.resolve("registry.csv").toString());
    assertThat(fromFile.out()).isEqualTo(tmp.resolve("out/weekly").toString());
    assertThat(fromFile.seconds(Parameter.RESPONSIVENESS_HORIZON)).isEqualTo(2 * 86_400);
    assertThat(fromFile.param(Parameter.INGEST_MIN_CREATED_AT)).isEqualTo("2010-01-01T00:00:00Z");

    JobSettings overridden = parse("analyze", "--job", job.toString(), "--input", "canonical=x.jsonl", "--out", "o2",
        "--set", "responsiveness.horizon=3h");
    assertThat(overridden.inputs()).containsExactly(new InputSpec("canonical", "x.jsonl"));
    assertThat(overridden.out()).isEqualTo("o2");
    assertThat(overridden.seconds(Parameter.RESPONSIVENESS_HORIZON)).isEqualTo(3 * 3600);
    assertThat(overridden.brands()).contains(tmp.resolve("registry.csv").toString());
  }

  @Test
  void unknownOptionIsExit2WithOneLine() {
    Outcome o = execute("run", "--input", "twcs=a.csv", "--frobnicate");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone run: Unknown option: '--frobnicate' (see --help)" + System.lineSeparator());
  }

  @Test
  void unknownFormatIsExit2WithOneLine() {
    Outcome o = execute("ingest", "--input", "myspace=posts.csv");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone ingest: unknown input format 'myspace' in myspace=posts.csv (known: "
        + String.join(", ", new java.util.TreeSet<>(io.megaphone.ingest.SourceFormats.all().keySet())) + ")"
        + System.lineSeparator());
    assertThat(o.err()).contains("canonical, ").contains("twitter-v2");
  }

  /** Parameters that must hold together are checked before Spark starts, with the reason. */
  @Test
  void inconsistentDuplicationParametersAreExit2WithOneLine() throws IOException {
    Path in = Files.writeString(tmp.resolve("dup.jsonl"), "{}\n");
    Outcome o = execute("run", "--input", "canonical=" + in, "--out", tmp.resolve("dup-out").toString(),
        "--set", "duplication.bands=64", "--set", "duplication.rows=20");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone run: parameter duplication.bands: 64 bands x rows = 1280 MinHash"
        + " functions; at most 1024" + System.lineSeparator());
    Outcome t = execute("run", "--input", "canonical=" + in, "--set", "duplication.threshold=1.5");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).isEqualTo("megaphone run: parameter duplication.threshold: invalid value '1.5' (expected a"
        + " number from 0 to 1, like 0.8)" + System.lineSeparator());
  }

  @Test
  void missingInputFileIsExit2WithOneLine() {
    String missing = tmp.resolve("nope.csv").toString();
    Outcome o = execute("run", "--input", "twcs=" + missing, "--out", tmp.resolve("out").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone run: input not found: " + missing + " (twcs)" + System.lineSeparator());
  }

  @Test
  void missingRegistryIsExit2WithOneLine() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.jsonl"), "{}\n");
    String missing = tmp.resolve("brands.csv").toString();
    Outcome o = execute("run", "--input", "canonical=" + in, "--brands", missing);
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone run: brand registry not found: " + missing + System.lineSeparator());
  }

  @Test
  void badRegistryRowIsExit2NamingTheLine() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.jsonl"), "{}\n");
    Path reg = Files.writeString(tmp.resolve("brands.csv"), "brand,platform,account_id,handle\nAcme,twitter,1,acme\n"
        + "Acme,myspace,2,acme2\n");
    Outcome o = execute("ingest", "--input", "canonical=" + in, "--brands", reg.toString(), "--out",
        tmp.resolve("out").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone ingest: brand registry " + reg + " line 3: unknown platform 'myspace'"
        + System.lineSeparator());
  }

  @Test
  void badParameterIsExit2() {
    assertThat(execute("run", "--input", "twcs=a.csv", "--set", "responsiveness.horizon=soon").err())
        .isEqualTo("megaphone run: parameter responsiveness.horizon: invalid value 'soon' (expected a duration like"
            + " 7d, 24h, 90m, 3600s or PT1H)" + System.lineSeparator());
    Outcome unknown = execute("run", "--input", "twcs=a.csv", "--set", "horizon=1d");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("megaphone run: --set: unknown parameter 'horizon' (run 'megaphone params'"
        + " for the list)" + System.lineSeparator());
  }

  @Test
  void noInputIsAUsageError() {
    assertThatThrownBy(() -> parse("ingest")).isInstanceOf(UsageException.class)
        .hasMessage("no input: give --input FORMAT=PATH or a --job file that lists inputs");
  }

  @Test
  void analyzeWithoutArchiveIsExit2() {
    Outcome o = execute("analyze", "--out", tmp.resolve("empty").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("megaphone analyze: no archive in ").contains("run 'ingest'");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String sub : List.of("run", "ingest", "analyze", "report", "params", "formats")) {
      Outcome o = execute(sub, "--help");
      assertThat(o.code()).as(sub).isZero();
      assertThat(o.out()).as(sub).contains("Usage: megaphone " + sub);
    }
    assertThat(execute("run", "--help").out().replaceAll("\\s+", " "))
        .contains("Formats: " + String.join(", ", io.megaphone.ingest.SourceFormats.all().keySet()) + ".")
        .contains("Formats: canonical, twcs, twitter-v2");
  }

  @Test
  void paramsListsEveryParameter() {
    Outcome o = execute("params");
    for (Parameter p : Parameter.values()) assertThat(o.out()).contains("`" + p.key() + "`");
  }
}
