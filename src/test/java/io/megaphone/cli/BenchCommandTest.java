package io.megaphone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.bench.Benchmark;
import io.megaphone.testing.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench command line, parsed without running anything. */
class BenchCommandTest {
  private static Benchmark.Options parse(String... args) {
    CommandLine.ParseResult r = Main.commandLine().parseArgs(args);
    return ((BenchCommand) r.subcommand().commandSpec().userObject()).options();
  }

  private static String error(String... args) {
    Cli.Outcome o = Cli.execute(args);
    assertThat(o.code()).isEqualTo(Main.USAGE);
    return o.err().strip();
  }

  @Test
  void defaultsAreTheSizesTheIssueAsksFor() {
    Benchmark.Options o = parse("bench");
    assertThat(o.sizes()).containsExactly(1_000_000L, 4_000_000L);
    assertThat(o.format()).isEqualTo("twitter-v2");
    assertThat(o.data()).isEqualTo("target/bench-data");
    assertThat(o.out()).isEqualTo("reports/bench");
    assertThat(o.baselines()).isTrue();
    assertThat(o.warmUp()).isTrue();
  }

  @Test
  void sizesAcceptSuffixes() {
    Benchmark.Options o = parse("bench", "--sizes", "250k,1.5M,16000000", "--format", "twcs", "--no-baselines",
        "--no-warm-up");
    assertThat(o.sizes()).isEqualTo(List.of(250_000L, 1_500_000L, 16_000_000L));
    assertThat(o.format()).isEqualTo("twcs");
    assertThat(o.baselines()).isFalse();
    assertThat(o.warmUp()).isFalse();
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertThat(error("bench", "--sizes", "10")).isEqualTo("megaphone bench: --sizes: 10 is below 1000 posts");
    assertThat(error("bench", "--sizes", "lots")).isEqualTo("megaphone bench: 'lots' is not a count (examples: 100000, 250k, 10M)");
    assertThat(error("bench", "--format", "xml"))
        .isEqualTo("megaphone bench: --format 'xml' cannot be generated; choose one of canonical, twitter-v2, twcs, youtube, reddit");
  }
}
